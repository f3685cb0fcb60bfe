package org.credstack.testsupport.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core run in the page a browser shows, against WCAG 2.2 level AA: the rules tagged {@code wcag2a},
 * {@code wcag2aa}, {@code wcag21a}, {@code wcag21aa} and {@code wcag22aa}. The script ({@code axe.min.js}) is read from
 * the class path (Deque's {@code com.deque.html.axe-core:selenium} jar from Maven Central) and injected into the page;
 * nothing is fetched from the network.
 */
public final class Axe {

    /** The axe-core tags of WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA. */
    public static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String SCRIPT = readScript();

    // Resolves with the violations only, each node's target flattened to one CSS selector string.
    private static final String RUN = """
            const tags = arguments[0];
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
              .then(result => done(result.violations.map(v => ({
                  rule: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
                  targets: v.nodes.map(n => n.target.flat().join(' '))}))))
              .catch(error => done('axe failed: ' + error));
            """;

    private Axe() {}

    /**
     * One rule the page breaks.
     *
     * @param rule axe-core's rule id, e.g. {@code color-contrast}
     * @param impact {@code minor}, {@code moderate}, {@code serious} or {@code critical}
     * @param help what the rule asks, in one sentence
     * @param helpUrl Deque's page on the rule
     * @param targets a CSS selector for each element that breaks it
     */
    public record Violation(String rule, String impact, String help, String helpUrl, List<String> targets) {

        /** {@code rule (impact): help} then one indented line per target. */
        public String describe() {
            return rule + " (" + impact + "): " + help + " <" + helpUrl + ">"
                    + targets.stream().map(target -> "\n    at " + target).collect(Collectors.joining());
        }
    }

    /**
     * Runs the WCAG 2.2 AA rules on the page {@code driver} shows now and answers what it breaks (empty when nothing).
     *
     * @throws IllegalStateException when axe-core itself fails in the page
     */
    public static List<Violation> violations(WebDriver driver) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
            page.executeScript(SCRIPT);
        }
        Object answer = page.executeAsyncScript(RUN, WCAG_22_AA);
        if (!(answer instanceof List<?> found)) {
            throw new IllegalStateException(String.valueOf(answer));
        }
        return found.stream().map(Axe::violation).toList();
    }

    /**
     * Fails, listing every violation with its rule, impact, help and targets, when the page {@code driver} shows now
     * breaks a WCAG 2.2 AA rule.
     *
     * @param page the page's name in the failure message
     */
    public static void assertNoViolations(WebDriver driver, String page) {
        List<Violation> violations = violations(driver);
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core found " + violations.size() + " WCAG 2.2 AA violation(s) on " + page
                    + " (" + driver.getCurrentUrl() + "):\n"
                    + violations.stream().map(Violation::describe).collect(Collectors.joining("\n")));
        }
    }

    private static Violation violation(Object raw) {
        Map<?, ?> map = (Map<?, ?>) raw;
        return new Violation(
                String.valueOf(map.get("rule")),
                String.valueOf(map.get("impact")),
                String.valueOf(map.get("help")),
                String.valueOf(map.get("helpUrl")),
                ((List<?>) map.get("targets")).stream().map(String::valueOf).toList());
    }

    private static String readScript() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "axe.min.js is not on the class path: add com.deque.html.axe-core:selenium (test scope)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
