package org.credstack.testsupport.browser;

import java.util.Locale;

/**
 * The window sizes every page is tried at, in CSS pixels: a phone held upright (the width of common phones, where the
 * stylesheet's one-column layout applies) and a laptop screen.
 */
public enum Viewport {
    PHONE(390, 844),
    DESKTOP(1280, 900);

    private final int width;
    private final int height;

    Viewport(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Width in CSS pixels. */
    public int width() {
        return width;
    }

    /** Height in CSS pixels. */
    public int height() {
        return height;
    }

    /** {@code phone} or {@code desktop}: the suffix of a screenshot's file name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
