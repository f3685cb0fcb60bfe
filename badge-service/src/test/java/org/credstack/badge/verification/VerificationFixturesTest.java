package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.issuing.IssuedCredentials;
import org.credstack.badge.jsonld.RdfCanonicalizer;
import org.credstack.badge.schema.OpenBadgeSchemaValidator;
import org.credstack.badge.signing.DataIntegrityVerifier;
import org.credstack.badge.status.StatusLists;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every credential of the public fixtures (verification-fixtures/SOURCES.md) classified as its file name or source
 * says, offline: keys only from {@code did:key} (no controller document can be fetched), status lists from the
 * fixtures. {@link ResolvedKeysFixturesTest} classifies the same fixtures with their controller documents.
 */
class VerificationFixturesTest {

    static final String ROOT = "verification-fixtures/";
    static final String ONE_EDTECH = "1EdTech-digital-credentials-public-validator/";
    static final String SPEC = "1EdTech-openbadges-specification/";
    static final String DCC = "digitalcredentials-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/";
    static final String EDU = "educredentials-obv3-examples/";

    static final String DCC_LIST =
            "digitalcredentials-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj";

    /** The status lists the fixtures name, served from the fixtures (see SOURCES.md for the two URLs of one list). */
    static final Map<String, String> STATUS_LISTS = Map.of(
            "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist",
            ONE_EDTECH + "ob30/bit-string-list/testlist",
            "https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj",
            DCC_LIST,
            "https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj",
            DCC_LIST);

    static final JsonMapper JSON = JsonMapper.shared();

    static final String OWN_BASE = "https://badges.credstack.example/";

    final TestClock clock = new TestClock(Instant.parse("2026-12-07T12:00:00Z"));
    final CredentialVerifier verifier =
            verifier(url -> Optional.ofNullable(STATUS_LISTS.get(url)).map(VerificationFixturesTest::read));

    /** No network: every controller document is unavailable, as it is to a verifier that cannot fetch. */
    static final DocumentSource OFFLINE = url -> {
        throw new DocumentUnavailableException(url, DocumentUnavailableException.Reason.UNREACHABLE, "offline");
    };

    CredentialVerifier verifier(StatusListSource source) {
        return verifier(source, OFFLINE);
    }

