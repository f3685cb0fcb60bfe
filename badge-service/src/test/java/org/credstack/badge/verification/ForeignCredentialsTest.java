package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credstack.badge.jsonld.RdfCanonicalizer;
import org.credstack.badge.signing.DataIntegritySigner;
import org.credstack.badge.signing.Ed25519Keys;
import org.credstack.badge.signing.Multikey;
import org.credstack.badge.signing.ProofOptions;
import org.credstack.badge.status.BitstringStatusList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Credentials of another issuer, signed here with a {@code did:key}: status lists of both purposes and both
 * formats, a list that does not verify, contexts that are not bundled, proof sets.
 */
class ForeignCredentialsTest {

    static final String LIST = "https://status.elsewhere.example/lists/1";
    static final String STATUS_LIST_2021 = "https://w3id.org/vc/status-list/2021/v1";
    /** An OB 3.0 credential on VC 1.1 with the Data Integrity v1 context, where StatusList2021 lives. */
    static final String VC_V1 = "1EdTech-digital-credentials-public-validator/ob30/simple-eddsa-2022.json";

    static final String GENUINE =
            "digitalcredentials-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/"
                    + "legacyRegistry-noStatus-noExpiry-OBSpecExample.json";

    final KeyPair key = Ed25519Keys.generate();
    final String did = "did:key:" + Multikey.encode(key.getPublic());
    final String method = did + "#" + Multikey.encode(key.getPublic());
    final DataIntegritySigner signer = new DataIntegritySigner(RdfCanonicalizer.offline());
    final VerificationFixturesTest fixtures = new VerificationFixturesTest();

    ObjectNode sign(ObjectNode document) {
        document.remove("proof");
        return signer.sign(document, ProofOptions.assertionMethod(method, fixtures.clock.instant()), key.getPrivate());
    }

    ObjectNode credential(String entryType, String purpose, int index) {
        boolean legacy = entryType.startsWith("StatusList2021");
        ObjectNode credential = VerificationFixturesTest.read(legacy ? VC_V1 : GENUINE);
        credential.put("issuer", did);
        if (legacy) {
            ((ArrayNode) credential.get("@context")).add(STATUS_LIST_2021);
        }
        ObjectNode status = credential.putObject("credentialStatus");
        status.put("id", LIST + "#" + index);
        status.put("type", entryType);
        status.put("statusPurpose", purpose);
        status.put("statusListCredential", LIST);
        status.put("statusListIndex", Integer.toString(index));
        return sign(credential);
    }

    ObjectNode list(String listType, String purpose, boolean multibase, int... set) {
        ObjectNode list = VerificationFixturesTest.JSON.createObjectNode();
        boolean legacy = listType.startsWith("StatusList2021");
        if (legacy) {
            list.putArray("@context")
                    .add("https://www.w3.org/2018/credentials/v1")
                    .add(STATUS_LIST_2021)
                    .add("https://w3id.org/security/data-integrity/v1");
        } else {
            list.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        }
        list.put("id", LIST);
        list.putArray("type").add("VerifiableCredential").add(listType);
        list.put("issuer", did);
        list.put(legacy ? "issuanceDate" : "validFrom", "2020-01-01T00:00:00Z");
        ObjectNode subject = list.putObject("credentialSubject");
        subject.put("id", LIST + "#list");
        subject.put("type", listType.replace("Credential", ""));
        subject.put("statusPurpose", purpose);
        String encoded =
                BitstringStatusList.withSet(Arrays.stream(set).boxed().toList()).encode();
        subject.put("encodedList", multibase ? encoded : encoded.substring(1));
        return sign(list);
    }

    VerificationReport verify(ObjectNode credential, ObjectNode list) {
        return fixtures.verifier(url -> Optional.ofNullable(Map.of(LIST, list).get(url)))
                .verify(credential);
    }

    @Test
    void isSuspendedWhenItsSuspensionEntryIsSet() {
        VerificationReport report = verify(
                credential("BitstringStatusListEntry", "suspension", 5),
                list("BitstringStatusListCredential", "suspension", true, 5));

        assertThat(report.status()).isEqualTo("suspended");
        assertThat(report.checks().credentialStatus().statusPurpose()).isEqualTo("suspension");
    }

