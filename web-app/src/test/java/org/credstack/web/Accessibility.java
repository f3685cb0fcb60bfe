package org.credstack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The accessibility basics every page keeps, checked on its HTML: a language, the phone-width viewport, skip link,
 * header, nav and main landmarks, one {@code h1} and no skipped heading level, and a label for every field. axe-core
 * checks every page in a real browser in {@link BrowserPagesIT} (docs/browser-tests.md).
 */
public final class Accessibility {

    private static final Pattern HEADING = Pattern.compile("<h([1-6])[ >]");
    private static final Pattern FIELD = Pattern.compile("<(?:input|select|textarea) id=\"([^\"]+)\"");

    private Accessibility() {}

    /** Fails naming the first basic the page misses. */
    public static void assertBasics(String html) {
        assertThat(html)
                .as("language, viewport and landmarks")
                .contains("<html lang=\"en\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<a class=\"skip\" href=\"#main\">")
                .contains("<header>")
                .contains("<nav aria-label=\"Main\">")
                .contains("<main id=\"main\">")
                .contains("<footer>");
        List<Integer> levels = new ArrayList<>();
        Matcher heading = HEADING.matcher(html);
        while (heading.find()) {
            levels.add(Integer.parseInt(heading.group(1)));
        }
        assertThat(levels)
                .as("headings")
                .startsWith(1)
                .filteredOn(level -> level == 1)
                .hasSize(1);
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i))
                    .as("heading after h" + levels.get(i - 1))
                    .isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
        Matcher field = FIELD.matcher(html);
        while (field.find()) {
            assertThat(html).as("label of field " + field.group(1)).contains("<label for=\"" + field.group(1) + "\"");
        }
    }
}
