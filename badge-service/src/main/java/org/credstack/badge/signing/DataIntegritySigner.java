package org.credstack.badge.signing;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Signature;
import org.credstack.badge.jsonld.CanonicalizationException;
import org.credstack.badge.jsonld.RdfCanonicalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secures a JSON-LD credential with a Data Integrity proof of cryptosuite {@code eddsa-rdfc-2022}
 * (VC Data Integrity EdDSA Cryptosuites v1.0 §3.2.1 Create Proof): canonicalise the document and the
 * proof configuration with RDFC-1.0, sign SHA-256(proof configuration) || SHA-256(document) with
 * Ed25519, and add the proof under {@code proof}:
 *
 * <pre>{@code
 * "proof": {
 *   "type": "DataIntegrityProof",
 *   "created": "2010-01-01T19:23:24Z",
 *   "verificationMethod": "https://example.edu/issuers/565049#z6Mk...",
 *   "cryptosuite": "eddsa-rdfc-2022",
 *   "proofPurpose": "assertionMethod",
 *   "proofValue": "z5x9a..."          // multibase base58btc of the 64-byte signature
 * }
 * }</pre>
 *
 * <p>The proof carries no {@code @context} of its own: it is read under the document's, which for a
 * VC 2.0 credential defines {@code DataIntegrityProof}. Thread-safe.
 */
public final class DataIntegritySigner {

    private final EddsaRdfc2022 suite;

    /** A signer whose canonicalisation loads contexts through {@code canonicalizer}. */
    public DataIntegritySigner(RdfCanonicalizer canonicalizer) {
        this.suite = new EddsaRdfc2022(canonicalizer);
    }

    /**
     * A copy of {@code unsecuredDocument} with an {@code eddsa-rdfc-2022} proof added; the input is
     * not changed.
     *
     * @param unsecuredDocument a JSON-LD document with an {@code @context} and no {@code proof}
     * @param options when, by which verification method and for which purpose
     * @param privateKey the Ed25519 private key of {@code options.verificationMethod()}
     * @throws IllegalArgumentException if the document has no {@code @context}, already has a {@code
     *     proof}, or the key is not an Ed25519 private key
     * @throws CanonicalizationException if a context is not bundled or a property is undefined
     */
    public ObjectNode sign(ObjectNode unsecuredDocument, ProofOptions options, PrivateKey privateKey) {
        JsonNode context = unsecuredDocument.get("@context");
        if (context == null) {
            throw new IllegalArgumentException("document has no @context");
        }
        if (unsecuredDocument.has("proof")) {
            throw new IllegalArgumentException("document already has a proof; proof sets and chains are not supported");
        }
        ObjectNode proof = JsonNodeFactory.instance.objectNode();
        proof.put("type", EddsaRdfc2022.PROOF_TYPE);
        proof.put("created", options.created().toString());
        proof.put("verificationMethod", options.verificationMethod());
        proof.put("cryptosuite", EddsaRdfc2022.CRYPTOSUITE);
        proof.put("proofPurpose", options.proofPurpose());

        String canonicalDocument = suite.transform(unsecuredDocument);
        String canonicalProofConfig = suite.proofConfiguration(proof, context);
        byte[] signature = sign(EddsaRdfc2022.hashData(canonicalProofConfig, canonicalDocument), privateKey);
        proof.put("proofValue", Base58Btc.encode(signature));

        ObjectNode secured = unsecuredDocument.deepCopy();
        secured.set("proof", proof);
        return secured;
    }

    private static byte[] sign(byte[] data, PrivateKey privateKey) {
        try {
            Signature ed25519 = Signature.getInstance(EddsaRdfc2022.SIGNATURE_ALGORITHM);
            ed25519.initSign(privateKey);
            ed25519.update(data);
            return ed25519.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + privateKey.getAlgorithm(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
