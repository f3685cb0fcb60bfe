package org.credstack.badge.sharing;

import java.nio.charset.StandardCharsets;

/**
 * A baked SVG badge (Open Badges 3.0 §5.3 "Baking", SVG): the {@code <svg>} root declares {@code xmlns:openbadges=
 * "https://purl.imsglobal.org/ob/v3p0"}, and its first child is {@code <openbadges:credential>} holding the signed
 * credential, a Data Integrity secured JSON document, exactly as issued in a CDATA section (without the {@code
 * verify} attribute, which is for a credential secured as a JWT). The artwork follows it ({@link BadgeArtwork}).
 *
 * <p>A credential text containing {@code ]]>} is split over two CDATA sections, so the element's text content is
 * still the credential unchanged.
 */
final class BakedSvg {

    /** The namespace of the {@code openbadges} prefix, OB 3.0 §5.3. */
    static final String OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

    private BakedSvg() {}

    /** The baked SVG, UTF-8. */
    static byte[] of(SharedCredential credential) {
        BadgeArtwork art = BadgeArtwork.of(credential);
        StringBuilder svg = new StringBuilder(credential.signedCredential().length() + 2048);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"")
                .append(OB_NAMESPACE)
                .append("\" width=\"")
                .append(BadgeArtwork.SIZE)
                .append("\" height=\"")
                .append(BadgeArtwork.SIZE)
                .append("\" viewBox=\"0 0 ")
                .append(BadgeArtwork.SIZE)
                .append(' ')
                .append(BadgeArtwork.SIZE)
                .append("\" role=\"img\" aria-labelledby=\"badge-title\">\n");
        svg.append("<openbadges:credential><![CDATA[")
                .append(credential.signedCredential().replace("]]>", "]]]]><![CDATA[>"))
                .append("]]></openbadges:credential>\n");
        svg.append("<title id=\"badge-title\">")
                .append(escaped(credential.achievementName() + ", issued by " + credential.issuerName()
                        + (credential.revoked() ? " (revoked)" : "")))
                .append("</title>\n");
        circle(svg, BadgeArtwork.DISC_RADIUS, "fill=\"" + BadgeArtwork.DISC + "\"");
        circle(
                svg,
                BadgeArtwork.RING_RADIUS,
                "fill=\"none\" stroke=\"" + BadgeArtwork.RING + "\" stroke-width=\"" + BadgeArtwork.RING_WIDTH + "\"");
        svg.append("<g font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-weight=\"bold\" fill=\"")
                .append(BadgeArtwork.TEXT)
                .append("\" text-anchor=\"middle\">\n");
        text(svg, BadgeArtwork.LABEL, BadgeArtwork.LABEL_BASELINE, BadgeArtwork.LABEL_SIZE);
        for (int i = 0; i < art.title().size(); i++) {
            text(svg, art.title().get(i), art.titleBaseline(i), art.titleSize());
        }
        text(svg, art.issuer(), BadgeArtwork.ISSUER_BASELINE, BadgeArtwork.ISSUER_SIZE);
        svg.append("</g>\n");
        if (art.revoked()) {
            svg.append("<rect x=\"0\" y=\"")
                    .append(BadgeArtwork.BAND_Y)
                    .append("\" width=\"")
                    .append(BadgeArtwork.SIZE)
                    .append("\" height=\"")
                    .append(BadgeArtwork.BAND_HEIGHT)
                    .append("\" fill=\"")
                    .append(BadgeArtwork.BAND)
                    .append("\"/>\n")
                    .append("<text x=\"")
                    .append(BadgeArtwork.CENTRE)
                    .append("\" y=\"")
                    .append(BadgeArtwork.BAND_Y + BadgeArtwork.BAND_HEIGHT / 2 + BadgeArtwork.BAND_TEXT_SIZE / 3)
                    .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-weight=\"bold\"")
                    .append(" font-size=\"")
                    .append(BadgeArtwork.BAND_TEXT_SIZE)
                    .append("\" fill=\"#ffffff\" text-anchor=\"middle\">REVOKED</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void circle(StringBuilder svg, int radius, String paint) {
        svg.append("<circle cx=\"")
                .append(BadgeArtwork.CENTRE)
                .append("\" cy=\"")
                .append(BadgeArtwork.CENTRE)
                .append("\" r=\"")
                .append(radius)
                .append("\" ")
                .append(paint)
                .append("/>\n");
    }

    private static void text(StringBuilder svg, String text, int baseline, int size) {
        svg.append("<text x=\"")
                .append(BadgeArtwork.CENTRE)
                .append("\" y=\"")
                .append(baseline)
                .append("\" font-size=\"")
                .append(size)
                .append("\">")
                .append(escaped(text))
                .append("</text>\n");
    }

    /** XML character data and attribute values: the five predefined entities. */
    static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