    CredentialVerifier verifier(StatusListSource source, DocumentSource controllerDocuments) {
        Issuers issuers = mock(Issuers.class);
        when(issuers.publicKey(any())).thenReturn(Optional.empty());
        StatusLists ownLists = mock(StatusLists.class);
        when(ownLists.isRevoked(any(), anyInt())).thenReturn(Optional.empty());
        IssuedCredentials issued = mock(IssuedCredentials.class);
        when(issued.revocation(any())).thenReturn(Optional.empty());
        return new CredentialVerifier(
                new VerificationMethods(issuers, OWN_BASE, controllerDocuments),
                new DataIntegrityVerifier(RdfCanonicalizer.offline()),
                OpenBadgeSchemaValidator.achievementCredential(),
                ownLists,
                issued,
                source,
                clock);
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(
                // 1EdTech validator: keys at https URLs are not resolvable offline
                fixture(ONE_EDTECH + "ob30/simple-did-key-method.json", "verified", "valid"),
                fixture(ONE_EDTECH + "ob30/simple-eddsa-2022.json", "unverifiable", "unverifiable"),
                fixture(ONE_EDTECH + "ob30/simple-err-expired.json", "unverifiable", "unverifiable"),
                fixture(ONE_EDTECH + "ob30/simple-noproof.json", "invalid", "invalid"),
                fixture(ONE_EDTECH + "ob30/bit-string-list/credential-status-revoked.json", "revoked", "unverifiable"),
                fixture(ONE_EDTECH + "ob30/simple.json", "unverifiable", "unverifiable"),
                fixture(ONE_EDTECH + "ob30/simple-multiple-proofs.json", "unverifiable", "unverifiable"),
                fixture(ONE_EDTECH + "ob30/complete.json", "unverifiable", "unverifiable"),
                fixture(ONE_EDTECH + "ob30/endorsement-valid.json", "unverifiable", "unverifiable"),
                fixture(ONE_EDTECH + "ob30/credential-status-revoked.json", "unverifiable", "unverifiable"),
                fixture(ONE_EDTECH + "clr20/simple.json", "unverifiable", "unverifiable"),
                // a CLR on VC 1.1 (an OB 3.0 draft shape): genuine, but no bundled schema for that shape
                fixture(ONE_EDTECH + "clr20/complex.json", "verified", "valid"),
                // DCC vc-test-fixtures: did:key, status lists from the fixtures
                fixture(DCC + "legacyRegistry-noStatus-noExpiry-OBSpecExample.json", "verified", "valid"),
                fixture(DCC + "legacyRegistry-noStatus-notExpired-withSchema.json", "verified", "valid"),
                fixture(DCC + "oidf-noStatus-notExpired-notYetValid.json", "not yet valid", "valid"),
                fixture(DCC + "twoOIDF-validStatus-expired.json", "expired", "valid"),
                fixture(DCC + "noRegsitry-revokedStatus-notExpired.json", "revoked", "valid"),
                // the specification's signed test vectors (key at an https URL) and unsigned examples
                fixture(
                        SPEC + "impl-test-vectors/linked-data-proof-ob.signed-credential.extracted.json",
                        "unverifiable",
                        "unverifiable"),
                // the official OB 3.0 JSON Schema rejects the string "type"s of the credential this CLR holds
                fixture(
                        SPEC + "impl-test-vectors/linked-data-proof-clr.signed-credential.extracted.json",
                        "invalid",
                        "unverifiable"),
                fixture(SPEC + "examples/basicOpenBadgeCredential.extracted.json", "invalid", "invalid"),
                fixture(SPEC + "examples/fullOpenBadge.extracted.json", "invalid", "invalid"),
                fixture(SPEC + "examples/endorsement.extracted.json", "invalid", "invalid"),
                fixture(SPEC + "examples/achievementAlignmentCase.extracted.json", "invalid", "invalid"),
                fixture(SPEC + "examples/skillAssertionCase.extracted.json", "invalid", "invalid"),
                // educredentials examples: unsigned
                fixture(EDU + "ref/full_ex.json", "invalid", "invalid"),
                fixture(EDU + "ref/minimal_valid_obv3.json", "invalid", "invalid"),
                fixture(EDU + "_data/credentials/theed_microcredential_full_ho.json", "invalid", "invalid"));
    }

    static Arguments fixture(String file, String status, String proof) {
        return Arguments.of(file, status, proof);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fixtures")
    void classifiesEachFixtureAsItsSourceSays(String file, String status, String proof) {
        VerificationReport report = verifier.verify(read(file));

        assertThat(report.checks().proof().status())
                .as("proof: %s", report.checks().proof())
                .isEqualTo(proof);
        assertThat(report.status()).as("%s", report.checks()).isEqualTo(status);
    }

    static Stream<Arguments> genuineFixtures() {
        return fixtures().filter(arguments -> "valid".equals(arguments.get()[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("genuineFixtures")
    void aTamperedCopyOfEachGenuineFixtureIsInvalidOnTheProof(String file) {
        ObjectNode tampered = read(file);
        tampered.put("name", "A name the issuer never signed");

        VerificationReport report = verifier.verify(tampered);

        assertThat(report.checks().proof().status()).isEqualTo("invalid");
        assertThat(report.checks().proof().detail()).contains("signature does not match");
        assertThat(report.status()).isEqualTo("invalid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void withoutTheStatusListsNothingWithAStatusIsVerified(String file) {
        VerificationReport report = verifier(url -> Optional.empty()).verify(read(file));

        if (read(file).has("credentialStatus")) {
            assertThat(report.status()).isNotEqualTo("verified");
            assertThat(report.checks().credentialStatus().status()).isEqualTo("unverifiable");
        }
    }

    static ObjectNode read(String file) {
        try (InputStream in = VerificationFixturesTest.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
