package org.credstack.badge.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.credstack.badge.issuing.HeldCredential;
import org.credstack.badge.issuing.Revocation;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three renderings of a credential on their own: what a baker's reader finds in the PNG and SVG, and what the
 * certificate says. The credential's text has non-ASCII characters and a {@code ]]>} on purpose.
 */
class BakingTest {

    static final String ID = "7f1c2a9e-0000-4000-8000-00000000000a";
    static final String URL = "https://badges.example.org/credentials/" + ID;
    static final String SIGNED = """
            {"@context":["https://www.w3.org/ns/credentials/v2"],"id":"%s",\
            "type":["VerifiableCredential","OpenBadgeCredential"],\
            "issuer":{"id":"https://badges.example.org/issuers/acme","type":["Profile"],"name":"Acme & Söhne",\
            "url":"https://acme.example"},\
            "validFrom":"2024-01-31T10:00:00Z","validUntil":"2024-02-29T10:00:00Z",\
            "name":"Café <Barista> Skills ]]> 日本",\
            "credentialSubject":{"type":["AchievementSubject"],"identifier":[{"type":"IdentityObject",\
            "identityHash":"sha256$abc","identityType":"emailAddress","hashed":true,"salt":"s"}],\
            "achievement":{"id":"urn:x","type":["Achievement"],"name":"Café <Barista> Skills ]]> 日本",\
            "criteria":{"narrative":"Completed all 2 assignments: Espresso lab; Latte art."}}},\
            "proof":{"type":"DataIntegrityProof","proofValue":"z3x"}}""".formatted(URL);

    static SharedCredential credential(Revocation revocation) {
        HeldCredential held = new HeldCredential(
                ID,
                URL,
                "learner-1",
                "cred-1",
                Instant.parse("2024-01-31T10:00:00Z"),
                Instant.parse("2024-02-29T10:00:00Z"),
                revocation == null ? null : revocation.revokedAt(),
                "ada@example.org",
                "Ada",
                List.of(),
                SIGNED);
        return SharedCredential.of(
                held, JsonMapper.builder().build().readTree(SIGNED), revocation, ZoneId.of("Europe/Berlin"));
    }

    @Test
    void bakesTheSignedCredentialUnchangedIntoOneUncompressedITxtChunkOfAReadablePng() throws IOException {
        byte[] png = BakedPng.of(credential(null));

        List<Unbaking.TextChunk> entries = Unbaking.itxt(png);
        assertThat(entries).containsExactly(new Unbaking.TextChunk("openbadgecredential", "FALSE", SIGNED));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(image.getRGB(200, 15) & 0xffffff).as("the disc").isEqualTo(0x1d4e89);
        assertThat(image.getRGB(2, 2) >>> 24).as("transparent corner").isZero();
    }

    @Test
    void bakesTheSignedCredentialUnchangedIntoTheFirstChildOfTheSvgInTheOpenBadgesNamespace() {
        byte[] svg = BakedSvg.of(credential(null));

        Element element = Unbaking.credentialElement(svg);
        assertThat(element.getTextContent()).isEqualTo(SIGNED);
        assertThat(element.getPrefix()).isEqualTo("openbadges");
        assertThat(element.hasAttribute("verify")).isFalse();
        Element root = element.getOwnerDocument().getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        Node first = root.getFirstChild();
        while (first.getNodeType() != Node.ELEMENT_NODE) {
            first = first.getNextSibling();
        }
        assertThat(first).as("directly after the <svg> tag").isSameAs(element);
        assertThat(new String(svg, java.nio.charset.StandardCharsets.UTF_8))
                .contains("&lt;Barista&gt;")
                .doesNotContain("REVOKED");
    }

    @Test
    void certificateShowsAchievementRecipientIssuerCriteriaDatesInTheIssuersZoneAndTheCredentialUrl() {
        String text = Unbaking.pdfText(CertificatePdf.of(credential(null)));

        assertThat(text)
                .contains("CERTIFICATE OF ACHIEVEMENT")
                .contains("Café <Barista> Skills ]]> ??")
                .contains("Awarded to the holder of the e-mail address this credential identifies by a salted hash")
                .contains("Issued by Acme & Söhne (https://acme.example)")
                .contains("Completed all 2 assignments: Espresso lab; Latte art.")
                .contains("Issued 31 January 2024, 11:00 (Europe/Berlin)")
                .contains("Valid until 29 February 2024, 11:00 (Europe/Berlin)")
                .contains("Credential URL: " + URL)
                .contains("Credential id: " + ID)
                .doesNotContain("REVOKED");
    }

    @Test
    void aRevokedCredentialsCertificateAndImagesSayRevokedWithWhenAndWhy() throws IOException {
        SharedCredential revoked =
                credential(new Revocation(Instant.parse("2024-02-10T12:00:00Z"), "assessment found to be copied"));

        assertThat(Unbaking.pdfText(CertificatePdf.of(revoked)))
                .contains("REVOKED on 10 February 2024, 13:00 (Europe/Berlin): assessment found to be copied."
                        + " This credential is no longer valid.");
        assertThat(new String(BakedSvg.of(revoked), java.nio.charset.StandardCharsets.UTF_8))
                .contains(">REVOKED</text>")
                .contains("(revoked)</title>");
        assertThat(Unbaking.fromSvg(BakedSvg.of(revoked))).isEqualTo(SIGNED);
        assertThat(Unbaking.fromPng(BakedPng.of(revoked))).isEqualTo(SIGNED);
        var image = ImageIO.read(new ByteArrayInputStream(BakedPng.of(revoked)));
        assertThat(image.getRGB(5, 250) & 0xffffff).as("the red band").isEqualTo(0xb00020);
    }

    @Test
    void namesFilesAfterTheAchievementInAsciiAndChangesTheEtagOnRevocation() {
        SharedCredential issued = credential(null);
        SharedCredential revoked = credential(new Revocation(Instant.parse("2024-02-10T12:00:00Z"), "x"));

        assertThat(issued.fileName("badge.png")).isEqualTo("cafe-barista-skills-badge.png");
        assertThat(issued.etag("png")).isEqualTo("\"" + ID + "-png-issued-d1\"");
        assertThat(revoked.etag("png")).isNotEqualTo(issued.etag("png")).contains("revoked-");
        assertThat(issued.etag("pdf")).isNotEqualTo(issued.etag("png"));
    }

    @Test
    void wrapsALongAchievementNameIntoAtMostFourLinesEndingInAnEllipsis() {
        SharedCredential credential = credential(null);
        SharedCredential longName = new SharedCredential(
                ID,
                URL,
                SIGNED,
                "Advanced Certificate in Occupational Therapy Assistance for Community Health Settings Abroad",
                null,
                "Acme",
                null,
                null,
                credential.validFrom(),
                null,
                credential.zone(),
                null);

        BadgeArtwork art = BadgeArtwork.of(longName);

        assertThat(art.title())
                .hasSize(4)
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(16));
        assertThat(art.title().getFirst()).isEqualTo("Advanced");
        assertThat(art.title().getLast()).endsWith("…");
    }
}
