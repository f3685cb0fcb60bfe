package org.credstack.badge.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.HexFormat;
import org.credstack.badge.jsonld.CanonicalizationException;
import org.credstack.badge.jsonld.RdfCanonicalizer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class DataIntegritySignerTest {

    private static final RdfCanonicalizer CANONICALIZER = RdfCanonicalizer.offline();

    private final DataIntegritySigner signer = new DataIntegritySigner(CANONICALIZER);
    private final KeyPair vectorKeys = Ed25519Keys.fromSeed(TestVector.SEED);
    private final ProofOptions vectorOptions =
            ProofOptions.assertionMethod(TestVector.VERIFICATION_METHOD, TestVector.CREATED);

    @Test
    void canonicalizesTheVectorCredentialToTheExpectedNQuads() {
        String canonical = new EddsaRdfc2022(CANONICALIZER).transform(TestVector.unsignedCredential());

        assertThat(canonical).isEqualTo(TestVector.documentCanon());
        assertThat(hex(EddsaRdfc2022.sha256(canonical))).isEqualTo(TestVector.DOCUMENT_HASH);
    }

    @Test
    void canonicalizesTheVectorProofConfigurationToTheExpectedNQuads() {
        ObjectNode signed = signer.sign(TestVector.unsignedCredential(), vectorOptions, vectorKeys.getPrivate());
        ObjectNode proofOptions = (ObjectNode) signed.get("proof");

        String canonical = new EddsaRdfc2022(CANONICALIZER).proofConfiguration(proofOptions, signed.get("@context"));

        assertThat(canonical).isEqualTo(TestVector.proofCanon());
        assertThat(hex(EddsaRdfc2022.sha256(canonical))).isEqualTo(TestVector.PROOF_HASH);
    }

    @Test
    void reproducesTheVectorProofValueByteForByte() {
        ObjectNode signed = signer.sign(TestVector.unsignedCredential(), vectorOptions, vectorKeys.getPrivate());

        assertThat(signed.get("proof").get("proofValue").asString()).isEqualTo(TestVector.PROOF_VALUE);
    }

    @Test
    void producesTheVectorSignedCredentialExactly() {
        ObjectNode signed = signer.sign(TestVector.unsignedCredential(), vectorOptions, vectorKeys.getPrivate());

        assertThat(signed).isEqualTo(TestVector.signedCredential());
        assertThat(signed.propertyNames()).last().isEqualTo("proof");
    }

    @Test
    void leavesTheInputDocumentUnchanged() {
        ObjectNode unsigned = TestVector.unsignedCredential();

        signer.sign(unsigned, vectorOptions, vectorKeys.getPrivate());

        assertThat(unsigned).isEqualTo(TestVector.unsignedCredential());
    }

    @Test
    void writesCreatedInWholeSecondsUtc() {
        var options = ProofOptions.assertionMethod(
                TestVector.VERIFICATION_METHOD, Instant.parse("2026-03-01T08:15:30.123456789Z"));

        ObjectNode signed = signer.sign(TestVector.unsignedCredential(), options, vectorKeys.getPrivate());

        assertThat(signed.get("proof").get("created").asString()).isEqualTo("2026-03-01T08:15:30Z");
    }

    @Test
    void refusesDocumentThatAlreadyHasAProof() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> signer.sign(TestVector.signedCredential(), vectorOptions, vectorKeys.getPrivate()))
                .withMessageContaining("already has a proof");
    }

    @Test
    void refusesDocumentWithoutContext() {
        ObjectNode credential = TestVector.unsignedCredential();
        credential.remove("@context");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> signer.sign(credential, vectorOptions, vectorKeys.getPrivate()))
                .withMessage("document has no @context");
    }

    @Test
    void refusesDocumentWhoseContextIsNotBundled() {
        ObjectNode credential = TestVector.unsignedCredential();
        credential.withArrayProperty("@context").add("https://example.org/not-bundled/v1");

        assertThatThrownBy(() -> signer.sign(credential, vectorOptions, vectorKeys.getPrivate()))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("https://example.org/not-bundled/v1");
    }

    @Test
    void refusesKeyThatIsNotEd25519() throws Exception {
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> signer.sign(
                        TestVector.unsignedCredential(),
                        vectorOptions,
                        rsa.generateKeyPair().getPrivate()))
                .withMessageContaining("not an Ed25519 private key");
    }

    @Test
    void signsOnlyUnderTheDocumentContext() {
        ObjectNode signed = signer.sign(TestVector.unsignedCredential(), vectorOptions, vectorKeys.getPrivate());

        assertThat(signed.get("proof").has("@context")).isFalse();
        assertThat(signed.get("proof").propertyNames())
                .containsExactly("type", "created", "verificationMethod", "cryptosuite", "proofPurpose", "proofValue");
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
