package org.credstack.badge.signing;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Set;
import org.credstack.badge.jsonld.CanonicalizationException;
import org.credstack.badge.jsonld.RdfCanonicalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the {@code eddsa-rdfc-2022} Data Integrity proof of a JSON-LD credential (VC Data Integrity
 * EdDSA Cryptosuites v1.0 §3.2.2 Verify Proof) against a public key the caller trusts for the
 * proof's {@code verificationMethod}.
 *
 * <p>Resolving the verification method to a key, the proof purpose a use case expects, and the
 * credential's validity period and status are the caller's checks, not this class's. {@code proof}
 * may be one object or an array holding one (the form Open Badges 3.0 prefers); a proof set of
 * several proofs is reported as not verified. Thread-safe.
 */
public final class DataIntegrityVerifier {

    private final EddsaRdfc2022 suite;
    private final RdfCanonicalizer suiteCanonicalizer;

    /** A verifier whose canonicalisation loads contexts through {@code canonicalizer}. */
    public DataIntegrityVerifier(RdfCanonicalizer canonicalizer) {
        this.suite = new EddsaRdfc2022(canonicalizer);
        this.suiteCanonicalizer = canonicalizer;
    }

    /**
     * Whether {@code securedDocument} carries a valid {@code eddsa-rdfc-2022} proof made with the
     * private key of {@code publicKey}. Never throws for a malformed or tampered document: the result
     * names what failed.
     *
     * @param securedDocument a JSON-LD document with a {@code proof} object (or an array of one)
     * @param publicKey the Ed25519 public key of the proof's verification method
     */
    public ProofVerification verify(ObjectNode securedDocument, PublicKey publicKey) {
        JsonNode proofNode = securedDocument.get("proof");
        if (proofNode instanceof ArrayNode proofSet && proofSet.size() == 1) {
            proofNode = proofSet.get(0);
        }
        if (!(proofNode instanceof ObjectNode proof)) {
            return ProofVerification.failed(
                    proofNode == null
                            ? "document has no proof"
                            : "proof is neither one object nor an array of one (proof sets are not supported)");
        }
        JsonNode context = securedDocument.get("@context");
        if (context == null) {
            return ProofVerification.failed("document has no @context");
        }
        ObjectNode proofOptions = proof.deepCopy();
        JsonNode proofValue = proofOptions.remove("proofValue");
        if (proofValue == null || !proofValue.isString()) {
            return ProofVerification.failed("proof has no proofValue");
        }
        ObjectNode unsecuredDocument = securedDocument.deepCopy();
        unsecuredDocument.remove("proof");
        JsonNode proofContext = proofOptions.get("@context");
        if (proofContext != null) {
            if (!startsWith(context, proofContext)) {
                return ProofVerification.failed("document @context does not start with the proof's @context");
            }
            unsecuredDocument.set("@context", proofContext.deepCopy());
            context = proofContext;
        }
        try {
            byte[] signature = Base58Btc.decode(proofValue.asString());
            if (signature.length != EddsaRdfc2022.SIGNATURE_LENGTH) {
                return ProofVerification.failed(
                        "proofValue is " + signature.length + " bytes, an Ed25519 signature is 64");
            }
            String canonicalProofConfig = suite.proofConfiguration(proofOptions, context);
            String canonicalDocument = suite.transform(unsecuredDocument);
            return verifies(EddsaRdfc2022.hashData(canonicalProofConfig, canonicalDocument), signature, publicKey)
                    ? ProofVerification.success()
                    : ProofVerification.failed("signature does not match the document and proof options for this key");
        } catch (IllegalArgumentException | CanonicalizationException e) {
            return ProofVerification.failed(e.getMessage());
        }
    }

    /** The Data Integrity proof types and cryptosuites {@link #verifyProof} checks, as {@code type/cryptosuite}. */
    public static final Set<String> SUPPORTED_SUITES =
            Set.of("DataIntegrityProof/eddsa-rdfc-2022", "DataIntegrityProof/eddsa-2022", "Ed25519Signature2020/");

