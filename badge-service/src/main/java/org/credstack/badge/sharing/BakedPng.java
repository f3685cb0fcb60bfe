package org.credstack.badge.sharing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A baked PNG badge (Open Badges 3.0 §5.3 "Baking", PNG): the {@link BadgeArtwork} drawn with Java2D, with one
 * {@code iTXt} chunk of keyword {@value #KEYWORD} whose text is the signed credential exactly as issued, UTF-8,
 * uncompressed, with empty language tag and translated keyword. The chunk is written by the JDK's PNG writer from
 * its native metadata ({@value #PNG_METADATA} {@code iTXt/iTXtEntry}), not by hand.
 */
final class BakedPng {

    /** The {@code iTXt} keyword OB 3.0 §5.3 names for a baked credential. */
    static final String KEYWORD = "openbadgecredential";

    /** The JDK PNG plug-in's native metadata format. */
    static final String PNG_METADATA = "javax_imageio_png_1.0";

    private static final String FONT = Font.SANS_SERIF;

    private BakedPng() {}

    /**
     * The baked PNG.
     *
     * @throws UncheckedIOException if the JDK's PNG writer fails (it writes to memory, so it should not)
     */
    static byte[] of(SharedCredential credential) {
        BufferedImage image = draw(BadgeArtwork.of(credential));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            metadata.mergeTree(PNG_METADATA, credentialChunk(credential.signedCredential()));
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PNG of credential " + credential.id(), e);
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode credentialChunk(String signedCredential) throws IIOInvalidTreeException {
        IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
        entry.setAttribute("keyword", KEYWORD);
        entry.setAttribute("compressionFlag", "FALSE");
        entry.setAttribute("compressionMethod", "0");
        entry.setAttribute("languageTag", "");
        entry.setAttribute("translatedKeyword", "");
        entry.setAttribute("text", signedCredential);
        IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
        itxt.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
        root.appendChild(itxt);
        return root;
    }

    private static BufferedImage draw(BadgeArtwork art) {
        BufferedImage image = new BufferedImage(BadgeArtwork.SIZE, BadgeArtwork.SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.decode(BadgeArtwork.DISC));
            g.fill(disc(BadgeArtwork.DISC_RADIUS));
            g.setColor(Color.decode(BadgeArtwork.RING));
            g.setStroke(new BasicStroke(BadgeArtwork.RING_WIDTH));
            g.draw(disc(BadgeArtwork.RING_RADIUS));
            g.setColor(Color.decode(BadgeArtwork.TEXT));
            centred(g, BadgeArtwork.LABEL, BadgeArtwork.LABEL_BASELINE, BadgeArtwork.LABEL_SIZE);
            for (int i = 0; i < art.title().size(); i++) {
                centred(g, art.title().get(i), art.titleBaseline(i), art.titleSize());
            }
            centred(g, art.issuer(), BadgeArtwork.ISSUER_BASELINE, BadgeArtwork.ISSUER_SIZE);
            if (art.revoked()) {
                g.setColor(Color.decode(BadgeArtwork.BAND));
                g.fillRect(0, BadgeArtwork.BAND_Y, BadgeArtwork.SIZE, BadgeArtwork.BAND_HEIGHT);
                g.setColor(Color.WHITE);
                centred(
                        g,
                        "REVOKED",
                        BadgeArtwork.BAND_Y + BadgeArtwork.BAND_HEIGHT / 2 + BadgeArtwork.BAND_TEXT_SIZE / 3,
                        BadgeArtwork.BAND_TEXT_SIZE);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Ellipse2D disc(int radius) {
        return new Ellipse2D.Double(
                BadgeArtwork.CENTRE - radius, BadgeArtwork.CENTRE - radius, 2.0 * radius, 2.0 * radius);
    }

    /** Draws a line centred on the disc, shrinking the font until it fits inside the ring. */
    private static void centred(Graphics2D g, String text, int baseline, int size) {
        int room = 2 * (BadgeArtwork.RING_RADIUS - 24);
        Font font = new Font(FONT, Font.BOLD, size);
        FontMetrics metrics = g.getFontMetrics(font);
        while (metrics.stringWidth(text) > room && font.getSize() > 10) {
            font = font.deriveFont((float) font.getSize() - 1);
            metrics = g.getFontMetrics(font);
        }
        g.setFont(font);
        g.drawString(text, BadgeArtwork.CENTRE - metrics.stringWidth(text) / 2, baseline);
    }
}
