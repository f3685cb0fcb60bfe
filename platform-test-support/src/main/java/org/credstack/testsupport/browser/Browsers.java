package org.credstack.testsupport.browser;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link Browser} per {@link Viewport} for a test class, started when a test first asks for it and quit after the
 * class's last test; screenshots go to {@code target/screenshots/<test class>/}. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Browsers BROWSERS = Browsers.forTestClass(CatalogBrowserIT.class);
 *
 * @ParameterizedTest
 * @EnumSource(Viewport.class)
 * void catalogIsAccessible(Viewport viewport) {
 *     Browser browser = BROWSERS.at(viewport);
 *     ...
 * }
 * }</pre>
 */
public final class Browsers implements AfterAllCallback {

    private final Path screenshots;
    private final Map<Viewport, Browser> open = new EnumMap<>(Viewport.class);

    private Browsers(Path screenshots) {
        this.screenshots = screenshots;
    }

    /** Browsers saving screenshots to {@code target/screenshots/<simple name of testClass>/}. */
    public static Browsers forTestClass(Class<?> testClass) {
        return new Browsers(Path.of("target", "screenshots", testClass.getSimpleName()));
    }

    /** The browser at this viewport, started on first use (see {@link Browser#open} for a missing browser). */
    public synchronized Browser at(Viewport viewport) {
        return open.computeIfAbsent(viewport, v -> Browser.open(v, screenshots));
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        open.values().forEach(Browser::close);
        open.clear();
    }
}