    @Test
    void isVerifiedWhenItsEntryIsUnsetInAListThatVerifies() {
        VerificationReport report = verify(
                credential("BitstringStatusListEntry", "revocation", 6),
                list("BitstringStatusListCredential", "revocation", true, 5));

        assertThat(report.checks().credentialStatus().status()).isEqualTo("valid");
        assertThat(report.status()).isEqualTo("verified");
    }

    @Test
    void readsStatusList2021() {
        ObjectNode list = list("StatusList2021Credential", "revocation", false, 3);

        assertThat(verify(credential("StatusList2021Entry", "revocation", 3), list)
                        .status())
                .isEqualTo("revoked");
        VerificationReport unset = verify(credential("StatusList2021Entry", "revocation", 4), list);
        assertThat(unset.checks().proof().status()).isEqualTo("valid");
        assertThat(unset.checks().credentialStatus().status()).isEqualTo("valid");
        assertThat(unset.checks().schema().status())
                .as("no schema is bundled for a VC 1.1 credential")
                .isEqualTo("unverifiable");
        assertThat(unset.status()).isEqualTo("verified");
    }

    @Test
    void isUnverifiableNotVerifiedWhenTheStatusListDoesNotVerify() {
        ObjectNode list = list("BitstringStatusListCredential", "revocation", true);
        ((ObjectNode) list.get("credentialSubject"))
                .put("encodedList", BitstringStatusList.withSet(List.of(9)).encode()); // after signing

        VerificationReport report = verify(credential("BitstringStatusListEntry", "revocation", 6), list);

        assertThat(report.checks().credentialStatus().status()).isEqualTo("unverifiable");
        assertThat(report.checks().credentialStatus().cause()).isEqualTo(Unverifiable.STATUS_LIST_INVALID);
        assertThat(report.status()).isEqualTo("unverifiable");
    }

    @Test
    void isUnverifiableWhenTheListIsOfAnotherPurpose() {
        VerificationReport report = verify(
                credential("BitstringStatusListEntry", "revocation", 6),
                list("BitstringStatusListCredential", "suspension", true));

        assertThat(report.checks().credentialStatus().cause()).isEqualTo(Unverifiable.STATUS_LIST_INVALID);
        assertThat(report.status()).isEqualTo("unverifiable");
    }

    @Test
    void aContextThatIsNotBundledIsUnverifiableAndNeverFetched() {
        ObjectNode credential = VerificationFixturesTest.read(GENUINE);
        ((ArrayNode) credential.get("@context")).add("https://contexts.elsewhere.example/v1");

        VerificationReport report = fixtures.verifier.verify(credential);

        assertThat(report.checks().proof().status()).isEqualTo("unverifiable");
        assertThat(report.checks().proof().cause()).isEqualTo(Unverifiable.CONTEXT_NOT_AVAILABLE_OFFLINE);
        assertThat(report.checks().proof().detail()).contains("https://contexts.elsewhere.example/v1");
        assertThat(report.status()).isEqualTo("unverifiable");
    }

    @Test
    void aProofSetIsValidWithOneValidProofAndNoInvalidOne() {
        ObjectNode credential = VerificationFixturesTest.read(GENUINE);
        ObjectNode unsupported = VerificationFixturesTest.JSON.createObjectNode();
        unsupported.put("type", "SomeProofType");
        ((ArrayNode) credential.putArray("proof"))
                .add(VerificationFixturesTest.read(GENUINE).get("proof"))
                .add(unsupported);

        assertThat(fixtures.verifier.verify(credential).status()).isEqualTo("verified");

        ObjectNode forged =
                (ObjectNode) VerificationFixturesTest.read(GENUINE).get("proof").deepCopy();
        forged.put("created", "2011-01-01T00:00:00Z");
        ((ArrayNode) credential.get("proof")).add(forged);

        VerificationReport report = fixtures.verifier.verify(credential);
        assertThat(report.checks().proof().status()).isEqualTo("invalid");
        assertThat(report.status()).isEqualTo("invalid");
    }

    @Test
    void anUnsupportedCryptosuiteIsUnverifiable() {
        ObjectNode credential = VerificationFixturesTest.read(GENUINE);
        ((ObjectNode) credential.get("proof")).put("cryptosuite", "ecdsa-rdfc-2019");

        VerificationReport report = fixtures.verifier.verify(credential);

        assertThat(report.checks().proof().cause()).isEqualTo(Unverifiable.UNSUPPORTED_CRYPTOSUITE);
        assertThat(report.status()).isEqualTo("unverifiable");
    }
}
