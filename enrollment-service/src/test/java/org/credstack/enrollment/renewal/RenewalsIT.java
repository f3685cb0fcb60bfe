package org.credstack.enrollment.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.renewable;
import static org.credstack.enrollment.Credentials.selfPaced;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.enrollment.Credentials.tracked;
import static org.credstack.events.Topic.ENROLLMENT_EVENTS_V1;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.credstack.enrollment.held.HeldCredentials;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.badge.BadgeRevoked;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.Assignment;
import org.credstack.events.catalog.CredentialSnapshot.RenewalPolicy;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.events.enrollment.EnrollmentKind;
import org.credstack.events.enrollment.LearnerEnrolled;
import org.credstack.runtime.links.LinkTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Renewal end to end in enrollment-service (docs/lifecycle/renewal.md): badges arrive on {@code badge.events.v1} as
 * badge-service announces them, relative to the service's clock, and a learner renews through the API or the e-mail
 * link.
 */
class RenewalsIT extends ServiceIT {

    private static final Map<String, String> XAPI = partnerXapi("2.0.0");

    @Autowired
    Clock clock;

    @Autowired
    HeldCredentials held;

    @Autowired
    LinkTokens links;

    @Value("${credstack.links.secret}")
    String linkSecret;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsARenewalWithinTheWindowWhoseAssignmentsAreTheRequirementsAndCompletesItByXapiAndSelfPaced() {
        CredentialSnapshot credential = credential("P60D", null, tracked(unique("refresh"), "Passed", 0.8));
        String email = unique("ada") + "@example.org";
        String learner = learner(email);
        String badge = holds(learner, credential, now().plus(Duration.ofDays(10)));
        String activity = credential.renewalPolicy().requirements().getFirst().activityId();

        Api.Response started = renew(learner, badge);

        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        String renewalId = started.body().get("id").stringValue();
        assertThat(started.header("Location")).endsWith("/api/v1/learners/" + learner + "/enrollments/" + renewalId);
        assertThat(started.body().get("kind").stringValue()).isEqualTo("RENEWAL");
        assertThat(started.body().get("renewalOf").stringValue()).isEqualTo(badge);
        assertThat(started.body().get("assignments").findValuesAsString("activityId"))
                .containsExactly(activity);
        assertThat(api.post("/xapi/statements", passed(email, activity, now()), XAPI)
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, EnrollmentCompleted.class))
                        .singleElement()
                        .satisfies(completed -> {
                            assertThat(completed.enrollmentId()).isEqualTo(renewalId);
                            assertThat(completed.kind()).isEqualTo(EnrollmentKind.RENEWAL);
                            assertThat(completed.renewalOf()).isEqualTo(badge);
                        }));
        assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, LearnerEnrolled.class))
                .singleElement()
                .satisfies(enrolled -> {
                    assertThat(enrolled.kind()).isEqualTo(EnrollmentKind.RENEWAL);
                    assertThat(enrolled.renewalOf()).isEqualTo(badge);
                });

        CredentialSnapshot selfPacedOnly = credential("P60D", null, selfPaced(unique("read")));
        String other = holds(learner, selfPacedOnly, now().plus(Duration.ofDays(10)));
        String second = renew(learner, other).body().get("id").stringValue();
        String assignment =
                selfPacedOnly.renewalPolicy().requirements().getFirst().id();
        Api.Response done = api.post(
                "/api/v1/learners/" + learner + "/enrollments/" + second + "/assignments/" + assignment + "/complete",
                "");
        assertThat(done.body().get("status").stringValue()).isEqualTo("COMPLETED");
    }

    @Test
    void refusesOutsideTheWindowNamingItsDatesAndAcceptsALapsedBadgeOnlyWithinTheGracePeriod() {
        String learner = learner(unique("bo") + "@example.org");
        CredentialSnapshot noGrace = credential("P30D", null, selfPaced("read"));
        CredentialSnapshot grace = credential("P30D", "P14D", selfPaced("read"));
        Instant earlyUntil = now().plus(Duration.ofDays(100));
        String early = holds(learner, noGrace, earlyUntil);
        String lapsed = holds(learner, noGrace, now().minus(Duration.ofDays(5)));
        String inGrace = holds(learner, grace, now().minus(Duration.ofDays(5)));
        String pastGrace = holds(learner, grace, now().minus(Duration.ofDays(15)));

        Api.Response tooEarly = renew(learner, early);
        Api.Response tooLate = renew(learner, lapsed);
        Api.Response graced = renew(learner, inGrace);
        Api.Response afterGrace = renew(learner, pastGrace);

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:renewal-window-closed");
        assertThat(tooEarly.body().get("detail").stringValue())
                .contains(earlyUntil.minus(Duration.ofDays(30)).toString(), earlyUntil.toString());
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(afterGrace.status()).isEqualTo(409);
        assertThat(afterGrace.body().get("detail").stringValue()).contains("grace");
        assertThat(graced.status()).as(graced.raw().body()).isEqualTo(201);
        assertThat(enrollments(learner)).containsExactly(graced.body().get("id").stringValue());
    }

    @Test
    void refusesRevokedUnrenewableRenewedSomeoneElsesAndAlreadyRenewingBadgesStoringNothing() {
        String learner = learner(unique("cy") + "@example.org");
        String stranger = learner(unique("di") + "@example.org");
        Instant soon = now().plus(Duration.ofDays(10));
        CredentialSnapshot renewable = credential("P60D", null, selfPaced("read"));
        CredentialSnapshot noPolicy =
                published(renewable(snapshot(unique("plain"), 1, "PUBLISHED", all(), selfPaced("a")), "P2Y", null));
        CredentialSnapshot noExpiry = published(renewable(
                snapshot(unique("forever"), 1, "PUBLISHED", all(), selfPaced("a")),
                null,
                new RenewalPolicy(null, "Any time", List.of(), List.of())));
        String revoked = holds(learner, renewable, soon);
        broker.publish(new BadgeRevoked(revoked, learner, "issued in error", now()), now());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> held.find(revoked).map(b -> b.revoked()).orElse(false));
        String withoutPolicy = holds(learner, noPolicy, soon);
        String neverExpires = holds(learner, noExpiry, null);
        String renewedAlready = holds(learner, renewable, soon);
        holdsRenewal(learner, renewable, renewedAlready);
        String theirs = holds(stranger, renewable, soon);
        String underway = holds(learner, renewable, soon);
        String first = renew(learner, underway).body().get("id").stringValue();

        assertThat(problem(renew(learner, revoked))).isEqualTo("409 credential-revoked");
        assertThat(problem(renew(learner, withoutPolicy))).isEqualTo("409 not-renewable");
        assertThat(problem(renew(learner, neverExpires))).isEqualTo("409 not-renewable");
        assertThat(problem(renew(learner, renewedAlready))).isEqualTo("409 already-renewed");
        assertThat(problem(renew(learner, theirs))).isEqualTo("404 held-credential-not-found");
        assertThat(problem(renew(learner, "https://badges.example/credentials/unknown")))
                .isEqualTo("404 held-credential-not-found");
        Api.Response again = renew(learner, underway);
        assertThat(problem(again)).isEqualTo("409 renewal-in-progress");
        assertThat(again.body().get("detail").stringValue()).contains(first);
        assertThat(enrollments(learner)).containsExactly(first);
        assertThat(enrollments(stranger)).isEmpty();
    }

    @Test
    void renewsByAttestationWhenThePolicyHasNoRequirements() {
        String learner = learner(unique("ed") + "@example.org");
        CredentialSnapshot attestation = credential("P60D", null);
        String later = holds(learner, attestation, now().plus(Duration.ofDays(10)));
        String atOnce = holds(learner, attestation, now().plus(Duration.ofDays(10)));

        Api.Response waiting = renew(learner, later);
        Api.Response confirmed = api.post(
                "/api/v1/learners/" + learner + "/renewals/"
                        + waiting.body().get("id").stringValue() + "/attestation",
                "");
        Api.Response immediate = api.post(
                "/api/v1/learners/" + learner + "/renewals", "{\"badgeId\": \"" + atOnce + "\", \"attest\": true}");

        assertThat(waiting.body().get("status").stringValue()).isEqualTo("IN_PROGRESS");
        assertThat(confirmed.body().get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(immediate.body().get("status").stringValue()).isEqualTo("COMPLETED");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(broker.poll(ENROLLMENT_EVENTS_V1, learner, EnrollmentCompleted.class))
                        .extracting(EnrollmentCompleted::renewalOf, EnrollmentCompleted::kind)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple(later, EnrollmentKind.RENEWAL),
                                org.assertj.core.groups.Tuple.tuple(atOnce, EnrollmentKind.RENEWAL)));
    }

    @Test
    void theEmailLinkShowsWhatRenewalTakesAndItsFormStartsTheRenewalOnce() throws Exception {
        CredentialSnapshot credential = credential("P60D", null, tracked(unique("refresh"), "Passed", 0.8));
        String learner = learner(unique("fa") + "@example.org");
        String badge = holds(learner, credential, now().plus(Duration.ofDays(10)));
        String token = links.issue("renewal", learner, Map.of("badgeId", badge), Duration.ofDays(7));

        HttpResponse<String> page = get("/renewals/new?token=" + encode(token));
        HttpResponse<String> started = postForm("token=" + encode(token));
        HttpResponse<String> again = postForm("token=" + encode(token));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body())
                .contains(
                        credential.title(),
                        "Module "
                                + credential
                                        .renewalPolicy()
                                        .requirements()
                                        .getFirst()
                                        .id())
                .contains("<form method=\"post\" action=\"/renewals/new\">", "value=\"" + token + "\"");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(started.body()).contains("Your renewal has started", "What to do next");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("under way");
        List<String> renewals = enrollments(learner);
        assertThat(renewals).hasSize(1);
        assertThat(started.body()).contains(renewals.getFirst());
    }

    @Test
    void aForgedExpiredOrOtherPurposeLinkAnswers400AndStoresNothing() throws Exception {
        CredentialSnapshot credential = credential("P60D", null);
        String learner = learner(unique("gu") + "@example.org");
        String badge = holds(learner, credential, now().plus(Duration.ofDays(10)));
        LinkTokens yesterday = new LinkTokens(
                Base64.getDecoder().decode(linkSecret), Clock.fixed(now().minus(Duration.ofDays(1)), clock.getZone()));
        String expired = yesterday.issue("renewal", learner, Map.of("badgeId", badge), Duration.ofHours(1));
        String unsubscribe = links.issue("unsubscribe", learner, Map.of("badgeId", badge), Duration.ofDays(7));
        String valid = links.issue("renewal", learner, Map.of("badgeId", badge), Duration.ofDays(7));
        String forged = valid.substring(0, valid.length() - 4) + "AAAA";

        for (String token : List.of(expired, unsubscribe, forged, "")) {
            HttpResponse<String> page = get("/renewals/new?token=" + encode(token));
            HttpResponse<String> post = postForm("token=" + encode(token) + "&attest=true");
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("This link does not work");
            assertThat(post.statusCode()).isEqualTo(400);
        }
        HttpResponse<String> unconfirmed = postForm("token=" + encode(valid));
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(enrollments(learner)).isEmpty();
        HttpResponse<String> confirmed = postForm("token=" + encode(valid) + "&attest=true");
        assertThat(confirmed.statusCode()).isEqualTo(201);
        assertThat(confirmed.body()).contains("Nothing more");
    }

    /** A published credential valid for two years with a renewal policy. */
    private CredentialSnapshot credential(String window, String grace, Assignment... requirements) {
        return published(renewable(
                snapshot(unique("cred"), 1, "PUBLISHED", all(), selfPaced("a1")),
                "P2Y",
                new RenewalPolicy(window, "Show you still know it", List.of(requirements), List.of(), grace)));
    }

    /** Announces a badge as badge-service would and waits until the replica holds it; returns its id. */
    private String holds(String learner, CredentialSnapshot credential, Instant validUntil) {
        return announced(learner, credential, validUntil, null);
    }

    private String holdsRenewal(String learner, CredentialSnapshot credential, String renewalOf) {
        String renewed = announced(learner, credential, now().plus(Duration.ofDays(700)), renewalOf);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> held.find(renewalOf)
                        .map(b -> renewed.equals(b.renewedBy()))
                        .orElse(false));
        return renewed;
    }

    private String announced(String learner, CredentialSnapshot credential, Instant validUntil, String renewalOf) {
        String badge = "https://badges.example/credentials/" + UUID.randomUUID();
        Instant validFrom =
                validUntil == null ? now().minus(Duration.ofDays(300)) : validUntil.minus(Duration.ofDays(730));
        broker.publish(
                new BadgeIssued(
                        badge,
                        learner,
                        UUID.randomUUID().toString(),
                        credential.id(),
                        credential.title(),
                        "someone@example.org",
                        "Someone",
                        badge,
                        validFrom,
                        validUntil,
                        List.of(),
                        renewalOf,
                        validFrom),
                validFrom);
        await().atMost(Duration.ofSeconds(30)).until(() -> held.find(badge).isPresent());
        return badge;
    }

    private Api.Response renew(String learner, String badge) {
        return api.post("/api/v1/learners/" + learner + "/renewals", "{\"badgeId\": \"" + badge + "\"}");
    }

    private List<String> enrollments(String learner) {
        return api.get("/api/v1/learners/" + learner + "/enrollments").body().findValuesAsString("id");
    }

    private static String problem(Api.Response response) {
        return response.status() + " "
                + response.body().get("type").stringValue().substring("urn:credstack:problem:".length());
    }

    /** The service's time, to whole seconds (the store keeps milliseconds). */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static String passed(String email, String activity, Instant at) {
        return """
                {"id": "%s", "actor": {"mbox": "mailto:%s"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"},
                 "object": {"id": "%s"},
                 "result": {"score": {"scaled": 0.9}, "success": true},
                 "timestamp": "%s"}""".formatted(UUID.randomUUID(), email, activity, at);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String form) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/renewals/new"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
