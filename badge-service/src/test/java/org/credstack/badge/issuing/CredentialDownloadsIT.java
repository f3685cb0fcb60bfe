package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credstack.badge.sharing.Unbaking;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.testsupport.IndependentVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The downloads of an issued credential against the real broker and store (docs/baking.md): the baked PNG and SVG
 * carry the credential exactly as {@code GET /credentials/{id}} serves it and the DigitalBazaar verifier accepts what
 * is unbaked; the certificate PDF says what it certifies; headers, 304, 404, and a revoked credential.
 */
class CredentialDownloadsIT extends IssuingIntegrationTest {

    static final Instant NOW = Instant.parse("2024-02-10T12:00:00Z");

    @Test
    void bakedPngAndSvgCarryTheIssuedCredentialUnchanged() {
        BadgeIssued badge = new Journey().issueOne();
        String issued = get(badge.publicUrl());

        String fromPng = Unbaking.fromPng(download(badge, "badge.png").getBody());
        String fromSvg = Unbaking.fromSvg(download(badge, "badge.svg").getBody());

        assertThat(fromPng).isEqualTo(issued);
        assertThat(fromSvg).isEqualTo(issued);
        JsonNode report = verify(json.readTree(fromPng));
        assertThat(report.get("status").asString()).isEqualTo("verified");
    }

    @Test
    void theIndependentVerifierAcceptsTheCredentialUnbakedFromThePngAndTheSvg() {
        assumeTrue(IndependentVerifier.available(), "node is not installed; CI runs this with node 20");
        IndependentVerifier verifier = IndependentVerifier.find();
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();
        String controller = get(baseUrl() + "/issuers/" + journey.providerId);
        String fromPng = Unbaking.fromPng(download(badge, "badge.png").getBody());
        String fromSvg = Unbaking.fromSvg(download(badge, "badge.svg").getBody());
        List<String> statusList = List.of(statusListOf(fromPng));

        for (String unbaked : List.of(fromPng, fromSvg)) {
            IndependentVerifier.Result result = verifier.verify(unbaked, controller, statusList, NOW);
            assertThat(result.verified()).as(result.output()).isTrue();
            assertThat(result.revoked()).as(result.output()).isFalse();
        }
    }

    @Test
    void certificateNamesTheAchievementIssuerDatesInTheIssuersZoneAndTheCredentialUrl() {
        BadgeIssued badge = new Journey().issueOne();

        String text = Unbaking.pdfText(download(badge, "certificate.pdf").getBody());

        assertThat(text)
                .contains("Cloud Security Fundamentals")
                .contains("Issued by Example Academy (https://academy.example.org)")
                .contains("Issued 31 January 2024, 11:00 (Europe/Berlin)")
                .contains("Valid until 29 February 2024, 11:00 (Europe/Berlin)")
                .contains("Completed all 2 assignments: Threat modelling lab; Final quiz.")
                .contains("Credential URL: " + badge.badgeId())
                .contains("Credential id: " + uuid(badge))
                .doesNotContain("REVOKED");
    }

    @Test
    void answersEachDownloadWithItsTypeAFileNameCachingHeadersAndNotModifiedForItsEtag() {
        BadgeIssued badge = new Journey().issueOne();

        for (String[] expected : List.of(
                new String[] {"badge.png", "image/png"},
                new String[] {"badge.svg", "image/svg+xml"},
                new String[] {"certificate.pdf", "application/pdf"})) {
            ResponseEntity<byte[]> response = download(badge, expected[0]);
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            HttpHeaders headers = response.getHeaders();
            assertThat(headers.getContentType()).isEqualTo(MediaType.parseMediaType(expected[1]));
            assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION))
                    .isEqualTo("attachment; filename=\"cloud-security-fundamentals-" + expected[0] + "\"");
            assertThat(headers.getCacheControl()).isEqualTo("max-age=300, public");
            assertThat(headers.getETag()).startsWith("\"" + uuid(badge));

            ResponseEntity<byte[]> again = download(badge, expected[0], headers.getETag());
            assertThat(again.getStatusCode().value()).isEqualTo(304);
            assertThat(again.getBody()).isNull();
        }
    }

    @Test
    void anUnknownCredentialIsANotFoundProblemForEveryDownload() {
        for (String file : List.of("badge.png", "badge.svg", "certificate.pdf")) {
            ResponseEntity<String> response = http().get()
                    .uri(baseUrl() + "/credentials/" + UUID.randomUUID() + "/" + file)
                    .header(HttpHeaders.ACCEPT, "image/png,image/*;q=0.8,*/*;q=0.5")
                    .retrieve()
                    .toEntity(String.class);

            assertThat(response.getStatusCode().value()).isEqualTo(404);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(response.getBody()).get("type").asString())
                    .isEqualTo("urn:credstack:problem:credential-not-found");
        }
    }

    @Test
    void aRevokedCredentialIsStillDownloadedAndSaysRevokedWithANewEtag() {
        Journey journey = new Journey();
        BadgeIssued badge = journey.issueOne();
        String before = download(badge, "certificate.pdf").getHeaders().getETag();
        String issued = get(badge.publicUrl());

        revoke(journey.providerId, badge.badgeId(), "{\"reason\": \"assessment found to be copied\"}");

        ResponseEntity<byte[]> pdf = download(badge, "certificate.pdf", before);
        assertThat(pdf.getStatusCode().value())
                .as("the old ETag no longer matches")
                .isEqualTo(200);
        assertThat(pdf.getHeaders().getETag()).isNotEqualTo(before);
        assertThat(Unbaking.pdfText(pdf.getBody()))
                .contains("REVOKED on 10 February 2024, 13:00 (Europe/Berlin): assessment found to be copied.");
        byte[] svg = download(badge, "badge.svg").getBody();
        assertThat(new String(svg, java.nio.charset.StandardCharsets.UTF_8)).contains(">REVOKED</text>");
        assertThat(Unbaking.fromSvg(svg)).isEqualTo(issued);
        String fromPng = Unbaking.fromPng(download(badge, "badge.png").getBody());
        assertThat(fromPng).isEqualTo(issued);
        assertThat(verify(json.readTree(fromPng)).get("status").asString()).isEqualTo("revoked");
    }

    ResponseEntity<byte[]> download(BadgeIssued badge, String file) {
        return download(badge, file, null);
    }

    ResponseEntity<byte[]> download(BadgeIssued badge, String file, String ifNoneMatch) {
        return http().get()
                .uri(local(badge.publicUrl()) + "/" + file)
                .headers(headers -> {
                    if (ifNoneMatch != null) {
                        headers.setIfNoneMatch(ifNoneMatch);
                    }
                })
                .retrieve()
                .toEntity(byte[].class);
    }

    static String uuid(BadgeIssued badge) {
        return badge.badgeId().substring(badge.badgeId().lastIndexOf('/') + 1);
    }
}
