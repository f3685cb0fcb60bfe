package org.credstack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.web.Fixtures.CREDENTIAL_ID;
import static org.credstack.web.Fixtures.PROVIDER_ID;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.credstack.testsupport.browser.Browser;
import org.credstack.testsupport.browser.Browsers;
import org.credstack.testsupport.browser.Viewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every page of the web app in Debian's Chromium at phone and desktop width, against stub services: no WCAG 2.2 AA
 * violation found by axe-core, nothing wider than the phone's screen, and the catalog form used with the keyboard
 * alone. Screenshots of every page visited land in {@code target/screenshots/BrowserPagesIT/} (docs/browser-tests.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserPagesIT {

    @RegisterExtension
    static final Browsers BROWSERS = Browsers.forTestClass(BrowserPagesIT.class);

    static final StubService CATALOG = StubService.start();
    static final StubService BADGE = StubService.start();

    /** How long htmx may take to replace the result list on a busy machine. */
    static final Duration SWAP_DEADLINE = Duration.ofSeconds(10);

    static final String REVOKED_ID = "0e1d0000-0000-4000-8000-000000000003";
    static final String REFUSED_ID = "0e1d0000-0000-4000-8000-000000000004";

    static final String SINGLE = """
            {"id": "c-1", "status": "PUBLISHED", "version": 1, "content": {
              "title": "Networking Basics", "description": "Cables, switches and routes.", "kind": "MICRO_CREDENTIAL",
              "category": "TECHNICAL", "providerId": "p-1", "skills": ["Subnetting", "Routing"],
              "alignments": [{"framework": "O*NET-SOC", "code": "15-1244.00",
                              "label": "Network and Computer Systems Administrators",
                              "targetUrl": "https://www.onetonline.org/link/summary/15-1244.00"}],
              "deliveryModes": ["ONLINE", "HYBRID"], "estimatedDuration": "PT40H",
              "cost": {"amount": 120, "currency": "USD"},
              "assignments": [{"id": "a1", "title": "Lab: build a LAN", "activityId": "https://lms.example/a1"},
                              {"id": "a2", "activityId": "https://lms.example/a2"}],
              "completionRule": {"type": "ALL"},
              "validityPeriod": "P3Y",
              "renewalPolicy": {"renewalWindow": "P90D", "description": "Pass the refresher quiz.",
                                "gracePeriod": "P30D"}}}""";

    static final String STACK = """
            {"id": "s-1", "status": "PUBLISHED", "version": 1, "content": {
              "title": "Networking Pathway", "description": "Three networking credentials.", "kind": "STACK",
              "category": "TECHNICAL", "providerId": "p-1", "skills": [], "deliveryModes": [],
              "assignments": [], "stackRule": {"label": "Core", "requiredNumber": 2,
                                               "credentialIds": ["c-1", "c-2", "c-3"], "rules": []}}}""";

    static {
        CATALOG.json(
                        "/api/v1/credentials",
                        "{\"items\": [" + SINGLE + ", " + STACK + "], \"page\": {\"number\": 0, \"size\": 20,"
                                + " \"totalElements\": 2, \"totalPages\": 1}}")
                .json("/api/v1/credentials/c-1", SINGLE)
                .json("/api/v1/credentials/s-1", STACK)
                .json("/api/v1/providers/p-1", "{\"id\": \"p-1\", \"name\": \"Net Academy\", \"timeZone\": \"UTC\"}")
                .json(
                        "/api/v1/providers",
                        "{\"items\": [{\"id\": \"p-1\", \"name\": \"Net Academy\"}], \"page\": {\"number\": 0}}")
                .json("/api/v1/providers/" + PROVIDER_ID, Fixtures.provider("America/New_York"));
        BADGE.answer(
                        "/credentials/" + CREDENTIAL_ID,
                        200,
                        "application/ld+json",
                        Fixtures.credential("2029-12-01T02:00:00Z"))
                .json("/credentials/" + CREDENTIAL_ID + "/verification", Fixtures.verification("verified"))
                .answer(
                        "/credentials/" + REVOKED_ID,
                        200,
                        "application/ld+json",
                        Fixtures.credential(null).replace(CREDENTIAL_ID, REVOKED_ID))
                .json("/credentials/" + REVOKED_ID + "/verification", Fixtures.verification("revoked"))
                // a 400 is not a failure to the circuit breaker, so this page cannot open it for the others
                .answer(
                        "/credentials/" + REFUSED_ID,
                        400,
                        "application/problem+json",
                        "{\"status\": 400, \"title\": \"Bad Request\"}")
                // a did:key issuer: a long word without break points, which must not widen the page on a phone
                .answer("POST", "/api/v1/verify", 200, "application/json", """
                        {"credentialId": "urn:uuid:77aa", "status": "unverifiable", "checkedAt": "2027-01-10T09:00:00Z",
                         "checks": {"proof": {"status": "valid"},
                                    "issuer": {"status": "valid",
                                      "issuer": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"},
                                    "schema": {"status": "valid", "violations": []},
                                    "validity": {"status": "valid", "validFrom": "2026-11-27T14:40:00Z"},
                                    "credentialStatus": {"status": "unverifiable", "cause": "status list unreachable",
                                      "detail": "https://status.example.edu/lists/3-with-a-long-name did not answer"}}}""");
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.catalog-url", CATALOG::url);
        registry.add("credstack.web.badge-url", BADGE::url);
    }

    @LocalServerPort
    int port;

    /** Every page the app has, with the path that shows it and its {@code h1}. */
    static Stream<Arguments> pages() {
        List<Arguments> pages = List.of(
                Arguments.of("catalog", "/catalog", "Find a credential"),
                Arguments.of("catalog-bad-input", "/catalog?maxHours=forty&currency=usd", "Find a credential"),
                Arguments.of("catalog-credential", "/catalog/c-1", "Networking Basics"),
                Arguments.of("catalog-stack", "/catalog/s-1", "Networking Pathway"),
                Arguments.of("credential", "/credentials/" + CREDENTIAL_ID, "Occupational Therapy Assistant"),
                Arguments.of("credential-revoked", "/credentials/" + REVOKED_ID, "Occupational Therapy Assistant"),
                Arguments.of("credential-unavailable", "/credentials/" + REFUSED_ID, "Credential"),
                Arguments.of("not-found", "/catalog/no-such-credential", "Not found"),
                Arguments.of("bad-input", "/credentials/a%20b", "This request cannot be answered"),
                Arguments.of("verify", "/verify", "Verify a credential"),
                Arguments.of("error", "/error", "Something went wrong"));
        return Stream.of(Viewport.values())
                .flatMap(viewport -> pages.stream()
                        .map(page -> Arguments.of(viewport, page.get()[0], page.get()[1], page.get()[2])));
    }

    @ParameterizedTest(name = "{1} at {0} width")
    @MethodSource("pages")
    void showsEveryPageWithoutAccessibilityViolationsAtPhoneAndDesktopWidth(
            Viewport viewport, String page, String path, String heading) {
        Browser browser = BROWSERS.at(viewport);

        browser.visit(url(path));

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo(heading);
        browser.check(page);
        assertThat(script(
                        browser.driver(),
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .as("pixels of sideways scrolling at %s width", viewport.label())
                .isEqualTo(0L);
    }

    @Test
    void reachesTheSearchFieldFromTheSkipLinkAndSearchesWithEnterKeepingFocus() {
        Browser browser = BROWSERS.at(Viewport.DESKTOP);
        WebDriver driver = browser.driver();
        browser.visit(url("/catalog"));

        press(driver, Keys.TAB);
        assertThat(focused(driver).getText()).isEqualTo("Skip to content");
        assertThat(focused(driver).getRect().getX())
                .as("the skip link shows when focused")
                .isGreaterThanOrEqualTo(0);
        press(driver, Keys.ENTER);
        press(driver, Keys.TAB);
        assertThat(focused(driver).getAttribute("id")).isEqualTo("q");

        int before = CATALOG.requests().size();
        WebElement results = driver.findElement(By.id("results"));
        new Actions(driver).sendKeys("network").sendKeys(Keys.ENTER).perform();

        await().atMost(SWAP_DEADLINE)
                .until(() -> Browser.detached(results) && driver.getCurrentUrl().contains("q=network"));
        assertThat(CATALOG.requests().subList(before, CATALOG.requests().size()))
                .anyMatch(request -> request.startsWith("/api/v1/credentials?q=network"));
        assertThat(driver.findElement(By.id("total")).getText()).isEqualTo("2 credentials found");
        assertThat(focused(driver).getAttribute("id"))
                .as("focus stays in the field after the results update")
                .isEqualTo("q");
        browser.check("catalog-searched-with-enter");
    }

    @Test
    void movesThroughTheFiltersInOrderAndUpdatesResultsOnAChoiceWithoutMovingFocus() {
        Browser browser = BROWSERS.at(Viewport.PHONE);
        WebDriver driver = browser.driver();
        browser.visit(url("/catalog"));
        driver.findElement(By.id("q")).click();

        List<String> order = Stream.iterate(0, i -> i + 1)
                .limit(13)
                .map(i -> {
                    press(driver, Keys.TAB);
                    return focused(driver).getAttribute("id");
                })
                .toList();
        assertThat(order)
                .containsExactly(
                        "goal",
                        "skill",
                        "category",
                        "providerId",
                        "deliveryMode",
                        "maxCost",
                        "currency",
                        "maxHours",
                        "expires",
                        "stackableInto",
                        "sort",
                        "free",
                        "");
        assertThat(focused(driver).getText()).isEqualTo("Search");

        new Actions(driver)
                .keyDown(Keys.SHIFT)
                .sendKeys(Keys.TAB)
                .keyUp(Keys.SHIFT)
                .perform();
        assertThat(focused(driver).getAttribute("id")).isEqualTo("free");
        int before = CATALOG.requests().size();
        WebElement results = driver.findElement(By.id("results"));
        press(driver, Keys.SPACE);

        await().atMost(SWAP_DEADLINE)
                .until(() -> Browser.detached(results) && driver.getCurrentUrl().contains("free=true"));
        assertThat(CATALOG.requests().subList(before, CATALOG.requests().size()))
                .anyMatch(request -> request.startsWith("/api/v1/credentials?free=true"));
        assertThat(focused(driver).getAttribute("id"))
                .as("focus stays on the checkbox after the results update")
                .isEqualTo("free");
        assertThat(driver.findElement(By.id("free")).isSelected()).isTrue();
        browser.check("catalog-free-only");
    }

    @Test
    void namesTheFieldOfBadInputTypedInTheBrowserAndLeadsToIt() {
        Browser browser = BROWSERS.at(Viewport.DESKTOP);
        WebDriver driver = browser.driver();
        browser.visit(url("/catalog"));
        WebElement maxHours = driver.findElement(By.id("maxHours"));

        maxHours.sendKeys("forty", Keys.ENTER);

        WebElement errors = await().atMost(SWAP_DEADLINE)
                .until(() -> driver.findElements(By.id("form-errors")), found -> !found.isEmpty())
                .getFirst();
        assertThat(errors.getAttribute("role")).isEqualTo("alert");
        WebElement link = errors.findElement(By.cssSelector("a[data-field=maxHours]"));
        assertThat(link.getText()).isEqualTo("maxHours is not a number");
        assertThat(focused(driver).getAttribute("id"))
                .as("focus stays in the field typed in")
                .isEqualTo("maxHours");
        browser.check("catalog-bad-input-htmx");

        link.sendKeys(Keys.ENTER);

        assertThat(focused(driver).getAttribute("id"))
                .as("the error's link leads to its field")
                .isEqualTo("maxHours");
    }

    @Test
    void marksTheFieldOfBadInputWhenTheFormIsSentWithoutJavaScript() {
        Browser browser = BROWSERS.at(Viewport.PHONE);
        WebDriver driver = browser.driver();

        browser.visit(url("/catalog?maxCost=100"));

        WebElement currency = driver.findElement(By.id("currency"));
        assertThat(currency.getAttribute("aria-invalid")).isEqualTo("true");
        String describedBy = currency.getAttribute("aria-describedby");
        assertThat(driver.findElement(By.id(describedBy)).getText()).startsWith("currency is needed with maxCost");
        browser.check("catalog-missing-currency");
    }

    @Test
    void checksAPastedCredentialWithoutJavaScriptAndShowsTheResultAtPhoneWidth() {
        Browser browser = BROWSERS.at(Viewport.PHONE);
        WebDriver driver = browser.driver();
        browser.visit(url("/verify"));

        driver.findElement(By.id("credential")).sendKeys("{\"id\": \"urn:uuid:77aa\"}");
        driver.findElement(By.cssSelector("#verify-form button[type=submit]")).click();

        WebElement result = await().atMost(SWAP_DEADLINE)
                .until(() -> driver.findElements(By.id("result")), found -> !found.isEmpty())
                .getFirst();
        assertThat(driver.getTitle()).isEqualTo("Unverifiable – Verify a credential – CredStack");
        assertThat(result.findElement(By.id("meaning")).getText()).contains("this does not mean it is fake");
        assertThat(result.findElement(By.id("check-credentialStatus")).getText())
                .contains("Could not be checked")
                .contains("status list unreachable");
        browser.check("verify-result");
        assertThat(script(
                        driver, "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .as("pixels of sideways scrolling at phone width")
                .isEqualTo(0L);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void press(WebDriver driver, CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    private static WebElement focused(WebDriver driver) {
        return driver.switchTo().activeElement();
    }

    private static Object script(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
