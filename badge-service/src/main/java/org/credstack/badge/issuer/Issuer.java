package org.credstack.badge.issuer;

/**
 * An issuer as its public profile shows it (Open Badges 3.0 §B.1.2 Profile).
 *
 * @param id {@code <base>/issuers/{providerId}}; also the controller of the key
 * @param name display name, from the latest catalog snapshot naming the provider; {@code null} until one did
 * @param url home page, may be {@code null}
 * @param email contact address, may be {@code null}
 * @param verificationMethod {@code <id>#<publicKeyMultibase>}
 * @param publicKeyMultibase the Ed25519 public key as a Multikey value ({@code z6Mk...})
 */
public record Issuer(
        String id, String name, String url, String email, String verificationMethod, String publicKeyMultibase) {}
