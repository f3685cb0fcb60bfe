package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unbaking (OB 3.0 §5.3): the 1EdTech validator's baked PNG and SVG fixtures, classified as verification-fixtures/
 * SOURCES.md says; a compressed {@code iTXt} chunk; damaged and hostile images refused with nothing read.
 */
class BakedImagesTest {

    static final String OB30 = VerificationFixturesTest.ONE_EDTECH + "ob30/";

    final VerificationFixturesTest fixtures = new VerificationFixturesTest();

    static byte[] bytes(String file) {
        try (InputStream in =
                BakedImagesTest.class.getClassLoader().getResourceAsStream(VerificationFixturesTest.ROOT + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    static String unbake(String file) {
        byte[] image = bytes(file);
        return file.endsWith(".png") ? BakedImages.fromPng(image) : BakedImages.fromSvg(image);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "simple-json.png, {",
        "simple-json.svg, {",
        "simple-jwt.png, eyJ",
        "simple-jwt.svg, eyJ",
    })
    void readsTheCredentialBakedIntoEachFixture(String file, String start) {
        assertThat(unbake(OB30 + file)).startsWith(start);
    }

    /**
     * The 1EdTech validator calls all four valid, fetching keys online. Offline, the JSON ones name a key at an
     * {@code https://example.com} URL (proof unverifiable); the JWT ones carry an RS256 {@code jwk} header whose
     * signature verifies, but nothing ties that key to the issuer {@code https://1edtech.edu/issuers/565049}.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "simple-json.png, unverifiable, unverifiable, valid",
        "simple-json.svg, unverifiable, unverifiable, valid",
        "simple-jwt.png, unverifiable, valid, unverifiable",
        "simple-jwt.svg, unverifiable, valid, unverifiable",
    })
    void classifiesEachBakedFixtureAsItsSourceSays(String file, String status, String proof, String issuer) {
        VerificationReport report = fixtures.verifier.verifyText(unbake(OB30 + file));

        assertThat(report.checks().proof().status())
                .as("%s", report.checks().proof())
                .isEqualTo(proof);
        assertThat(report.checks().issuer().status())
                .as("%s", report.checks().issuer())
                .isEqualTo(issuer);
        assertThat(report.status()).as("%s", report.checks()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"simple-jwt.png", "simple-jwt.svg"})
    void tamperedBakedJwtIsInvalidOnTheProof(String file) {
        VerificationReport report = fixtures.verifier.verifyText(VcJwtTest.tampered(unbake(OB30 + file)));

        assertThat(report.checks().proof().status()).isEqualTo("invalid");
        assertThat(report.checks().proof().algorithm()).isEqualTo("RS256");
        assertThat(report.status()).isEqualTo("invalid");
    }

    @Test
    void readsACompressedItxtChunk() {
        String credential = text(VerificationFixturesTest.ONE_EDTECH + "ob30/simple.json");

        byte[] png = png(BakedImages.PNG_KEYWORD, credential, true);

        assertThat(BakedImages.fromPng(png)).isEqualTo(credential.strip());
    }

    @Test
    void pngWithoutTheChunkHoldsNoCredential() {
        byte[] png = png("Comment", "not a credential", false);

        assertThatThrownBy(() -> BakedImages.fromPng(png))
                .isInstanceOf(UnverifiableRequestException.class)
                .hasMessageContaining("has 0 iTXt chunks with keyword openbadgecredential");
    }

    @Test
    void damagedPngIsRefused() {
        byte[] truncated = Arrays.copyOf(bytes(OB30 + "simple-json.png"), 60);
        byte[] notPng = "GIF89a, surely".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> BakedImages.fromPng(truncated))
                .isInstanceOf(UnverifiableRequestException.class)
                .hasMessage("the PNG image is damaged or truncated");
        assertThatThrownBy(() -> BakedImages.fromPng(notPng))
                .isInstanceOf(UnverifiableRequestException.class)
                .hasMessage("the body is not a PNG image");
    }

    @Test
    void svgExternalEntitiesAreNeverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
                  <openbadges:credential>&secret;</openbadges:credential>
                </svg>
                """;
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
                  <openbadges:credential>&b;</openbadges:credential>
                </svg>
                """;

        for (String svg : new String[] {xxe, laughs}) {
            assertThatThrownBy(() -> BakedImages.fromSvg(svg.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(UnverifiableRequestException.class)
                    .hasMessageStartingWith("the SVG image is not well-formed XML without external entities");
        }
    }

    @Test
    void svgWithoutOrWithTwoCredentialElementsIsRefused() {
        String none = "<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>";
        String two = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:o=\"https://purl.imsglobal.org/ob/v3p0\">"
                + "<o:credential>{}</o:credential><o:credential>{}</o:credential></svg>";

        assertThatThrownBy(() -> BakedImages.fromSvg(none.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("has 0 openbadges:credential elements");
        assertThatThrownBy(() -> BakedImages.fromSvg(two.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("has 2 openbadges:credential elements");
    }

    /** A 1×1 PNG with one {@code iTXt} chunk, written by the JDK's PNG writer. */
    static byte[] png(String keyword, String text, boolean compressed) {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
            entry.setAttribute("keyword", keyword);
            entry.setAttribute("compressionFlag", compressed ? "TRUE" : "FALSE");
            entry.setAttribute("compressionMethod", "0");
            entry.setAttribute("languageTag", "");
            entry.setAttribute("translatedKeyword", "");
            entry.setAttribute("text", text);
            IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
            itxt.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(itxt);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
