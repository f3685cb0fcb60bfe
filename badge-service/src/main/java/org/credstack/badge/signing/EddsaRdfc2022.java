package org.credstack.badge.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.credstack.badge.jsonld.RdfCanonicalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The steps of cryptosuite {@code eddsa-rdfc-2022} shared by signer and verifier (VC Data Integrity
 * EdDSA Cryptosuites v1.0 §3.2.3 Transformation, §3.2.4 Hashing, §3.2.5 Proof Configuration).
 */
final class EddsaRdfc2022 {

    static final String PROOF_TYPE = "DataIntegrityProof";
    static final String CRYPTOSUITE = "eddsa-rdfc-2022";
    static final String SIGNATURE_ALGORITHM = "Ed25519";
    static final int SIGNATURE_LENGTH = 64;

    private final RdfCanonicalizer canonicalizer;

    EddsaRdfc2022(RdfCanonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
    }

    /** §3.2.3: canonical N-Quads of the document without its proof. */
    String transform(ObjectNode unsecuredDocument) {
        return canonicalizer.canonicalize(unsecuredDocument);
    }

    /**
     * §3.2.5: the proof options without {@code proofValue}, with the document's {@code @context},
     * canonicalised.
     *
     * @throws IllegalArgumentException if type or cryptosuite are not this suite's, or {@code created}
     *     is not a date-time with offset
     */
    String proofConfiguration(ObjectNode proofOptions, JsonNode documentContext) {
        requireText(proofOptions, "type", PROOF_TYPE);
        requireText(proofOptions, "cryptosuite", CRYPTOSUITE);
        JsonNode created = proofOptions.get("created");
        if (created != null) {
            try {
                OffsetDateTime.parse(created.asString());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("proof created is not an XML Schema dateTimeStamp: " + created);
            }
        }
        ObjectNode proofConfig = proofOptions.deepCopy();
        proofConfig.remove("proofValue");
        proofConfig.set("@context", documentContext.deepCopy());
        return canonicalizer.canonicalize(proofConfig);
    }

    /** §3.2.4: SHA-256 of the canonical proof configuration followed by SHA-256 of the canonical document. */
    static byte[] hashData(String canonicalProofConfig, String canonicalDocument) {
        byte[] proofHash = sha256(canonicalProofConfig);
        byte[] documentHash = sha256(canonicalDocument);
        byte[] data = new byte[proofHash.length + documentHash.length];
        System.arraycopy(proofHash, 0, data, 0, proofHash.length);
        System.arraycopy(documentHash, 0, data, proofHash.length, documentHash.length);
        return data;
    }

    static byte[] sha256(String canonicalNQuads) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonicalNQuads.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no SHA-256", e);
        }
    }

    private static void requireText(ObjectNode proof, String field, String expected) {
        JsonNode value = proof.get(field);
        if (value == null || !value.isString() || !expected.equals(value.asString())) {
            throw new IllegalArgumentException("proof " + field + " must be " + expected + ", was " + value);
        }
    }
}
