package org.credstack.badge.verification;

import java.net.URI;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.jsonld.StaticDocumentLoader;
import org.credstack.badge.signing.DataIntegrityVerifier;
import org.credstack.badge.signing.Multikey;
import org.credstack.badge.signing.ProofOptions;
import org.credstack.badge.signing.ProofVerification;
import org.credstack.badge.verification.VerificationReport.IssuerCheck;
import org.credstack.badge.verification.VerificationReport.ProofCheck;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The proof and issuer checks of one credential, offline: each Data Integrity proof of its proof set with the key of
 * its verification method (this service's own issuer keys from the store, {@code did:key} Ed25519 Multikeys from the
 * identifier; nothing is fetched), and whether that verification method belongs to the credential's {@code issuer}.
 * Thread-safe.
 */
final class ProofChecks {

    private static final String DID_KEY = "did:key:";

    private static final Set<URI> BUNDLED_CONTEXTS =
            StaticDocumentLoader.bundled().urls();

    private final Issuers issuers;
    private final DataIntegrityVerifier proofs;
    private final String ownIssuers;

    /** @param ownIssuers the URL prefix of this service's issuers, {@code <base>/issuers/} */
    ProofChecks(Issuers issuers, DataIntegrityVerifier proofs, String ownIssuers) {
        this.issuers = issuers;
        this.proofs = proofs;
        this.ownIssuers = ownIssuers;
    }