    /**
     * The suite of a proof as {@code type/cryptosuite} (cryptosuite empty when absent), e.g. {@code
     * DataIntegrityProof/eddsa-rdfc-2022}; compare with {@link #SUPPORTED_SUITES}.
     */
    public static String suite(ObjectNode proof) {
        JsonNode type = proof.get("type");
        JsonNode cryptosuite = proof.get("cryptosuite");
        return (type != null && type.isString() ? type.asString() : "")
                + "/"
                + (cryptosuite != null && cryptosuite.isString() ? cryptosuite.asString() : "");
    }

    /**
     * Whether one proof of {@code securedDocument} (one member of a proof set, VC Data Integrity §4.3) is a valid
     * Ed25519 signature by {@code publicKey}. The same algorithm serves three names: {@code DataIntegrityProof} with
     * {@code eddsa-rdfc-2022} (EdDSA Cryptosuites v1.0 §3.2), with the legacy draft name {@code eddsa-2022}, and
     * {@code Ed25519Signature2020}: RDFC-1.0 canonical N-Quads of the proof options (without {@code proofValue},
     * with the document's {@code @context}) and of the document without any proof, SHA-256 of each, proof hash
     * first, Ed25519 over the 64 bytes, {@code proofValue} multibase base58btc.
     *
     * @param securedDocument the document with its {@code proof} (object or array)
     * @param proof the proof to check, one of the document's
     * @param publicKey the Ed25519 public key of the proof's verification method
     * @return never throws for a malformed or tampered document: the result names what failed; an unsupported
     *     suite fails naming it
     */
    public ProofVerification verifyProof(ObjectNode securedDocument, ObjectNode proof, PublicKey publicKey) {
        String suite = suite(proof);
        if (!SUPPORTED_SUITES.contains(suite)) {
            return ProofVerification.failed("unsupported proof type/cryptosuite " + suite);
        }
        JsonNode context = securedDocument.get("@context");
        if (context == null) {
            return ProofVerification.failed("document has no @context");
        }
        ObjectNode proofConfig = proof.deepCopy();
        JsonNode proofValue = proofConfig.remove("proofValue");
        if (proofValue == null || !proofValue.isString()) {
            return ProofVerification.failed("proof has no proofValue");
        }
        ObjectNode unsecuredDocument = securedDocument.deepCopy();
        unsecuredDocument.remove("proof");
        JsonNode proofContext = proofConfig.get("@context");
        if (proofContext != null && !startsWith(context, proofContext)) {
            return ProofVerification.failed("document @context does not start with the proof's @context");
        }
        proofConfig.set("@context", (proofContext != null ? proofContext : context).deepCopy());
        try {
            byte[] signature = Base58Btc.decode(proofValue.asString());
            if (signature.length != EddsaRdfc2022.SIGNATURE_LENGTH) {
                return ProofVerification.failed(
                        "proofValue is " + signature.length + " bytes, an Ed25519 signature is 64");
            }
            byte[] data = EddsaRdfc2022.hashData(
                    suiteCanonicalizer.canonicalize(proofConfig), suiteCanonicalizer.canonicalize(unsecuredDocument));
            return verifies(data, signature, publicKey)
                    ? ProofVerification.success()
                    : ProofVerification.failed("signature does not match the document and proof options for this key");
        } catch (IllegalArgumentException | CanonicalizationException e) {
            return ProofVerification.failed(e.getMessage());
        }
    }

    private static boolean verifies(byte[] data, byte[] signature, PublicKey publicKey) {
        try {
            Signature ed25519 = Signature.getInstance(EddsaRdfc2022.SIGNATURE_ALGORITHM);
            ed25519.initVerify(publicKey);
            ed25519.update(data);
            return ed25519.verify(signature);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + publicKey.getAlgorithm(), e);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean startsWith(JsonNode documentContext, JsonNode proofContext) {
        ArrayNode document = asArray(documentContext);
        ArrayNode proof = asArray(proofContext);
        if (proof.size() > document.size()) {
            return false;
        }
        for (int i = 0; i < proof.size(); i++) {
            if (!proof.get(i).equals(document.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static ArrayNode asArray(JsonNode context) {
        if (context instanceof ArrayNode array) {
            return array;
        }
        ArrayNode single = JsonNodeFactory.instance.arrayNode();
        single.add(context);
        return single;
    }
}
