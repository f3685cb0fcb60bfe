package org.credstack.testsupport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver at one {@link Viewport}: the system browser and
 * driver only ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}, or the paths in the system properties
 * {@value #BINARY} and {@value #DRIVER}), both given to Selenium explicitly so Selenium Manager never runs and nothing
 * is downloaded.
 *
 * <p>When either is missing, {@link #open} fails, naming the packages to install; with
 * {@code -D}{@value #SKIP_IF_MISSING}{@code =true} (a developer's machine without a browser) the test is skipped
 * instead, except in CI (environment variable {@code CI} set), where a missing browser always fails the build
 * (docs/browser-tests.md).
 *
 * <pre>{@code
 * try (Browser browser = Browser.open(Viewport.PHONE, Path.of("target/screenshots/CatalogBrowserIT"))) {
 *     browser.visit(URI.create("http://localhost:8090/catalog"));
 *     browser.check("catalog"); // target/screenshots/CatalogBrowserIT/catalog-phone.png, then axe-core
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    /** System property: the Chromium executable (default {@code /usr/bin/chromium}). */
    public static final String BINARY = "credstack.browser.binary";

    /** System property: the chromedriver executable (default {@code /usr/bin/chromedriver}). */
    public static final String DRIVER = "credstack.browser.driver";

    /** System property: {@code true} skips browser tests on a machine without Chromium instead of failing them. */
    public static final String SKIP_IF_MISSING = "credstack.browser.skipIfMissing";

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Viewport viewport;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Viewport viewport, Path screenshots) {
        this.driver = driver;
        this.viewport = viewport;
        this.screenshots = screenshots;
    }

    /**
     * Starts a headless Chromium whose page is {@code viewport} wide and high (CSS pixels, device scale 1; the phone
     * width is emulated as a mobile device, so the page's viewport meta applies).
     *
     * @param screenshots the folder {@link #screenshot} writes to (created when needed)
     * @throws IllegalStateException when Chromium or chromedriver is not installed (unless {@value #SKIP_IF_MISSING})
     */
    public static Browser open(Viewport viewport, Path screenshots) {
        Path binary = Path.of(System.getProperty(BINARY, "/usr/bin/chromium"));
        Path driverExecutable = Path.of(System.getProperty(DRIVER, "/usr/bin/chromedriver"));
        requireInstalled(binary, driverExecutable);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverExecutable.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // CI runs as root, where Chromium's sandbox cannot start
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--lang=en-US",
                "--window-size=" + viewport.width() + "," + viewport.height());
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(SCRIPT_TIMEOUT).pageLoadTimeout(PAGE_LOAD_TIMEOUT);
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        viewport.width(),
                        "height",
                        viewport.height(),
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        viewport == Viewport.PHONE));
        return new Browser(driver, viewport, screenshots);
    }

    /** Whether the browser and driver are installed at the configured paths. */
    public static boolean installed() {
        return Files.isExecutable(Path.of(System.getProperty(BINARY, "/usr/bin/chromium")))
                && Files.isExecutable(Path.of(System.getProperty(DRIVER, "/usr/bin/chromedriver")));
    }

    /**
     * Fails naming what is missing when the browser or driver is not executable; skips instead (JUnit's
     * {@code TestAbortedException}) when {@value #SKIP_IF_MISSING} is {@code true} outside CI.
     */
    static void requireInstalled(Path binary, Path driverExecutable) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(binary)) {
            missing.add("Chromium at " + binary + " (Debian package chromium)");
        }
        if (!Files.isExecutable(driverExecutable)) {
            missing.add("chromedriver at " + driverExecutable + " (Debian package chromium-driver)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "Browser tests need " + String.join(" and ", missing)
                + ": apt-get install chromium chromium-driver, or set -D" + BINARY + " and -D" + DRIVER
                + "; -D" + SKIP_IF_MISSING + "=true skips them on a machine without a browser";
        if (Boolean.getBoolean(SKIP_IF_MISSING) && System.getenv("CI") == null) {
            Assumptions.abort(message);
        }
        throw new IllegalStateException(message);
    }

    /** The Selenium driver, for finding elements and sending keys. */
    public WebDriver driver() {
        return driver;
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Loads {@code url} and waits until the document has loaded. */
    public void visit(URI url) {
        driver.get(url.toString());
    }

    /**
     * Saves the whole page as it is now (not only the visible part) to {@code <screenshots>/<page>-<viewport>.png}
     * and answers that file.
     */
    public Path screenshot(String page) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of(
                "x", 0,
                "y", 0,
                "width", Math.max(viewport.width(), ((Number) content.get("width")).doubleValue()),
                "height", Math.max(viewport.height(), ((Number) content.get("height")).doubleValue()),
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = screenshots.resolve(page.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + viewport.label() + ".png");
        try {
            Files.createDirectories(screenshots);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Saves a screenshot of the page shown now ({@link #screenshot}), then runs axe-core on it and fails listing every
     * WCAG 2.2 AA violation ({@link Axe#assertNoViolations}).
     */
    public void check(String page) {
        screenshot(page);
        Axe.assertNoViolations(driver, page + " at " + viewport.label() + " width");
    }

    /**
     * Whether {@code element} has left the page, as when htmx swaps in a new version of it: wait for this, then find
     * the new one, so a test never reads or clicks the old.
     */
    public static boolean detached(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }

    /** Quits the browser and its driver. */
    @Override
    public void close() {
        driver.quit();
    }
}
