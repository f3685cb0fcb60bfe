package org.credstack.badge.verification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the credential baked into an image (OB 3.0 §5.3 Baking), nothing more: what it holds is verified like any
 * other credential. The text found is a credential as JSON or a VC-JWT (compact JWS).
 *
 * <ul>
 *   <li><b>PNG</b>: the {@code iTXt} chunk with keyword {@code openbadgecredential}, compressed or not, read by
 *       the JDK's PNG reader ({@code javax_imageio_png_1.0} metadata; the JDK caps an inflated text at 256 KiB, so
 *       a compressed chunk cannot expand without bound). Only the metadata is read; no pixel is decoded.
 *   <li><b>SVG</b>: the {@code openbadges:credential} element (namespace {@value #OB_NAMESPACE}): its {@code verify}
 *       attribute when it holds a VC-JWT, else its text or CDATA. Parsed with the JDK's StAX reader with DTDs and
 *       external entities off: a {@code DOCTYPE} is skipped, never fetched, and no entity it declares is expanded.
 * </ul>
 *
 * The input's size is bounded before it gets here (the platform's {@code credstack.runtime.max-request-size}, 1 MB
 * by default). Every way an image can fail to hold one credential is an {@link UnverifiableRequestException}
 * (400 problem {@code not-a-credential}).
 */
final class BakedImages {

    /** The {@code iTXt} keyword of a baked PNG. */
    static final String PNG_KEYWORD = "openbadgecredential";

    /** The namespace of the {@code openbadges:credential} element of a baked SVG. */
    static final String OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private BakedImages() {}

    /** Whether the bytes start with the PNG signature. */
    static boolean isPng(byte[] image) {
        return image.length >= PNG_SIGNATURE.length
                && Arrays.equals(Arrays.copyOf(image, PNG_SIGNATURE.length), PNG_SIGNATURE);
    }

    /**
     * The credential baked into a PNG.
     *
     * @return the text of its one {@code iTXt openbadgecredential} chunk, stripped
     * @throws UnverifiableRequestException when it is not a readable PNG or has not exactly one such chunk
     */
    static String fromPng(byte[] png) {
        if (!isPng(png)) {
            throw new UnverifiableRequestException("", "the body is not a PNG image");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        ImageReader reader = readers.next();
        // in memory: ImageIO.createImageInputStream may cache a stream in a temporary file
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in, true, false);
            Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            return only(baked(root), "iTXt chunks with keyword " + PNG_KEYWORD);
        } catch (IOException | RuntimeException e) {
            // a damaged PNG can make the JDK's reader throw unchecked exceptions as well as IIOException
            if (e instanceof UnverifiableRequestException request) {
                throw request;
            }
            throw new UnverifiableRequestException("", "the PNG image is damaged or truncated");
        } finally {
            reader.dispose();
        }
    }

    private static List<String> baked(Node root) {
        List<String> texts = new ArrayList<>();
        for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
            if (!chunk.getNodeName().equals("iTXt")) {
                continue;
            }
            for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                Element e = (Element) entry;
                if (PNG_KEYWORD.equals(e.getAttribute("keyword"))) {
                    texts.add(e.getAttribute("text"));
                }
            }
        }
        return texts;
    }

    /**
     * The credential baked into an SVG.
     *
     * @return the {@code verify} attribute of its one {@code openbadges:credential} element when present, else the
     *     element's text, stripped
     * @throws UnverifiableRequestException when it is not well-formed XML or has not exactly one such element
     */
    static String fromSvg(byte[] svg) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        List<String> found = new ArrayList<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(svg));
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT
                            && OB_NAMESPACE.equals(xml.getNamespaceURI())
                            && "credential".equals(xml.getLocalName())) {
                        String verify = xml.getAttributeValue(null, "verify");
                        String text = xml.getElementText();
                        found.add(verify != null && !verify.isBlank() ? verify : text);
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            String at = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber() + ")";
            throw new UnverifiableRequestException(
                    "", "the SVG image is not well-formed XML without external entities" + at);
        }
        return only(found, "openbadges:credential elements");
    }

    private static String only(List<String> found, String what) {
        if (found.size() != 1) {
            throw new UnverifiableRequestException(
                    "", "a baked image holds exactly one credential; this one has " + found.size() + " " + what);
        }
        String text = found.getFirst().strip();
        if (text.isEmpty()) {
            throw new UnverifiableRequestException("", "the baked credential is empty");
        }
        return text;
    }
}
