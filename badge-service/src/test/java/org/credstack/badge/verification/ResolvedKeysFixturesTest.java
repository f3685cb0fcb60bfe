package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.badge.verification.VerificationFixturesTest.ONE_EDTECH;
import static org.credstack.badge.verification.VerificationFixturesTest.SPEC;
import static org.credstack.badge.verification.VerificationFixturesTest.STATUS_LISTS;
import static org.credstack.badge.verification.VerificationFixturesTest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.credstack.badge.verification.DocumentUnavailableException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixtures whose keys live at {@code https} URLs and a {@code did:web}, classified once their controller
 * documents resolve: a {@link DocumentSource} serves {@code verification-fixtures/controller-documents/<host><path>}
 * (constructed by the project from the key in each verification method id, see SOURCES.md). {@link
 * VerificationFixturesTest} classifies the same files with no document at all.
 */
class ResolvedKeysFixturesTest {

    static final String DOCUMENTS = "controller-documents/";

    /**
     * The URLs {@link #documents} serves a controller document for, one per file under {@value #DOCUMENTS}: {@code
     * <host>/<path>.json} is {@code https://<host>/<path>}, a {@code did.json} keeps its name (did:web §3.2).
     */
    static List<URI> controllerDocumentUrls() {
        try {
            Path root = Path.of(ResolvedKeysFixturesTest.class
                    .getClassLoader()
                    .getResource(VerificationFixturesTest.ROOT + DOCUMENTS)
                    .toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile)
                        .map(file -> root.relativize(file).toString().replace('\\', '/'))
                        .map(path -> URI.create(
                                "https://" + (path.endsWith("/did.json") ? path : path.replaceFirst("\\.json$", ""))))
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URLs the verifier asked for, in order. */
    final List<URI> fetched = new ArrayList<>();

    /** Controller documents from {@value #DOCUMENTS}, status lists as {@link VerificationFixturesTest} maps them. */
    final DocumentSource documents = url -> {
        fetched.add(url);
        if (STATUS_LISTS.containsKey(url.toString())) {
            return read(STATUS_LISTS.get(url.toString()));
        }
        String path = url.getHost() + url.getPath();
        try (InputStream in = ResolvedKeysFixturesTest.class
                .getClassLoader()
                .getResourceAsStream(
                        VerificationFixturesTest.ROOT + DOCUMENTS + path + (path.endsWith(".json") ? "" : ".json"))) {
            if (in == null) {
                throw new DocumentUnavailableException(url, Reason.NOT_FOUND, "no such fixture");
            }
            return (ObjectNode) VerificationFixturesTest.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    /** As in production: status lists and controller documents from the one document source. */
    final CredentialVerifier verifier = new VerificationFixturesTest()
            .verifier(StatusListSource.fetchedFrom(documents, VerificationFixturesTest.OWN_BASE), documents);

    static Stream<Arguments> fixtures() {
        return Stream.of(
                // a VC 1.1 credential: genuine, but no schema is bundled for that shape, and the overall rule makes an
                // unverifiable schema check unverifiable (VerificationReport.overall)
                fixture(ONE_EDTECH + "ob30/simple-eddsa-2022.json", "verified", "valid"),
                fixture(ONE_EDTECH + "ob30/simple-err-expired.json", "expired", "valid"),
                fixture(ONE_EDTECH + "ob30/simple.json", "verified", "valid"),
                fixture(ONE_EDTECH + "ob30/endorsement-valid.json", "verified", "valid"),
                // one proof of an unknown type, one eddsa-rdfc-2022 that verifies: the proof set holds
                fixture(ONE_EDTECH + "ob30/simple-multiple-proofs.json", "verified", "valid"),
                fixture(ONE_EDTECH + "ob30/bit-string-list/credential-status-revoked.json", "revoked", "valid"),
                // did:web, Ed25519Signature2020; revoked by a 1EdTechRevocationList, which is not read
                fixture(ONE_EDTECH + "ob30/credential-status-revoked.json", "unverifiable", "valid"),
                fixture(ONE_EDTECH + "clr20/simple.json", "verified", "valid"),
                fixture(
                        SPEC + "impl-test-vectors/linked-data-proof-ob.signed-credential.extracted.json",
                        "verified",
                        "valid"),
                // the official OB 3.0 JSON Schema rejects the string "type"s of the credential this CLR holds
                fixture(
                        SPEC + "impl-test-vectors/linked-data-proof-clr.signed-credential.extracted.json",
                        "invalid",
                        "valid"));
    }

    static Arguments fixture(String file, String status, String proof) {
        return Arguments.of(file, status, proof);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fixtures")
    void classifiesEachFixtureOnceItsKeyResolves(String file, String status, String proof) {
        VerificationReport report = verifier.verify(read(file));

        assertThat(report.checks().proof().status())
                .as("proof: %s", report.checks().proof())
                .isEqualTo(proof);
        assertThat(report.checks().issuer().status())
                .as("issuer: %s", report.checks().issuer())
                .isEqualTo("valid");
        assertThat(report.status()).as("%s", report.checks()).isEqualTo(status);
        assertThat(fetched).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aTamperedCopyIsInvalidOnTheProof(String file) {
        ObjectNode tampered = read(file);
        tampered.put("name", "A name the issuer never signed");

        VerificationReport report = verifier.verify(tampered);

        assertThat(report.checks().proof().status()).isEqualTo("invalid");
        assertThat(report.status()).isEqualTo("invalid");
    }

    /**
     * complete.json embeds the same endorsement proof several times, each in its own blank node named graph: titanium-rdfc
     * 2.0.0 alone labels those proofs unlike RDFC-1.0 (and the DigitalBazaar verifier), which made the signature not
     * match until RdfCanonicalizer took such datasets to BlankNodeLabeller.
     */
    @Test
    void completeIsGenuineButItsRevocationListIsNotRead() {
        VerificationReport report = verifier.verify(read(ONE_EDTECH + "ob30/complete.json"));

        assertThat(report.checks().proof().status()).isEqualTo("valid");
        // its credentialStatus is a 1EdTechRevocationList, a type this verifier does not read
        assertThat(report.status()).isEqualTo("unverifiable");
    }

    @Test
    void aTamperedEndorsementInCompleteIsInvalidOnTheProof() {
        ObjectNode tampered = read(ONE_EDTECH + "ob30/complete.json");
        ((ObjectNode) tampered.withArray("endorsement").get(0)).put("name", "An endorsement the issuer never signed");

        VerificationReport report = verifier.verify(tampered);

        assertThat(report.checks().proof().status()).isEqualTo("invalid");
    }

    @Test
    void theRevokedEntryIsReadFromAStatusListWhoseOwnProofVerifies() {
        VerificationReport report =
                verifier.verify(read(ONE_EDTECH + "ob30/bit-string-list/credential-status-revoked.json"));

        assertThat(report.checks().credentialStatus().status()).isEqualTo("revoked");
        assertThat(report.checks().credentialStatus().statusListIndex()).isEqualTo(23);
        // set in a list whose proof could not be checked would say so here
        assertThat(report.checks().credentialStatus().detail()).isNull();
        assertThat(fetched)
                .contains(
                        URI.create(report.checks().credentialStatus().statusListCredential()),
                        URI.create("https://1edtech.edu/issuers/565049"));
    }

    @Test
    void aDidWebKeyIsReadFromTheDidDocumentAtItsPath() {
        verifier.verify(read(ONE_EDTECH + "ob30/credential-status-revoked.json"));

        assertThat(fetched)
                .containsExactly(URI.create("https://dc.1edtech.org/wellspring2022/wellspring-portal/org/"
                        + "da1e96e9-afcc-4eed-b9a2-2ddf7353214c/did.json"));
    }
}
