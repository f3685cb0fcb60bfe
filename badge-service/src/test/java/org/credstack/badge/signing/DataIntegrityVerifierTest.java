package org.credstack.badge.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import org.credstack.badge.jsonld.RdfCanonicalizer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DataIntegrityVerifierTest {

    private static final RdfCanonicalizer CANONICALIZER = RdfCanonicalizer.offline();

    private final DataIntegrityVerifier verifier = new DataIntegrityVerifier(CANONICALIZER);
    private final PublicKey vectorKey = Multikey.decode(TestVector.MULTIKEY);

    @Test
    void acceptsTheSignedVectorCredential() {
        ProofVerification result = verifier.verify(TestVector.signedCredential(), vectorKey);

        assertThat(result).isEqualTo(new ProofVerification(true, null));
    }

    @Test
    void acceptsTheSignedVectorClrWhoseProofIsAnArrayOfOne() {
        ObjectNode clr = TestVector.json(TestVector.FOLDER + "linked-data-proof-clr.signed-credential.extracted.json");

        assertThat(verifier.verify(clr, vectorKey)).isEqualTo(new ProofVerification(true, null));
    }

    @Test
    void acceptsTheSignedBadgeNestedInTheVectorClr() {
        ObjectNode clr = TestVector.json(TestVector.FOLDER + "linked-data-proof-clr.signed-credential.extracted.json");
        ObjectNode badge = (ObjectNode)
                clr.get("credentialSubject").get("verifiableCredential").get(0);

        assertThat(verifier.verify(badge, vectorKey)).isEqualTo(new ProofVerification(true, null));
    }

    @Test
    void rejectsProofSetOfSeveralProofs() {
        ObjectNode credential = TestVector.signedCredential();
        JsonNode proof = credential.remove("proof");
        credential.putArray("proof").add(proof).add(proof);

        ProofVerification result = verifier.verify(credential, vectorKey);

        assertThat(result.verified()).isFalse();
        assertThat(result.failure()).contains("proof sets are not supported");
    }

    @Test
    void rejectsCredentialWhoseNameWasChanged() {
        ObjectNode tampered = TestVector.signedCredential();
        tampered.put("name", "Teamwork Badge (Gold)");

        ProofVerification result = verifier.verify(tampered, vectorKey);

        assertThat(result.verified()).isFalse();
        assertThat(result.failure()).contains("signature does not match");
    }

    @Test
    void rejectsCredentialWhoseProofCreatedWasChanged() {
        ObjectNode tampered = TestVector.signedCredential();
        ((ObjectNode) tampered.get("proof")).put("created", "2011-01-01T19:23:24Z");

        assertThat(verifier.verify(tampered, vectorKey).verified()).isFalse();
    }

    @Test
    void rejectsCredentialCheckedWithAnotherKey() {
        PublicKey otherKey = Ed25519Keys.generate().getPublic();

        ProofVerification result = verifier.verify(TestVector.signedCredential(), otherKey);

        assertThat(result.verified()).isFalse();
        assertThat(result.failure()).contains("signature does not match");
    }

    @Test
    void acceptsWhatTheSignerProducesWithAFreshKey() {
        KeyPair keys = Ed25519Keys.generate();
        String verificationMethod = "https://example.edu/issuers/565049#" + Multikey.encode(keys.getPublic());
        ObjectNode signed = new DataIntegritySigner(CANONICALIZER)
                .sign(
                        TestVector.unsignedCredential(),
                        ProofOptions.assertionMethod(verificationMethod, Instant.parse("2026-01-15T10:00:00Z")),
                        keys.getPrivate());

        assertThat(verifier.verify(signed, keys.getPublic()).verified()).isTrue();
    }

    @Test
    void rejectsCredentialWithoutProof() {
        ProofVerification result = verifier.verify(TestVector.unsignedCredential(), vectorKey);

        assertThat(result).isEqualTo(new ProofVerification(false, "document has no proof"));
    }

    @Test
    void rejectsProofOfAnotherCryptosuite() {
        ObjectNode credential = TestVector.signedCredential();
        ((ObjectNode) credential.get("proof")).put("cryptosuite", "ecdsa-rdfc-2019");

        ProofVerification result = verifier.verify(credential, vectorKey);

        assertThat(result.verified()).isFalse();
        assertThat(result.failure()).contains("cryptosuite must be eddsa-rdfc-2022");
    }

    @Test
    void rejectsProofValueThatIsNotBase58btc() {
        ObjectNode credential = TestVector.signedCredential();
        ((ObjectNode) credential.get("proof")).put("proofValue", "u" + TestVector.PROOF_VALUE.substring(1));

        ProofVerification result = verifier.verify(credential, vectorKey);

        assertThat(result.verified()).isFalse();
        assertThat(result.failure()).contains("no 'z' prefix");
    }

    @Test
    void rejectsAddedPropertyThatCanonicalizationWouldDropUnsigned() {
        ObjectNode credential = TestVector.signedCredential();
        ((ObjectNode) credential.get("credentialSubject")).put("@grade", "A");

        ProofVerification result = verifier.verify(credential, vectorKey);

        assertThat(result.verified()).isFalse();
        assertThat(result.failure()).contains("@grade");
    }
}