    /**
     * The proof set: {@code invalid} if any proof is, else {@code valid} if one is, else the first {@code
     * unverifiable} one (VC Data Integrity §4.3 proof sets: every proof is checked on its own).
     */
    ProofCheck check(ObjectNode credential) {
        JsonNode proof = credential.get("proof");
        List<JsonNode> set = proof == null
                ? List.of()
                : proof.isArray() ? proof.valueStream().toList() : List.of(proof);
        if (set.isEmpty()) {
            return invalid(null, "credential has no proof");
        }
        Optional<String> unbundled = unbundledContext(credential);
        if (unbundled.isPresent()) {
            return new ProofCheck(
                    VerificationReport.UNVERIFIABLE,
                    text(set.getFirst().get("verificationMethod")),
                    Unverifiable.CONTEXT_NOT_AVAILABLE_OFFLINE,
                    "@context " + unbundled.get() + " is not bundled; contexts are never fetched");
        }
        List<ProofCheck> checks =
                set.stream().map(member -> oneProof(credential, member)).toList();
        for (String status : List.of(VerificationReport.NOT_VALID, VerificationReport.VALID)) {
            Optional<ProofCheck> found =
                    checks.stream().filter(c -> status.equals(c.status())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        return checks.getFirst();
    }

    private ProofCheck oneProof(ObjectNode credential, JsonNode member) {
        if (!(member instanceof ObjectNode proof)) {
            return invalid(null, "a proof must be a JSON object");
        }
        String method = text(proof.get("verificationMethod"));
        String suite = DataIntegrityVerifier.suite(proof);
        if (!DataIntegrityVerifier.SUPPORTED_SUITES.contains(suite)) {
            return new ProofCheck(
                    VerificationReport.UNVERIFIABLE,
                    method,
                    Unverifiable.UNSUPPORTED_CRYPTOSUITE,
                    "proof type/cryptosuite " + suite + " is not supported");
        }
        if (method == null) {
            return invalid(null, "proof has no verificationMethod");
        }
        if (!ProofOptions.ASSERTION_METHOD.equals(text(proof.get("proofPurpose")))) {
            return invalid(method, "proofPurpose must be assertionMethod for an issuer's proof");
        }
        Optional<PublicKey> key;
        try {
            key = resolve(method);
        } catch (IllegalArgumentException e) {
            return invalid(method, "verification method names no Ed25519 key: " + e.getMessage());
        }
        if (key.isEmpty()) {
            return method.startsWith(ownIssuers)
                    ? invalid(method, "verification method is not one of this service's issuer keys")
                    : new ProofCheck(
                            VerificationReport.UNVERIFIABLE,
                            method,
                            Unverifiable.KEY_NOT_RESOLVABLE,
                            "only did:key and this service's issuer keys are resolved offline");
        }
        ProofVerification result = proofs.verifyProof(credential, proof, key.get());
        return result.verified()
                ? new ProofCheck(VerificationReport.VALID, method, null, null)
                : invalid(method, result.failure());
    }

    /**
     * The public key of a verification method (or a VC-JWT's {@code kid}), offline; empty when it cannot be resolved.
     *
     * @throws IllegalArgumentException when the method is a {@code did:key} that names no Ed25519 key
     */
    Optional<PublicKey> resolve(String verificationMethod) {
        if (verificationMethod.startsWith(DID_KEY)) {
            int hash = verificationMethod.indexOf('#');
            String multikey =
                    verificationMethod.substring(DID_KEY.length(), hash < 0 ? verificationMethod.length() : hash);
            if (hash >= 0 && !verificationMethod.substring(hash + 1).equals(multikey)) {
                throw new IllegalArgumentException("did:key fragment differs from the key: " + verificationMethod);
            }
            return Optional.of(Multikey.decode(multikey));
        }
        return issuers.publicKey(verificationMethod);
    }

    private static Optional<String> unbundledContext(ObjectNode document) {
        JsonNode context = document.get("@context");
        List<JsonNode> entries = context == null
                ? List.of()
                : context.isArray() ? context.valueStream().toList() : List.of(context);
        return entries.stream()
                .map(ProofChecks::text)
                .filter(url -> url != null && !bundled(url))
                .findFirst();
    }

    private static boolean bundled(String url) {
        try {
            return BUNDLED_CONTEXTS.contains(URI.create(url));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The issuer binding: {@code valid} when a proof's verification method has the issuer as its controller (the
     * part before {@code #}); for an issuer id that is a URN (no controller document can exist), a {@code did:key}
     * proof binds it. {@code null} when there is no proof to bind.
     */
    static IssuerCheck issuer(ObjectNode credential) {
        String issuer = issuerId(credential.get("issuer"));
        JsonNode proof = credential.get("proof");
        List<String> methods = proof == null
                ? List.of()
                : (proof.isArray() ? proof.valueStream() : Stream.of(proof))
                        .map(p -> text(p.get("verificationMethod")))
                        .filter(m -> m != null)
                        .toList();
        if (methods.isEmpty()) {
            return null;
        }
        if (issuer == null) {
            return new IssuerCheck(VerificationReport.NOT_VALID, null, "credential has no issuer id");
        }
        if (methods.stream().anyMatch(m -> controller(m).equals(issuer))) {
            return new IssuerCheck(VerificationReport.VALID, issuer, null);
        }
        if (issuer.startsWith("urn:") && methods.stream().anyMatch(m -> m.startsWith(DID_KEY))) {
            return new IssuerCheck(
                    VerificationReport.VALID,
                    issuer,
                    "issuer is a URN, which has no controller document; the did:key that signed stands for it");
        }
        return new IssuerCheck(
                VerificationReport.NOT_VALID,
                issuer,
                "verification method " + methods.getFirst() + " is not controlled by the issuer " + issuer);
    }

    private static String controller(String verificationMethod) {
        int hash = verificationMethod.indexOf('#');
        return hash < 0 ? verificationMethod : verificationMethod.substring(0, hash);
    }

    static ProofCheck invalid(String verificationMethod, String detail) {
        return new ProofCheck(VerificationReport.NOT_VALID, verificationMethod, null, detail);
    }

    private static String issuerId(JsonNode issuer) {
        if (issuer != null && issuer.isObject()) {
            return text(issuer.get("id"));
        }
        return text(issuer);
    }

    private static String text(JsonNode value) {
        return value != null && value.isString() ? value.asString() : null;
    }
}
