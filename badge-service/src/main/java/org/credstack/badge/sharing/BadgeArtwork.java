package org.credstack.badge.sharing;

import java.util.ArrayList;
import java.util.List;

/**
 * The badge image CredStack draws for a credential, the same in SVG and PNG: a 400 × 400 px disc in the issuer's
 * blue with a white ring, the achievement name in up to four centred lines, the issuer's name below it, and a red
 * "REVOKED" band across a revoked credential. Nothing is fetched: the achievement's own {@code image} may live
 * anywhere, so the artwork is drawn from the credential's words alone.
 *
 * @param title the achievement name, wrapped into lines of at most {@value #LINE_LENGTH} characters (longer words
 *     cut), at most {@value #MAX_LINES} lines, the last ending in {@code …} when the name is longer
 * @param titleSize the font size of the title in px: smaller for longer lines
 * @param issuer the issuer's name, cut to {@value #ISSUER_LENGTH} characters
 * @param revoked whether to draw the "REVOKED" band
 */
record BadgeArtwork(List<String> title, int titleSize, String issuer, boolean revoked) {

    static final int SIZE = 400;
    static final int CENTRE = SIZE / 2;
    static final int DISC_RADIUS = 190;
    static final int RING_RADIUS = 172;
    static final int RING_WIDTH = 6;
    static final int ISSUER_SIZE = 16;
    static final int ISSUER_BASELINE = 318;
    static final int LABEL_SIZE = 14;
    static final int LABEL_BASELINE = 92;
    static final String LABEL = "OPEN BADGE";
    static final int BAND_Y = 226;
    static final int BAND_HEIGHT = 48;
    static final int BAND_TEXT_SIZE = 30;
    static final String DISC = "#1d4e89";
    static final String RING = "#ffffff";
    static final String TEXT = "#ffffff";
    static final String BAND = "#b00020";

    static final int LINE_LENGTH = 16;
    static final int MAX_LINES = 4;
    static final int ISSUER_LENGTH = 32;

    /** The artwork of a credential. */
    static BadgeArtwork of(SharedCredential credential) {
        List<String> lines = wrap(credential.achievementName());
        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        int size = longest <= 10 ? 34 : longest <= 13 ? 30 : 26;
        return new BadgeArtwork(lines, size, cut(credential.issuerName(), ISSUER_LENGTH), credential.revoked());
    }

    /** The baseline of title line {@code index}, the block centred a little above the disc's centre. */
    int titleBaseline(int index) {
        int lineHeight = titleSize + 6;
        int blockTop = CENTRE - 10 - (title.size() * lineHeight) / 2;
        return blockTop + (index + 1) * lineHeight - 6;
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > LINE_LENGTH) {
                flush(lines, line);
                lines.add(word.substring(0, LINE_LENGTH));
                word = word.substring(LINE_LENGTH);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > LINE_LENGTH) {
                flush(lines, line);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        flush(lines, line);
        if (lines.size() > MAX_LINES) {
            List<String> kept = new ArrayList<>(lines.subList(0, MAX_LINES));
            kept.set(MAX_LINES - 1, cut(kept.get(MAX_LINES - 1) + " " + lines.get(MAX_LINES), LINE_LENGTH));
            return List.copyOf(kept);
        }
        return List.copyOf(lines);
    }

    private static void flush(List<String> lines, StringBuilder line) {
        if (!line.isEmpty()) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1).stripTrailing() + "…";
    }
}
