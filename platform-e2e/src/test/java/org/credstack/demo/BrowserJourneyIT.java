package org.credstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.credstack.demo.JourneyReport.Enrollment;
import org.credstack.demo.JourneyReport.IssuedCredential;
import org.credstack.demo.JourneyReport.Learner;
import org.credstack.testsupport.browser.Browser;
import org.credstack.testsupport.browser.Browsers;
import org.credstack.testsupport.browser.Viewport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The web app of a whole platform started by the launcher, in Debian's Chromium at phone and desktop width: a person
 * searches the real sample catalog, opens a credential, and reads the public page of a credential issued to a learner;
 * axe-core checks every page (WCAG 2.2 AA) and a screenshot of each lands in {@code
 * target/screenshots/BrowserJourneyIT/}.
 *
 * <p>The platform's ports are moved up by {@code credstack.e2e.browserPortOffset} (21000 by default, so it never
 * meets {@link JourneyIT}'s), its data is in {@code credstack.e2e.browserDataDir} ({@code
 * platform-e2e/target/browser-journey-it} by default). The data comes through the APIs, as {@link JourneyIT}'s
 * does: the sample catalog imported, one learner enrolled in COTA and their partner's statements posted. Next
 * (issue 9): signing in through the browser, enrolling, sharing, renewing, provider staff and the operator.
 */
class BrowserJourneyIT {

    static final int PORT_OFFSET = Integer.getInteger("credstack.e2e.browserPortOffset", 21000);

    static final Duration ISSUE_DEADLINE = Duration.ofMinutes(3);
    static final Duration SWAP_DEADLINE = Duration.ofSeconds(10);

    static Path dataDir;
    static LaunchedPlatform platform;
    static JsonNode cota;
    static IssuedCredential issued;

    @RegisterExtension
    static final LaunchedPlatform.LogsOnFailure LOGS = new LaunchedPlatform.LogsOnFailure(() -> dataDir);

    @RegisterExtension
    static final Browsers BROWSERS = Browsers.forTestClass(BrowserJourneyIT.class);

    @BeforeAll
    static void startPlatformWithACredentialIssued() throws IOException {
        Path root = Journey.repositoryRoot(Path.of(""));
        dataDir = Path.of(System.getProperty(
                "credstack.e2e.browserDataDir",
                root.resolve("platform-e2e/target/browser-journey-it").toString()));
        platform = LaunchedPlatform.start(root, dataDir, PORT_OFFSET);
        PlatformUrls urls = platform.urls();
        Journey journey = new Journey(
                urls, new Tokens(urls.identity(), dataDir), root, line -> System.out.println("journey: " + line));
        journey.awaitHealthy();
        journey.importCatalog();
        Learner ada = journey.register("Ada Lovelace", "account", false);
        cota = journey.find(Journey.COTA);
        Enrollment enrollment = journey.enroll(ada, cota);
        journey.report(ada, List.of(enrollment));
        issued = await("COTA issued to Ada")
                .atMost(ISSUE_DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> journey.credentials(ada), listed -> !listed.isEmpty())
                .getFirst();
    }

    @AfterAll
    static void stopPlatform() throws InterruptedException {
        if (platform != null) {
            platform.stop();
        }
    }

    @ParameterizedTest(name = "at {0} width")
    @EnumSource(Viewport.class)
    void findsACredentialInTheCatalogAndOpensIt(Viewport viewport) {
        Browser browser = BROWSERS.at(viewport);
        WebDriver driver = browser.driver();
        String title = cota.path("content").path("title").asString();

        browser.visit(platform.web().resolve("/catalog"));
        browser.check("catalog");
        WebElement everything = driver.findElement(By.id("results"));
        driver.findElement(By.id("q")).sendKeys("COTA", Keys.ENTER);
        await("the result list replaced in place")
                .atMost(SWAP_DEADLINE)
                .until(() ->
                        Browser.detached(everything) && driver.getCurrentUrl().contains("q=COTA"));
        browser.check("catalog-search");
        driver.findElement(By.id("results")).findElement(By.linkText(title)).click();

        assertThat(driver.getCurrentUrl())
                .endsWith("/catalog/" + cota.path("id").asString());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        browser.check("catalog-credential");
    }

    @ParameterizedTest(name = "at {0} width")
    @EnumSource(Viewport.class)
    void showsTheIssuedCredentialsPublicPageWithoutSigningIn(Viewport viewport) {
        Browser browser = BROWSERS.at(viewport);
        WebDriver driver = browser.driver();
        String id = issued.publicUrl().substring(issued.publicUrl().lastIndexOf('/') + 1);

        browser.visit(platform.web().resolve("/credentials/" + id));

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(issued.achievementName());
        assertThat(driver.findElement(By.id("verification")).getText()).startsWith("Verified:");
        assertThat(driver.findElement(By.id("recipient")).getText()).isNotBlank();
        browser.check("credential");
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/credentials/" + id);
    }
}
