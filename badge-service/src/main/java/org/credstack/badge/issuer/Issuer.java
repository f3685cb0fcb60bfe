package org.credstack.badge.issuer;

import java.util.List;

/**
 * An issuer as its public profile shows it (Open Badges 3.0 §B.1.2 Profile).
 *
 * @param id {@code <base>/issuers/{providerId}}; also the controller of its keys
 * @param name display name, from the latest catalog snapshot naming the provider; {@code null} until one did
 * @param url home page, may be {@code null}
 * @param email contact address, may be {@code null}
 * @param publicKeys every Ed25519 public key the issuer ever signed with, as Multikey values ({@code z6Mk...}),
 *     oldest first; a rotation adds one and removes none, so what an older key signed still verifies
 * @param signingKey the one of {@code publicKeys} that new credentials are signed with
 */
public record Issuer(String id, String name, String url, String email, List<String> publicKeys, String signingKey) {

    public Issuer {
        publicKeys = List.copyOf(publicKeys);
        if (!publicKeys.contains(signingKey)) {
            throw new IllegalArgumentException("the signing key " + signingKey + " is not among the issuer's keys");
        }
    }

    /** The verification method of one of its keys: {@code <id>#<publicKeyMultibase>}. */
    public String verificationMethod(String publicKeyMultibase) {
        return id + "#" + publicKeyMultibase;
    }

    /** The verification method new credentials name: {@code <id>#<signingKey>}. */
    public String signingMethod() {
        return verificationMethod(signingKey);
    }

    /** The verification methods of all its keys, oldest first. */
    public List<String> verificationMethods() {
        return publicKeys.stream().map(this::verificationMethod).toList();
    }
}
