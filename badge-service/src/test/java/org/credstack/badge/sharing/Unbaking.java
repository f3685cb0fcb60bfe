package org.credstack.badge.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads downloads back the way a baker's reader would, with no code of ours: the JDK's PNG reader, a namespace-aware
 * XML parser, PDFBox's text extraction.
 */
public final class Unbaking {

    /** The keyword OB 3.0 §5.3 names. */
    public static final String KEYWORD = "openbadgecredential";

    /** The namespace of {@code openbadges:credential}. */
    public static final String OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

    private Unbaking() {}

    /**
     * One {@code iTXt} entry as the JDK's PNG reader gives it.
     *
     * @param keyword its keyword
     * @param compressed its compression flag ({@code TRUE} or {@code FALSE})
     * @param text its text, decoded
     */
    public record TextChunk(String keyword, String compressed, String text) {}

    /** Every {@code iTXt} entry of a PNG, in order, read through {@code javax_imageio_png_1.0} metadata. */
    public static List<TextChunk> itxt(byte[] png) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in);
            Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            List<TextChunk> entries = new ArrayList<>();
            for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                if (chunk.getNodeName().equals("iTXt")) {
                    for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                        Element e = (Element) entry;
                        entries.add(new TextChunk(
                                e.getAttribute("keyword"), e.getAttribute("compressionFlag"), e.getAttribute("text")));
                    }
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    /** The text of the PNG's one {@code iTXt openbadgecredential} chunk (asserts there is exactly one). */
    public static String fromPng(byte[] png) {
        List<TextChunk> baked =
                itxt(png).stream().filter(c -> c.keyword().equals(KEYWORD)).toList();
        assertThat(baked).as("iTXt chunks with keyword " + KEYWORD).hasSize(1);
        return baked.getFirst().text();
    }

    /** The SVG's one {@code openbadges:credential} element, found by namespace (asserts there is exactly one). */
    public static Element credentialElement(byte[] svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
            var found = document.getElementsByTagNameNS(OB_NAMESPACE, "credential");
            assertThat(found.getLength()).as("openbadges:credential elements").isEqualTo(1);
            return (Element) found.item(0);
        } catch (Exception e) {
            throw new IllegalStateException("the SVG does not parse", e);
        }
    }

    /** The text of the SVG's {@code openbadges:credential} element. */
    public static String fromSvg(byte[] svg) {
        return credentialElement(svg).getTextContent();
    }

    /** A PDF's text as PDFBox extracts it, every run of white space one space. */
    public static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
