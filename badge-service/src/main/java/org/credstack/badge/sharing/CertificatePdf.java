package org.credstack.badge.sharing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The printable certificate of an issued credential: one A4 landscape page, drawn with Apache PDFBox in the standard
 * Helvetica fonts (nothing embedded, nothing fetched). It shows the achievement, the recipient as the credential
 * shows them, the issuer, the criteria, {@code validFrom} and {@code validUntil} in the issuer's time zone, a revoked
 * credential's revocation first and in red, and at the foot the credential's URL and id and where to verify it.
 *
 * <p>The PDF's document information names the achievement (title), the issuer (author) and the issue time (creation
 * date), so the same credential always gives the same PDF. Characters the standard fonts cannot show (outside
 * WinAnsiEncoding) are printed as {@code ?}; the credential's URL, which is what a reader checks, is always ASCII.
 */
final class CertificatePdf {

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 64;
    private static final float FOOTER_TOP = MARGIN + 80;
    private static final float[] BLUE = {0.114f, 0.306f, 0.537f};
    private static final float[] RED = {0.690f, 0f, 0.125f};
    private static final float[] GREY = {0.33f, 0.33f, 0.33f};
    private static final float[] BLACK = {0f, 0f, 0f};

    private CertificatePdf() {}

    /**
     * The certificate's PDF.
     *
     * @throws UncheckedIOException if PDFBox cannot write it (it writes to memory, so it should not)
     */
    static byte[] of(SharedCredential credential) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            document.addPage(page);
            information(document.getDocumentInformation(), credential);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                new Writer(content, page.getMediaBox()).write(credential);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the certificate of credential " + credential.id(), e);
        }
    }

    private static void information(PDDocumentInformation info, SharedCredential credential) {
        info.setTitle(credential.achievementName());
        info.setAuthor(credential.issuerName());
        info.setSubject("Certificate of the Open Badges 3.0 credential " + credential.credentialUrl());
        info.setCreator("CredStack");
        info.setProducer("CredStack with Apache PDFBox");
        if (credential.validFrom() != null) {
            GregorianCalendar issued = GregorianCalendar.from(credential.validFrom());
            info.setCreationDate(issued);
            info.setModificationDate(issued);
        }
    }

    /** Lays the text out from the top of the page down. */
    private static final class Writer {

        private final PDPageContentStream content;
        private final PDRectangle box;
        private final float width;
        private float y;

        Writer(PDPageContentStream content, PDRectangle box) {
            this.content = content;
            this.box = box;
            this.width = box.getWidth() - 2 * MARGIN;
            this.y = box.getHeight() - MARGIN;
        }

        void write(SharedCredential credential) throws IOException {
            frame();
            line("CERTIFICATE OF ACHIEVEMENT", BOLD, 13, BLUE, 22);
            if (credential.revoked()) {
                String reason = credential.revocation().reason();
                paragraph(
                        "REVOKED on " + credential.shown(credential.revocation().revokedAt()) + " ("
                                + credential.zone() + ")" + (reason == null ? "" : ": " + reason)
                                + ". This credential is no longer valid.",
                        BOLD,
                        12,
                        RED,
                        16);
                y -= 6;
            }
            paragraph(credential.achievementName(), BOLD, 28, BLACK, 34);
            y -= 8;
            paragraph(
                    credential.recipient() != null
                            ? "Awarded to " + credential.recipient()
                            : "Awarded to the holder of the e-mail address this credential identifies by a salted"
                                    + " hash",
                    REGULAR,
                    14,
                    BLACK,
                    19);
            paragraph(
                    "Issued by " + credential.issuerName()
                            + (credential.issuerUrl() == null ? "" : " (" + credential.issuerUrl() + ")"),
                    REGULAR,
                    14,
                    BLACK,
                    19);
            y -= 10;
            if (credential.criteria() != null) {
                line("Criteria", BOLD, 11, GREY, 15);
                paragraph(credential.criteria(), REGULAR, 11, BLACK, 15);
                y -= 8;
            }
            String zone = " (" + credential.zone() + ")";
            line("Issued " + orUnknown(SharedCredential.shown(credential.validFrom())) + zone, REGULAR, 12, BLACK, 17);
            line(
                    credential.validUntil() == null
                            ? "Does not expire"
                            : "Valid until " + SharedCredential.shown(credential.validUntil()) + zone,
                    REGULAR,
                    12,
                    BLACK,
                    17);
            footer(credential);
        }

        private void footer(SharedCredential credential) throws IOException {
            y = MARGIN + 52;
            line("Check this credential", BOLD, 10, GREY, 14);
            line("Credential URL: " + credential.credentialUrl(), REGULAR, 10, BLACK, 14);
            line("Credential id: " + credential.id(), REGULAR, 10, BLACK, 14);
            line(
                    "Verification: " + credential.credentialUrl() + "/verification  (an Open Badges 3.0"
                            + " credential signed by its issuer)",
                    REGULAR,
                    9,
                    GREY,
                    14);
        }

        private void frame() throws IOException {
            content.setStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
            content.setLineWidth(3);
            content.addRect(24, 24, box.getWidth() - 48, box.getHeight() - 48);
            content.stroke();
        }

        private void paragraph(String text, PDType1Font font, float size, float[] colour, float leading)
                throws IOException {
            for (String wrapped : wrap(printable(text, font), font, size)) {
                if (y - leading < FOOTER_TOP) {
                    return; // a very long criteria text: the footer, what a reader checks, must stay readable
                }
                line(wrapped, font, size, colour, leading);
            }
        }

        private void line(String text, PDType1Font font, float size, float[] colour, float leading) throws IOException {
            y -= leading;
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(colour[0], colour[1], colour[2]);
            content.newLineAtOffset(MARGIN, y);
            content.showText(printable(text, font));
            content.endText();
        }

        private List<String> wrap(String text, PDType1Font font, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.strip().split("\\s+")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }

    /** The text with every character the font cannot encode replaced by {@code ?}, and line breaks by spaces. */
    static String printable(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String ch = Character.isWhitespace(c) ? " " : Character.toString(c);
            out.append(canEncode(font, ch) ? ch : "?");
        });
        return out.toString();
    }

    private static boolean canEncode(PDType1Font font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }
}
