package org.credstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.credstack.demo.JourneyReport.Enrollment;
import org.credstack.demo.JourneyReport.IssuedCredential;
import org.credstack.demo.JourneyReport.Learner;
import org.credstack.launcher.SignIn;
import org.credstack.testsupport.IndependentVerifier;
import org.credstack.testsupport.browser.Browser;
import org.credstack.testsupport.browser.Browsers;
import org.credstack.testsupport.browser.Viewport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

/**
 * The web app of the whole platform started by the launcher ({@link LaunchedPlatform#shared}), in Debian's Chromium,
 * as its people use it (issue 9, "Tests"): provider staff publish two drafts; a learner finds them by goal and cost,
 * enrolls in both at once, sees both credentials once the partner's statements are in (posted by the test, as the
 * partner's system would), shares one (its public page read without signing in, the LinkedIn link's fields, the baked
 * PNG unbaked and verified), and starts its renewal; staff revoke the other; an operator replays a dead letter. At
 * phone width a person who is not signed in searches the real sample catalog with the keyboard. axe-core checks every
 * page (WCAG 2.2 AA) and a screenshot of each lands in {@code target/screenshots/BrowserJourneyIT/}.
 *
 * <p>People sign in through identity-service's own sign-in form, in the browser: the operator and the demo provider's
 * staff with the passwords of {@code credentials.txt}, the learner with the one the test registered them with.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneyIT {

    static final String PROVIDER = "demo-provider";
    static final String GOAL_FRAMEWORK = "O*NET-SOC";
    static final String GOAL_CODE = "15-2051.00";
    static final Duration PAGE_DEADLINE = Duration.ofSeconds(45);
    static final Duration ISSUE_DEADLINE = Duration.ofMinutes(3);

    /** The first sign-in of a fresh platform warms up the code exchange, the JWKS fetch and the ID token's checks. */
    static final Duration SIGN_IN_DEADLINE = Duration.ofSeconds(90);

    /** Unique to this run: the platform is shared, and its catalog outlives a run with {@code -Dcredstack.e2e...}. */
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    static Path dataDir;
    static LaunchedPlatform platform;
    static Journey journey;
    static Http http = new Http();
    static String staffEmail;
    static Learner grace;
    static List<String> draftIds = new ArrayList<>();
    static Map<String, String> titles = new LinkedHashMap<>();
    static List<IssuedCredential> issued;

    @RegisterExtension
    static final LaunchedPlatform.LogsOnFailure LOGS = new LaunchedPlatform.LogsOnFailure(() -> dataDir);

    @RegisterExtension
    static final Browsers BROWSERS = Browsers.forTestClass(BrowserJourneyIT.class);

    @BeforeAll
    static void startPlatformWithTwoDraftsAndALearner() throws IOException {
        Path root = Journey.repositoryRoot(Path.of(""));
        platform = LaunchedPlatform.shared(root);
        dataDir = platform.dataDir();
        PlatformUrls urls = platform.urls();
        journey = new Journey(
                urls,
                new Tokens(urls.identity(), dataDir),
                root,
                line -> System.out.println("browser journey: " + line));
        journey.awaitHealthy();
        journey.importCatalog();
        String staffToken = journey.staffOf(PROVIDER);
        staffEmail = journey.tokens().people().keySet().stream()
                .filter(email -> email.endsWith("@providers.example"))
                .findFirst()
                .orElseThrow();
        draftIds.add(draft(staffToken, "Field Data Safety " + RUN, 25));
        draftIds.add(draft(staffToken, "Field Data Ethics " + RUN, 40));
        grace = journey.register("Grace Hopper", "account", false);
    }

    /** A draft of the demo provider aligned to the goal, with a cost, valid 30 days, renewable from 60 days before. */
    static String draft(String staffToken, String title, int costInDollars) {
        String activities = "https://lms.credstack.example/browser-journey/" + RUN + "/" + title.hashCode() + "/";
        Map<String, Object> draft = Map.of(
                "title",
                title,
                "description",
                "Handling field data safely: a short course of the browser journey.",
                "kind",
                "MICRO_CREDENTIAL",
                "category",
                "TECHNICAL",
                "providerId",
                PROVIDER,
                "alignments",
                List.of(Map.of("framework", GOAL_FRAMEWORK, "code", GOAL_CODE, "label", "Data Scientists")),
                "cost",
                Map.of("amount", costInDollars, "currency", "USD"),
                "assignments",
                List.of(assignment("course", "The course", activities + "course")),
                "validityPeriod",
                "P30D",
                "renewalPolicy",
                Map.of(
                        "renewalWindow",
                        "P60D",
                        "description",
                        "Take the refresher.",
                        "requirements",
                        List.of(assignment("refresher", "The refresher", activities + "refresher"))));
        String id = http.post(platform.urls().catalog().resolve("/api/v1/credentials"), draft, Http.bearer(staffToken))
                .requireOk("creating the draft " + title)
                .json()
                .get("id")
                .asString();
        titles.put(id, title);
        return id;
    }

    private static Map<String, Object> assignment(String id, String title, String activityId) {
        return Map.of("id", id, "title", title, "activityId", activityId, "moveOn", "Completed");
    }

    @Test
    @Order(1)
    void staffPublishTheirDrafts() {
        Browser browser = signedIn(staffEmail, journey.tokens().people().get(staffEmail));
        WebDriver driver = browser.driver();
        browser.visit(platform.web().resolve("/provider"));
        browser.check("provider-home");

        for (String id : draftIds) {
            browser.visit(platform.web().resolve("/provider/credentials/" + id));
            browser.check("provider-draft");
            driver.findElement(By.id("publish")).click();
            await("the page after publishing " + titles.get(id))
                    .atMost(PAGE_DEADLINE)
                    .until(() -> driver.findElements(By.id("publish")).isEmpty());
            assertThat(http.get(platform.urls().catalog().resolve("/api/v1/credentials/" + id))
                            .requireOk("reading " + id)
                            .json()
                            .path("status")
                            .asString())
                    .isEqualTo("PUBLISHED");
        }
        browser.check("provider-published");
        for (String page : List.of("awards", "enrollments", "imports", "partner-keys", "credentials/new")) {
            browser.visit(platform.web().resolve("/provider/" + PROVIDER + "/" + page));
            browser.check("provider-" + page.replace('/', '-'));
        }
        browser.visit(platform.web().resolve("/provider/credentials/" + draftIds.getFirst() + "/edit"));
        browser.check("provider-edit");
    }

    @Test
    @Order(2)
    void aLearnerFindsBothByGoalAndCostAndEnrollsInBothAtOnce() {
        Learner probe = journey.register("Replica Probe", "account", false);
        draftIds.forEach(id -> journey.enroll(probe, journey.find(new Journey.Pick("q=" + RUN, titles.get(id)))));
        Browser browser = signedIn(grace.email(), journey.tokens().people().get(grace.email()));
        WebDriver driver = browser.driver();

        browser.visit(platform.web().resolve("/catalog"));
        Select goal = new Select(driver.findElement(By.id("goal")));
        String goalValue = goal.getOptions().stream()
                .map(option -> option.getAttribute("value"))
                .filter(value -> value.toLowerCase().endsWith(":" + GOAL_CODE))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no goal " + GOAL_CODE + " to choose"));
        goal.selectByValue(goalValue);
        driver.findElement(By.id("maxCost")).sendKeys("50");
        driver.findElement(By.id("currency")).sendKeys("USD", Keys.ENTER);
        await("the results for the goal and the cost")
                .atMost(PAGE_DEADLINE)
                // the results are swapped in while the condition reads them: a stale element means "read again"
                .ignoreException(StaleElementReferenceException.class)
                .until(() -> driver.getCurrentUrl().contains("maxCost=50")
                        && titles.values().stream()
                                .allMatch(title -> driver.findElement(By.id("results"))
                                        .getText()
                                        .contains(title)));
        browser.check("catalog-goal-and-cost");

        draftIds.forEach(id -> driver.findElement(By.id("choose-" + id)).click());
        driver.findElement(By.cssSelector("#enroll-several button")).click();

        await("My learning with the enroll request's outcome")
                .atMost(PAGE_DEADLINE)
                .until(() -> !driver.findElements(By.id("enrolled")).isEmpty());
        List<WebElement> outcomes = driver.findElements(By.cssSelector("#enrolled li"));
        assertThat(outcomes)
                .extracting(li -> li.getAttribute("data-credential"))
                .containsExactlyInAnyOrderElementsOf(draftIds);
        assertThat(outcomes)
                .allSatisfy(li -> assertThat(li.getAttribute("data-result")).isEqualToIgnoringCase("enrolled"));
        browser.check("my-learning-enrolled");
    }

    @Test
    @Order(3)
    void theLearnerSeesBothCredentialsOnceThePartnerReportsTheCompletions() {
        List<Enrollment> enrollments = http.get(
                        platform.urls().enrollment().resolve("/api/v1/learners/" + grace.id() + "/enrollments"),
                        journey.learnerToken(grace))
                .requireOk("listing Grace's enrollments")
                .json()
                .valueStream()
                .filter(e -> draftIds.contains(e.path("credentialId").asString()))
                .map(e -> new Enrollment(
                        e.path("id").asString(),
                        e.path("credentialId").asString(),
                        titles.get(e.path("credentialId").asString()),
                        "P30D",
                        PROVIDER,
                        Journey.assignments(e)))
                .toList();
        assertThat(enrollments).hasSize(2);
        journey.report(grace, enrollments);
        issued = await("both credentials issued to Grace")
                .atMost(ISSUE_DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> journey.credentials(grace), listed -> listed.size() == 2);

        Browser browser = BROWSERS.at(Viewport.DESKTOP);
        WebDriver driver = browser.driver();
        browser.visit(platform.web().resolve("/my/credentials"));
        List<WebElement> held = driver.findElements(By.cssSelector("#held li"));
        assertThat(held)
                .extracting(li -> li.getAttribute("data-credential"))
                .containsExactlyInAnyOrderElementsOf(
                        issued.stream().map(IssuedCredential::id).toList());
        assertThat(held)
                .allSatisfy(li -> assertThat(li.getAttribute("data-standing")).isIn("ACTIVE", "EXPIRING_SOON"));
        browser.check("my-credentials");
        browser.visit(platform.web().resolve("/my/learning"));
        browser.check("my-learning");
        browser.visit(platform.web().resolve("/my/notifications"));
        browser.check("my-notifications");
        browser.visit(platform.web().resolve("/account"));
        browser.check("account");

        Browser phone = signedIn(
                Viewport.PHONE, grace.email(), journey.tokens().people().get(grace.email()));
        for (String page : List.of("learning", "credentials", "notifications")) {
            phone.visit(platform.web().resolve("/my/" + page));
            phone.check("my-" + page);
            assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) phone.driver())
                                    .executeScript("return document.documentElement.scrollWidth"
                                            + " - document.documentElement.clientWidth;"))
                            .intValue())
                    .as("pixels of sideways scrolling on /my/%s at phone width", page)
                    .isLessThanOrEqualTo(0);
        }
    }

    @Test
    @Order(4)
    void aSharedCredentialsPublicPageNeedsNoSignInAndItsBakedPngVerifies() throws Exception {
        IssuedCredential shared = issued.getFirst();
        Browser stranger = BROWSERS.at(Viewport.PHONE);
        WebDriver driver = stranger.driver();
        forgetSessions(stranger);

        URI page = platform.web().resolve("/credentials/" + shared.id());
        stranger.visit(page);

        assertThat(driver.getCurrentUrl()).isEqualTo(page.toString());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(shared.achievementName());
        assertThat(driver.findElement(By.id("verification")).getText()).startsWith("Verified");
        Map<String, String> linkedIn =
                query(driver.findElement(By.id("linkedin")).getAttribute("href"));
        JsonNode provider = http.get(platform.urls().catalog().resolve("/api/v1/providers/" + PROVIDER))
                .requireOk("reading the demo provider")
                .json();
        assertThat(linkedIn)
                .containsEntry("startTask", "CERTIFICATION_NAME")
                .containsEntry("name", shared.achievementName())
                .containsEntry("organizationName", provider.path("name").asString())
                .containsEntry("certUrl", page.toString())
                .containsEntry("certId", shared.id())
                .containsEntry(
                        "issueYear",
                        String.valueOf(shared.validFrom()
                                .atZone(java.time.ZoneOffset.UTC)
                                .getYear()))
                .containsKeys("issueMonth", "expirationYear", "expirationMonth");
        stranger.check("public-credential");

        byte[] png =
                download(URI.create(driver.findElement(By.id("download-png")).getAttribute("href")));
        String baked = openBadgeCredential(png);
        String asServed = http.get(URI.create(shared.publicUrl()))
                .requireOk("reading " + shared.publicUrl())
                .body();
        assertThat(Http.JSON.readTree(baked)).isEqualTo(Http.JSON.readTree(asServed));
        JsonNode report = Http.JSON.readTree(
                http.post(platform.urls().badge().resolve("/api/v1/verify"), Http.JSON.readTree(baked), Map.of())
                        .requireOk("verifying the unbaked credential")
                        .body());
        assertThat(report.path("status").asString()).isEqualTo("verified");
        if (IndependentVerifier.available()) {
            JsonNode credential = Http.JSON.readTree(baked);
            String controller = http.get(
                            URI.create(credential.path("issuer").path("id").asString()))
                    .requireOk("reading the issuer's controller document")
                    .body();
            String statusList = http.get(URI.create(credential
                            .path("credentialStatus")
                            .path("statusListCredential")
                            .asString()))
                    .requireOk("reading the status list credential")
                    .body();
            IndependentVerifier.Result independent =
                    IndependentVerifier.find().verify(baked, controller, List.of(statusList), Instant.now());
            assertThat(independent.verified())
                    .as("the DigitalBazaar verifier on the credential unbaked from the PNG: " + independent.output())
                    .isTrue();
        }
    }

    @Test
    @Order(5)
    void theLearnerStartsARenewalFromMyCredentials() {
        IssuedCredential renewed = issued.getFirst();
        Browser browser = BROWSERS.at(Viewport.DESKTOP);
        WebDriver driver = browser.driver();
        browser.visit(platform.web().resolve("/my/credentials"));

        driver.findElement(By.cssSelector("[data-credential='" + renewed.id() + "'] button[aria-label^='Renew']"))
                .click();

        await("the renewal enrollment")
                .atMost(PAGE_DEADLINE)
                .until(() -> http.get(
                                platform.urls().enrollment().resolve("/api/v1/learners/" + grace.id() + "/enrollments"),
                                journey.learnerToken(grace))
                        .json()
                        .valueStream()
                        .anyMatch(e -> List.of(renewed.publicUrl(), renewed.id())
                                .contains(e.path("renewalOf").asString(""))));
        browser.check("my-learning-renewal");
        browser.visit(platform.web().resolve("/my/credentials"));
        assertThat(driver.findElement(By.cssSelector("[data-credential='" + renewed.id() + "']"))
                        .getText())
                .contains("Renewal under way");
    }

    @Test
    @Order(6)
    void staffRevokeTheOtherAwardWithAReason() {
        IssuedCredential revoked = issued.getLast();
        Browser browser = signedIn(staffEmail, journey.tokens().people().get(staffEmail));
        WebDriver driver = browser.driver();
        browser.visit(platform.web().resolve("/provider/" + PROVIDER + "/awards?award=" + revoked.id()));
        assertThat(driver.findElement(By.id("achievement")).getText()).isEqualTo(revoked.achievementName());
        browser.check("provider-award");

        driver.findElement(By.id("revoke")).click();
        browser.check("provider-revoke");
        driver.findElement(By.id("reason")).sendKeys("Issued to the wrong learner in the browser journey");
        driver.findElement(By.id("confirm")).click();

        awaitPage(
                browser,
                "the award shown revoked",
                () -> !driver.findElements(By.id("revoked-reason")).isEmpty());
        assertThat(driver.findElement(By.id("revoked-reason")).getText())
                .isEqualTo("Issued to the wrong learner in the browser journey");
        browser.check("provider-revoked");
        assertThat(http.get(URI.create(revoked.publicUrl() + "/verification"))
                        .requireOk("verifying " + revoked.publicUrl())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("revoked");
    }

    @Test
    @Order(7)
    void anOperatorReplaysADeadLetter() throws IOException {
        String key = "browser-journey-" + RUN;
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + (9092 + platform.portOffset()));
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (KafkaProducer<String, String> kafka =
                new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
            kafka.send(new ProducerRecord<>("partner.completions.v1", key, "{ this is not a completion"));
            kafka.flush();
        }
        Properties credentials = SignIn.credentials(dataDir);
        Browser browser =
                signedIn(credentials.getProperty("operator.email"), credentials.getProperty("operator.password"));
        WebDriver driver = browser.driver();

        By ourLetter = By.xpath("//tr[contains(@class,'dead-letter')][.//*[contains(text(),'key " + key + "')]]");
        await("the poison record among the dead letters")
                .atMost(ISSUE_DEADLINE)
                .pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    browser.visit(platform.web().resolve("/operator"));
                    return !driver.findElements(ourLetter).isEmpty();
                });
        browser.check("operator");
        driver.findElement(ourLetter).findElement(By.cssSelector("a.replay")).click();
        browser.check("operator-replay");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        await("the replay's outcome")
                .atMost(PAGE_DEADLINE)
                .until(() -> !driver.findElements(By.id("replay-result")).isEmpty());
        assertThat(driver.findElement(By.id("replay-result")).getAttribute("class"))
                .contains("done");
        browser.check("operator-replayed");
    }

    @ParameterizedTest(name = "at {0} width")
    @EnumSource(Viewport.class)
    @Order(8)
    void someoneNotSignedInSearchesTheSampleCatalogWithTheKeyboard(Viewport viewport) {
        Browser browser = BROWSERS.at(viewport);
        forgetSessions(browser);
        WebDriver driver = browser.driver();
        JsonNode cota = journey.find(Journey.COTA);
        String title = cota.path("content").path("title").asString();

        browser.visit(platform.web().resolve("/catalog"));
        WebElement everything = driver.findElement(By.id("results"));
        driver.findElement(By.id("q")).sendKeys("COTA", Keys.ENTER);
        await("the result list replaced in place")
                .atMost(PAGE_DEADLINE)
                .until(() ->
                        Browser.detached(everything) && driver.getCurrentUrl().contains("q=COTA"));
        browser.check("catalog-search");
        driver.findElement(By.id("results")).findElement(By.linkText(title)).click();

        assertThat(driver.getCurrentUrl())
                .endsWith("/catalog/" + cota.path("id").asString());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        browser.check("catalog-credential");
        browser.visit(platform.web().resolve("/sign-up"));
        browser.check("sign-up");
    }

    /** Waits for a page to show something; when it does not, the failure says where the browser is and what it shows. */
    static void awaitPage(Browser browser, String what, java.util.concurrent.Callable<Boolean> shown) {
        try {
            await(what).atMost(PAGE_DEADLINE).until(shown);
        } catch (ConditionTimeoutException e) {
            browser.screenshot("failed");
            WebDriver driver = browser.driver();
            throw new AssertionError(
                    what + ": the browser is at " + driver.getCurrentUrl() + " showing: "
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    /** The desktop browser, signed in as this person through identity-service's sign-in form. */
    static Browser signedIn(String email, String password) {
        return signedIn(Viewport.DESKTOP, email, password);
    }

    /** The browser at this width, signed in as this person through identity-service's sign-in form. */
    static Browser signedIn(Viewport viewport, String email, String password) {
        Browser browser = BROWSERS.at(viewport);
        WebDriver driver = browser.driver();
        forgetSessions(browser);
        browser.visit(platform.web().resolve("/account"));
        await("identity-service's sign-in form")
                .atMost(PAGE_DEADLINE)
                .until(() -> !driver.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        try {
            await("back in the web app, signed in as " + email)
                    .atMost(SIGN_IN_DEADLINE)
                    .until(() -> driver.getCurrentUrl()
                                    .startsWith(
                                            platform.web().resolve("/account").toString())
                            && !driver.findElements(By.id("email")).isEmpty());
        } catch (ConditionTimeoutException e) {
            browser.screenshot("sign-in-failed");
            throw new AssertionError(
                    "signing in as " + email + " ended at " + driver.getCurrentUrl() + ": "
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
        assertThat(driver.findElement(By.id("email")).getText()).isEqualTo(email);
        return browser;
    }

    /** Signs the browser out of the web app and identity-service: their cookies go. */
    static void forgetSessions(Browser browser) {
        WebDriver driver = browser.driver();
        for (URI site : List.of(platform.web(), platform.urls().identity())) {
            driver.get(site.resolve("/actuator/health").toString());
            driver.manage().deleteAllCookies();
        }
    }

    static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                        (first, second) -> first,
                        LinkedHashMap::new));
    }

    static byte[] download(URI url) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response =
                    client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
            return response.body();
        }
    }

    /** The text of the PNG's {@code iTXt} chunk keyword {@code openbadgecredential} (OB 3.0 baking), by ImageIO. */
    static String openBadgeCredential(byte[] png) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in);
            Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                    if (chunk.getNodeName().equals("iTXt")
                            && ((Element) entry).getAttribute("keyword").equals("openbadgecredential")) {
                        return ((Element) entry).getAttribute("text");
                    }
                }
            }
        } finally {
            reader.dispose();
        }
        throw new AssertionError("no iTXt openbadgecredential in the PNG");
    }
}
