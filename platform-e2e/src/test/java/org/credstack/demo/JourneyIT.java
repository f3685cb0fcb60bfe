package org.credstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.credstack.demo.JourneyReport.Enrollment;
import org.credstack.demo.JourneyReport.IssuedCredential;
import org.credstack.demo.JourneyReport.LearnerJourney;
import org.credstack.demo.JourneyReport.Reminder;
import org.credstack.demo.LifecycleReport.Renewal;
import org.credstack.demo.LifecycleReport.Revocation;
import org.credstack.demo.LifecycleReport.StackAward;
import org.credstack.testsupport.IndependentVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole platform as a user gets it: the launcher starts Kafka, the store, GreenMail and the four service jars
 * as child processes ({@link LaunchedPlatform#shared}, the platform BrowserJourneyIT uses too), then the {@link Journey} runs on the real sample catalog. Each test pins one
 * outcome of that one journey: the first three learners' credentials, reminders and e-mails, the partner's statements
 * posted again, and the fourth learner's stack, renewal and revocation ({@link Lifecycle}).
 *
 * <p>Needs the services' jars and the launcher's {@code target/lib}: the reactor builds them first ({@code ./mvnw
 * verify}); alone, {@code ./mvnw -q install -DskipTests} once, then {@code ./mvnw -q -f platform-e2e verify}. When
 * anything fails, the tails of the launcher's and every child's log are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIT {

    static Path root;
    static Path dataDir;
    static LaunchedPlatform platform;
    static Journey journey;
    static JourneyReport report;

    @RegisterExtension
    static final LaunchedPlatform.LogsOnFailure LOGS = new LaunchedPlatform.LogsOnFailure(() -> dataDir);

    @BeforeAll
    static void startPlatformAndRunTheJourney() throws IOException {
        root = Journey.repositoryRoot(Path.of(""));
        platform = LaunchedPlatform.shared(root);
        dataDir = platform.dataDir();
        PlatformUrls urls = platform.urls();
        journey = new Journey(
                urls, new Tokens(urls.identity(), dataDir), root, line -> System.out.println("journey: " + line));
        report = journey.run();
        System.out.println(platform.launcherLog());
    }

    @Test
    @Order(0)
    void eachLearnerActsWithTheirOwnAccountAndEachProvidersStatementsComeFromItsOwnPartner() {
        List<LearnerJourney> learners = report.learners();
        for (LearnerJourney learner : learners) {
            String token = journey.learnerToken(learner.learner());
            JsonNode me = Http.JSON.readTree(get(journey.urls().identity().resolve("/api/v1/accounts/me"), token));
            assertThat(me.get("email").asString()).isEqualTo(learner.learner().email());
            assertThat(claims(token).get("roles").valueStream().map(JsonNode::asString))
                    .containsExactly("learner");
            assertThat(claims(token).get("sub").asString())
                    .isEqualTo(me.get("id").asString());
        }
        List<String> providers = learners.stream()
                .flatMap(l -> l.enrollments().stream())
                .map(Enrollment::providerId)
                .distinct()
                .toList();
        assertThat(providers).hasSizeGreaterThan(1);
        assertThat(journey.tokens().partnerClients()).containsKeys(providers.toArray(String[]::new));
        for (String provider : providers) {
            JsonNode partner = claims(journey.tokens().partner(provider, "unused: created during the journey"));
            assertThat(partner.get("roles").valueStream().map(JsonNode::asString))
                    .containsExactly("partner");
            assertThat(partner.get("provider_ids").valueStream().map(JsonNode::asString))
                    .containsExactly(provider);
        }
        assertThat(claims(journey.operator()).get("roles").valueStream().map(JsonNode::asString))
                .contains("operator");
    }

    /** The claims of a JWT, read without checking its signature (identity-service signed it; the services check). */
    static JsonNode claims(String jwt) {
        return Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    @Order(1)
    void issuesExactlyOneCredentialPerEnrollment() {
        for (LearnerJourney learner : report.learners()) {
            assertThat(learner.enrollments()).hasSize(2);
            assertThat(learner.credentials())
                    .as(learner.learner().displayName())
                    .extracting(IssuedCredential::enrollmentId)
                    .containsExactlyInAnyOrderElementsOf(
                            learner.enrollments().stream().map(Enrollment::id).toList());
            for (IssuedCredential credential : learner.credentials()) {
                Enrollment enrollment = enrollmentOf(learner, credential);
                assertThat(credential.credentialId()).isEqualTo(enrollment.credentialId());
                assertThat(credential.achievementName()).isEqualTo(enrollment.title());
                assertThat(credential.publicUrl())
                        .isEqualTo(journey.urls().badge() + "/credentials/" + credential.id());
            }
        }
    }

    @Test
    @Order(2)
    void badgeServiceVerifiesEveryIssuedCredential() {
        assertThat(allCredentials())
                .hasSize(6)
                .allSatisfy(c ->
                        assertThat(c.verificationStatus()).as(c.publicUrl()).isEqualTo("verified"));
    }

    @Test
    @Order(3)
    void digitalBazaarVerifierAcceptsEachCredentialOfflineAndRejectsATamperedCopy() {
        assumeTrue(IndependentVerifier.available(), "node is not installed");
        IndependentVerifier verifier = IndependentVerifier.find();
        Instant now = Instant.now();
        for (IssuedCredential issued : allCredentials()) {
            String credential = get(URI.create(issued.publicUrl()));
            ObjectNode signed = (ObjectNode) Http.JSON.readTree(credential);
            String controller = get(URI.create(signed.get("issuer").get("id").asString()));
            List<String> statusList = List.of(get(URI.create(
                    signed.get("credentialStatus").get("statusListCredential").asString())));
            ObjectNode tampered = signed.deepCopy();
            ((ObjectNode) tampered.get("credentialSubject").get("achievement"))
                    .put("name", issued.achievementName() + " with Distinction");

            IndependentVerifier.Result genuine = verifier.verify(credential, controller, statusList, now);
            IndependentVerifier.Result forged =
                    verifier.verify(Http.JSON.writeValueAsString(tampered), controller, statusList, now);

            assertThat(genuine.verified())
                    .as(issued.publicUrl() + ": " + genuine.output())
                    .isTrue();
            assertThat(forged.verified())
                    .as(issued.publicUrl() + " tampered: " + forged.output())
                    .isFalse();
            assertThat(forged.output()).contains("Invalid signature");
        }
    }

    @Test
    @Order(4)
    void expiringCredentialIsValidForItsPeriodInTheIssuersTimeZone() {
        LearnerJourney ada = report.learners().getFirst();
        Enrollment cota = ada.enrollments().stream()
                .filter(e -> e.validityPeriod() != null)
                .findFirst()
                .orElseThrow();
        IssuedCredential credential = credentialOf(ada, cota);
        ZoneId issuerZone = ZoneId.of(Http.JSON
                .readTree(get(
                        journey.urls().catalog().resolve("/api/v1/providers/" + cota.providerId()), journey.operator()))
                .get("timeZone")
                .asString());

        assertThat(cota.validityPeriod()).isEqualTo("P3Y");
        assertThat(credential.validUntil())
                .isEqualTo(credential
                        .validFrom()
                        .atZone(issuerZone)
                        .plus(Period.parse(cota.validityPeriod()))
                        .toInstant());
        assertThat(credential.validFrom()).isBefore(credential.issuedAt());
        assertThat(ada.credentials().stream().filter(c -> c != credential))
                .allSatisfy(c -> assertThat(c.validUntil()).isNull());
    }

    @Test
    @Order(5)
    void schedulesReminderEmailsBeforeTheExpiringCredentialRunsOut() {
        LearnerJourney ada = report.learners().getFirst();
        IssuedCredential cota = ada.credentials().stream()
                .filter(c -> c.validUntil() != null)
                .findFirst()
                .orElseThrow();

        List<Reminder> reminders = ada.reminders().stream()
                .filter(r -> r.badgeId().equals(cota.publicUrl()))
                .toList();

        assertThat(reminders).extracting(Reminder::daysBefore).containsExactlyInAnyOrder(30, 7, 1);
        assertThat(reminders).allSatisfy(r -> {
            assertThat(r.validUntil()).isEqualTo(cota.validUntil());
            assertThat(r.dueAt()).isEqualTo(cota.validUntil().minus(Duration.ofDays(r.daysBefore())));
            assertThat(r.status()).isEqualTo("PENDING");
        });
        assertThat(report.learners().stream().skip(1).flatMap(l -> l.reminders().stream()))
                .as("credentials that never expire get no reminders")
                .isEmpty();
    }

    @Test
    @Order(6)
    void emailsEachLearnerAboutEachCredential() {
        for (LearnerJourney learner : report.learners()) {
            assertThat(learner.deliveries())
                    .as(learner.learner().displayName())
                    .filteredOn(d -> d.status().equals("SENT"))
                    .hasSize(learner.credentials().size())
                    .allSatisfy(d -> {
                        assertThat(d.recipient()).isEqualTo(learner.learner().email());
                        assertThat(d.sentAt()).isNotNull();
                    });
        }
    }

    @Test
    @Order(7)
    void postingTheSameStatementsAgainChangesNothing() {
        Map<String, JsonNode> before = enrollmentStates();

        List<Integer> statuses = journey.repostStatements();
        // A marker behind the repeats: Ada's events share one partition, so once badge-service has issued for
        // this new enrollment it has seen anything the repeats could have caused.
        LearnerJourney ada = report.learners().getFirst();
        Enrollment marker = journey.enroll(ada.learner(), journey.find(Journey.CODING_ATTENDANCE));
        journey.report(ada.learner(), List.of(marker));
        LearnerJourney adaAfter = journey.outcome(ada.learner(), List.of(marker));

        // one batch per learner and provider: each of the three learners has credentials of two providers
        assertThat(statuses).hasSize(6).containsOnly(200);
        assertThat(adaAfter.credentials())
                .extracting(IssuedCredential::enrollmentId)
                .contains(marker.id());
        assertThat(enrollmentStates()).isEqualTo(before);
        for (LearnerJourney learner : report.learners()) {
            assertThat(journey.credentials(learner.learner()))
                    .filteredOn(c -> !c.enrollmentId().equals(marker.id()))
                    .extracting(IssuedCredential::id)
                    .containsExactlyInAnyOrderElementsOf(learner.credentials().stream()
                            .map(IssuedCredential::id)
                            .toList());
        }
    }

    @Test
    @Order(8)
    void refusesEnrollmentInTheCompTiaPathwayAndAwardsItOnceFromItsEightComponents() {
        StackAward stack = report.lifecycle().stack();

        assertThat(stack.title()).isEqualTo("IT Networking Specialist Pathway");
        assertThat(stack.stackEnrollment().status()).isEqualTo(409);
        assertThat(stack.stackEnrollment().type()).isEqualTo("urn:credstack:problem:stack-not-enrollable");
        assertThat(stack.components()).hasSize(8).allSatisfy(component -> {
            assertThat(component.title()).startsWith("CompTIA ");
            assertThat(component.assignments())
                    .singleElement()
                    .satisfies(earn -> assertThat(earn.activityId())
                            .startsWith("https://credentialengineregistry.org/resources/ce-"));
        });
        assertThat(stack.componentCredentials())
                .extracting(IssuedCredential::credentialId)
                .containsExactlyElementsOf(stack.components().stream()
                        .map(Enrollment::credentialId)
                        .toList());
        assertThat(stack.componentCredentials())
                .allSatisfy(c -> assertThat(c.verified()).as(c.publicUrl()).isTrue());
        Instant lastComponent = stack.componentCredentials().stream()
                .map(IssuedCredential::validFrom)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(stack.stackCredentials()).singleElement().satisfies(awarded -> {
            assertThat(awarded.credentialId()).isEqualTo(stack.stackCredentialId());
            assertThat(awarded.achievementName()).isEqualTo(stack.title());
            assertThat(awarded.validFrom()).isEqualTo(lastComponent);
            assertThat(awarded.verificationStatus()).isEqualTo("verified");
        });
        assertThat(stack.progress()).isEqualTo("complete");
    }

    @Test
    @Order(9)
    void theStacksClrIsVerifiedByOursAndByTheDigitalBazaarVerifier() {
        StackAward stack = report.lifecycle().stack();

        assertThat(stack.clrStatus()).isEqualTo("verified");
        assumeTrue(stack.clrIndependent().checked(), stack.clrIndependent().output());
        assertThat(stack.clrIndependent().verified())
                .as(stack.clrIndependent().output())
                .isTrue();
        assertThat(stack.clrIndependent().revoked()).isFalse();
    }

    @Test
    @Order(10)
    void renewsTheShortCredentialEarlyIntoOneThatNamesItAndBothVerify() {
        LifecycleReport lifecycle = report.lifecycle();
        Renewal renewal = lifecycle.renewal();
        IssuedCredential original = renewal.original();
        IssuedCredential renewed = renewal.renewed();
        ZoneId issuerZone = ZoneId.of(Http.JSON
                .readTree(get(
                        journey.urls()
                                .catalog()
                                .resolve("/api/v1/providers/" + renewal.earned().providerId()),
                        journey.operator()))
                .get("timeZone")
                .asString());
        Period validity = Period.parse(renewal.earned().validityPeriod());

        assertThat(renewal.earned().validityPeriod()).isEqualTo(Lifecycle.RENEWABLE_VALIDITY);
        assertThat(original.validUntil())
                .isEqualTo(
                        original.validFrom().atZone(issuerZone).plus(validity).toInstant());
        assertThat(renewal.renewalEnrollment().assignments())
                .singleElement()
                .satisfies(
                        refresher -> assertThat(refresher.activityId()).isEqualTo(Lifecycle.ACTIVITIES + "refresher"));
        assertThat(journey.enrollment(
                                lifecycle.learner(), renewal.renewalEnrollment().id())
                        .path("kind")
                        .asString())
                .isEqualTo("RENEWAL");
        assertThat(renewal.renewalStatus()).isEqualTo("COMPLETED");
        assertThat(renewed).as("the renewed credential").isNotNull();
        assertThat(renewed.renewalOf()).isEqualTo(original.publicUrl());
        assertThat(renewed.id()).isNotEqualTo(original.id());
        assertThat(renewed.credentialId()).isEqualTo(original.credentialId());
        assertThat(renewed.validFrom()).isAfter(original.validFrom());
        assertThat(renewed.validUntil())
                .as("renewed early: the period runs on from the old validUntil")
                .isEqualTo(
                        original.validUntil().atZone(issuerZone).plus(validity).toInstant());
        assertThat(original.verificationStatus()).isEqualTo("verified");
        assertThat(renewed.verificationStatus()).isEqualTo("verified");
    }

    @Test
    @Order(11)
    void revokedCredentialIsReportedRevokedWithItsReasonByOursAndByTheDigitalBazaarVerifier() {
        Revocation revocation = report.lifecycle().revocation();

        assertThat(revocation.credential().achievementName()).isEqualTo(Journey.BASIC_LIFE_SUPPORT.title());
        assertThat(revocation.status()).isEqualTo("revoked");
        assertThat(revocation.credential().verificationStatus()).isEqualTo("revoked");
        assertThat(revocation.proofStatus()).isEqualTo("valid");
        assertThat(revocation.statusReason()).isEqualTo(Lifecycle.REVOCATION_REASON);
        assertThat(revocation.revokedAt()).isAfter(revocation.credential().issuedAt());
        assumeTrue(revocation.independent().checked(), revocation.independent().output());
        assertThat(revocation.independent().revoked())
                .as(revocation.independent().output())
                .isTrue();
        assertThat(revocation.independent().verified())
                .as("proof and status list credential accepted: "
                        + revocation.independent().output())
                .isTrue();
    }

    @Test
    @Order(12)
    void findNeverHandsOutTheStackThatASearchMatches() {
        Journey.Pick pathway = Lifecycle.IT_NETWORKING_PATHWAY;

        assertThat(journey.findStack(pathway).get("id").asString())
                .isEqualTo(report.lifecycle().stack().stackCredentialId());
        assertThatThrownBy(() -> journey.find(pathway))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no micro-credential");
    }

    @Test
    @Order(13)
    void everyMetricTheDashboardsAndAlertsQueryIsEmittedAndNoneCarriesALearnersData() throws IOException {
        Map<String, String> scrapes = new LinkedHashMap<>();
        PlatformUrls urls = journey.urls();
        for (URI service : List.of(
                urls.identity(),
                urls.catalog(),
                urls.enrollment(),
                urls.badge(),
                urls.notification(),
                platform.web())) {
            scrapes.put(service.toString(), get(service.resolve("/actuator/prometheus")));
        }
        Set<String> emitted = new TreeSet<>();
        scrapes.values().forEach(scrape -> emitted.addAll(ObservabilityQueries.sampleNames(scrape)));

        List<String> unknown = new ArrayList<>();
        ObservabilityQueries.expressions(root)
                .forEach((where, expression) -> PromQlMetricNames.in(expression).stream()
                        .filter(name -> !emitted.contains(name))
                        .forEach(name -> unknown.add(where + ": " + name)));
        assertThat(unknown).as("metrics queried that no service emits").isEmpty();
        String badge = scrapes.get(urls.badge().toString());
        assertThat(sample(badge, "credstack_credentials_issued_total", "kind=\"stack\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(badge, "credstack_credentials_issued_total", "kind=\"renewal\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(badge, "credstack_credentials_revoked_total", "")).isGreaterThanOrEqualTo(1);
        for (String le : List.of("0.25", "1.0", "5.0")) {
            assertThat(sample(badge, "credstack_completion_to_credential_seconds_bucket", "le=\"" + le + "\""))
                    .as("the SLO bucket the pipeline dashboard and the latency alerts read as le=" + le)
                    .isNotNegative();
        }
        assertThat(sample(badge, "credstack_completion_to_credential_seconds_count", ""))
                .isGreaterThanOrEqualTo(allCredentials().size());
        assertThat(sample(
                        scrapes.get(urls.enrollment().toString()),
                        "credstack_completions_received_total",
                        "channel=\"xapi\""))
                .isPositive();
        for (LearnerJourney learner : report.learners()) {
            List<String> personal = new ArrayList<>(
                    List.of(learner.learner().id(), learner.learner().email()));
            learner.enrollments().forEach(e -> personal.add(e.id()));
            learner.credentials().forEach(c -> personal.add(c.id()));
            scrapes.forEach((service, scrape) ->
                    assertThat(scrape).as("the scrape of " + service).doesNotContain(personal));
        }
    }

    /** The value of the first sample of {@code name} whose labels contain {@code labels}, or -1 when none. */
    static double sample(String scrape, String name, String labels) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(labels)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    static Map<String, JsonNode> enrollmentStates() {
        return report.learners().stream()
                .flatMap(l ->
                        l.enrollments().stream().map(e -> Map.entry(e.id(), journey.enrollment(l.learner(), e.id()))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static List<IssuedCredential> allCredentials() {
        return report.learners().stream().flatMap(l -> l.credentials().stream()).toList();
    }

    static Enrollment enrollmentOf(LearnerJourney learner, IssuedCredential credential) {
        return learner.enrollments().stream()
                .filter(e -> e.id().equals(credential.enrollmentId()))
                .findFirst()
                .orElseThrow();
    }

    static IssuedCredential credentialOf(LearnerJourney learner, Enrollment enrollment) {
        return learner.credentials().stream()
                .filter(c -> c.enrollmentId().equals(enrollment.id()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no credential for " + enrollment));
    }

    static String get(URI uri) {
        return get(uri, null);
    }

    /** GET answered 200, with a bearer token unless {@code accessToken} is null. */
    static String get(URI uri, String accessToken) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET " + uri).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
