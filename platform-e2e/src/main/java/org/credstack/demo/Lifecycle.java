package org.credstack.demo;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.credstack.demo.JourneyReport.Enrollment;
import org.credstack.demo.JourneyReport.IssuedCredential;
import org.credstack.demo.JourneyReport.Learner;
import org.credstack.demo.LifecycleReport.Independent;
import org.credstack.demo.LifecycleReport.Refusal;
import org.credstack.demo.LifecycleReport.Renewal;
import org.credstack.demo.LifecycleReport.Revocation;
import org.credstack.demo.LifecycleReport.StackAward;
import org.credstack.testsupport.IndependentVerifier;
import tools.jackson.databind.JsonNode;

/**
 * The credential lifecycle (issue 7) for one more learner, on the sample catalog and one credential of the journey's
 * own:
 *
 * <ol>
 *   <li><b>Stack.</b> The learner tries to enroll in the CompTIA "IT Networking Specialist Pathway" (a stack: refused
 *       with 409), enrolls in its eight component certifications instead, and the partner reports each one's "Earn"
 *       activity. badge-service awards the stack's credential; the stack's CLR 2.0 is verified by badge-service and by
 *       the DigitalBazaar verifier.
 *   <li><b>Renewal.</b> Acting as a provider, the journey publishes (once per platform) "{@value #RENEWABLE_TITLE}":
 *       valid for {@value #RENEWABLE_VALIDITY}, renewable from {@value #RENEWAL_WINDOW} before it runs out, so its
 *       window is open as soon as it is issued; one renewal requirement, a refresher the partner reports. The learner
 *       earns it, starts the renewal through the API, and the partner reports the refresher.
 *   <li><b>Revocation.</b> SKMCH revokes the learner's Basic Life Support credential with a reason; badge-service's
 *       verification and the DigitalBazaar verifier (given the provider's status list credential) say revoked.
 * </ol>
 *
 * The learner's statements for all first awards go in one batch, so the credentials are issued side by side.
 */
final class Lifecycle {

    static final Journey.Pick IT_NETWORKING_PATHWAY =
            new Journey.Pick("q=Networking Specialist", "IT Networking Specialist Pathway");
    static final String RENEWABLE_TITLE = "Lab Safety Refresher";
    static final String RENEWABLE_VALIDITY = "P30D";
    static final String RENEWAL_WINDOW = "P60D";
    static final String DEMO_PROVIDER = "CredStack Demo Academy";
    static final String REVOCATION_REASON = "Issued in error: the practical skills check was not taken in person";
    static final String ACTIVITIES = PartnerStatements.PARTNER_HOME_PAGE + "/activities/lab-safety/";

    private final Journey journey;
    private final PlatformUrls urls;
    private final Consumer<String> progress;
    private final Http http = new Http();

    Lifecycle(Journey journey, Consumer<String> progress) {
        this.journey = journey;
        this.urls = journey.urls();
        this.progress = progress;
    }

    /**
     * Runs the three parts for a new learner; see the class comment.
     *
     * @throws IllegalStateException when a request is refused that should not be, or a credential the next step needs
     *     is not issued in time
     */
    LifecycleReport run() {
        Learner learner = journey.register("Katherine Johnson", "account", false);
        JsonNode stack = journey.findStack(IT_NETWORKING_PATHWAY);
        String stackId = stack.get("id").asString();
        Refusal refusal = enrollInStack(learner, stackId);
        List<Enrollment> components = journey.components(stackId).stream()
                .map(c -> journey.enroll(learner, c))
                .toList();
        Enrollment renewable = journey.enroll(learner, renewableCredential());
        Enrollment revocable = journey.enroll(learner, journey.find(Journey.BASIC_LIFE_SUPPORT));
        List<Enrollment> all = Stream.concat(components.stream(), Stream.of(renewable, revocable))
                .toList();
        journey.post(learner, all, Instant.now().minus(Journey.STATEMENTS_BEFORE));
        List<IssuedCredential> issued = awaitCredentials(learner, all, stackId);

        Renewal renewal = renew(learner, renewable, credentialOf(issued, renewable));
        Revocation revocation = revoke(credentialOf(issued, revocable), revocable.providerId());
        // last, so that the stack credentials listed are all there were after everything else happened
        StackAward stackAward = stackAward(learner, stack, refusal, components, issued);
        return new LifecycleReport(learner, stackAward, renewal, revocation);
    }

    /** Tries to enroll in the stack itself, retrying while enrollment-service does not know it yet (404). */
    private Refusal enrollInStack(Learner learner, String stackId) {
        URI enrollments = urls.enrollment().resolve("/api/v1/learners/" + learner.id() + "/enrollments");
        Http.Response answer =
                Deadline.require("enrollment-service to know stack " + stackId, Journey.REPLICA_DEADLINE, () -> {
                    Http.Response response = http.post(
                            enrollments, Map.of("credentialId", stackId), Http.bearer(journey.learnerToken(learner)));
                    return response.status() == 404 ? Optional.empty() : Optional.of(response);
                });
        JsonNode problem = answer.ok() ? Http.JSON.createObjectNode() : answer.json();
        Refusal refusal = new Refusal(
                answer.status(),
                problem.path("type").asString(null),
                problem.path("detail").asString(null));
        progress.accept("enrolling " + learner.displayName() + " in the stack itself: " + answer.status() + " "
                + refusal.type());
        return refusal;
    }

    /**
     * The journey's renewable credential: the published one from an earlier run, or a new provider (created by the
     * operator) and credential (drafted and published by the provider's staff) through the catalog API.
     */
    private JsonNode renewableCredential() {
        Optional<JsonNode> published = journey.search("q=" + RENEWABLE_TITLE).stream()
                .filter(Lifecycle::isRenewable)
                .findFirst();
        if (published.isPresent()) {
            return published.get();
        }
        JsonNode provider = http.post(
                        urls.catalog().resolve("/api/v1/providers"),
                        Map.of(
                                "name", DEMO_PROVIDER,
                                "url", "https://academy.credstack.example",
                                "email", "registrar@academy.credstack.example",
                                "timeZone", "UTC"),
                        Http.bearer(journey.operator()))
                .requireOk("creating the provider " + DEMO_PROVIDER)
                .json();
        Map<String, Object> draft = Map.of(
                "title",
                RENEWABLE_TITLE,
                "description",
                "A short safety refresher for laboratory staff, valid for 30 days and renewable by taking the"
                        + " refresher quiz from 60 days before it runs out.",
                "kind",
                "MICRO_CREDENTIAL",
                "category",
                "INDUSTRY_SPECIFIC",
                "providerId",
                provider.get("id").asString(),
                "assignments",
                List.of(assignment("induction", "Lab safety induction", ACTIVITIES + "induction")),
                "validityPeriod",
                RENEWABLE_VALIDITY,
                "renewalPolicy",
                Map.of(
                        "renewalWindow",
                        RENEWAL_WINDOW,
                        "description",
                        "Take the refresher quiz.",
                        "requirements",
                        List.of(assignment("refresher", "Lab safety refresher quiz", ACTIVITIES + "refresher")),
                        "reminderDaysBefore",
                        List.of(7, 1)));
        String staff = journey.staffOf(provider.get("id").asString());
        String id = http.post(urls.catalog().resolve("/api/v1/credentials"), draft, Http.bearer(staff))
                .requireOk("creating the draft " + RENEWABLE_TITLE)
                .json()
                .get("id")
                .asString();
        JsonNode credential = http.post(
                        urls.catalog().resolve("/api/v1/credentials/" + id + "/publish"), Map.of(), Http.bearer(staff))
                .requireOk("publishing " + RENEWABLE_TITLE)
                .json();
        progress.accept("published \"" + RENEWABLE_TITLE + "\" of " + DEMO_PROVIDER + " (valid for "
                + RENEWABLE_VALIDITY + ", renewal window " + RENEWAL_WINDOW + ")");
        return credential;
    }

    private static Map<String, Object> assignment(String id, String title, String activityId) {
        return Map.of("id", id, "title", title, "activityId", activityId, "moveOn", "Completed");
    }

    private static boolean isRenewable(JsonNode credential) {
        JsonNode content = credential.path("content");
        return content.path("title").asString("").equals(RENEWABLE_TITLE)
                && content.path("validityPeriod").asString("").equals(RENEWABLE_VALIDITY)
                && content.path("renewalPolicy")
                        .path("renewalWindow")
                        .asString("")
                        .equals(RENEWAL_WINDOW);
    }

    /** Waits for a credential per enrollment and the stack's credential. */
    private List<IssuedCredential> awaitCredentials(Learner learner, List<Enrollment> enrollments, String stackId) {
        Set<String> wanted = enrollments.stream().map(Enrollment::id).collect(Collectors.toSet());
        List<IssuedCredential> issued = Deadline.require(
                enrollments.size() + " credentials and the stack's for " + learner.displayName(),
                Journey.ISSUE_DEADLINE,
                () -> Optional.of(journey.credentials(learner)).filter(listed -> {
                    Set<String> have =
                            listed.stream().map(IssuedCredential::enrollmentId).collect(Collectors.toSet());
                    return have.containsAll(wanted)
                            && listed.stream().anyMatch(c -> c.credentialId().equals(stackId));
                }));
        progress.accept(learner.displayName() + ": " + issued.size() + " credentials issued, the stack's among them");
        return issued;
    }

    private StackAward stackAward(
            Learner learner,
            JsonNode stack,
            Refusal refusal,
            List<Enrollment> components,
            List<IssuedCredential> issued) {
        String stackId = stack.get("id").asString();
        List<IssuedCredential> componentCredentials = components.stream()
                .map(e -> journey.verified(credentialOf(issued, e)))
                .toList();
        String token = journey.learnerToken(learner);
        JsonNode progressNode = http.get(urls.badge().resolve("/api/v1/learners/" + learner.id() + "/stacks"), token)
                .requireOk("reading the stack progress of " + learner.displayName())
                .json()
                .valueStream()
                .filter(p -> p.path("stackCredentialId").asString("").equals(stackId))
                .findFirst()
                .orElse(Http.JSON.createObjectNode());
        String progressText = progressNode.path("complete").asBoolean(false)
                ? "complete"
                : progressNode.path("left").asString("(no progress listed)");
        String clr = http.get(
                        urls.badge().resolve("/api/v1/learners/" + learner.id() + "/stacks/" + stackId + "/clr"), token)
                .requireOk("reading the CLR of " + learner.displayName())
                .body();
        String clrStatus = http.post(urls.badge().resolve("/api/v1/verify"), clr, Map.of())
                .requireOk("verifying the CLR")
                .json()
                .path("status")
                .asString("(no status)");
        Independent independent = independent(clr);
        List<IssuedCredential> stackCredentials = journey.credentials(learner).stream()
                .filter(c -> c.credentialId().equals(stackId))
                .map(journey::verified)
                .toList();
        progress.accept("the CLR of " + stack.path("content").path("title").asString() + ": ours " + clrStatus
                + ", DigitalBazaar " + independent.summary());
        return new StackAward(
                stackId,
                stack.path("content").path("title").asString(),
                refusal,
                components,
                componentCredentials,
                stackCredentials,
                progressText,
                clrStatus,
                independent);
    }

    private Renewal renew(Learner learner, Enrollment earned, IssuedCredential original) {
        URI renewals = urls.enrollment().resolve("/api/v1/learners/" + learner.id() + "/renewals");
        Http.Response started =
                Deadline.require("enrollment-service to hold " + original.publicUrl(), Journey.REPLICA_DEADLINE, () -> {
                    Http.Response response = http.post(
                            renewals,
                            Map.of("badgeId", original.publicUrl()),
                            Http.bearer(journey.learnerToken(learner)));
                    return response.status() == 404 ? Optional.empty() : Optional.of(response);
                });
        JsonNode renewal = started.requireOk("starting the renewal of " + original.publicUrl())
                .json();
        Enrollment renewalEnrollment = new Enrollment(
                renewal.get("id").asString(),
                earned.credentialId(),
                earned.title(),
                earned.validityPeriod(),
                earned.providerId(),
                Journey.assignments(renewal));
        progress.accept(learner.displayName() + " started renewing " + earned.title() + ": "
                + renewal.path("kind").asString() + " enrollment " + renewalEnrollment.id());
        journey.post(learner, List.of(renewalEnrollment), Instant.now());
        Optional<IssuedCredential> renewed = Deadline.await(
                        Journey.ISSUE_DEADLINE,
                        () -> journey.credentials(learner).stream()
                                .filter(c -> original.publicUrl().equals(c.renewalOf()))
                                .findFirst())
                .map(journey::verified);
        String status = journey.enrollment(learner, renewalEnrollment.id())
                .path("status")
                .asString();
        progress.accept(learner.displayName() + ": renewal " + status + ", renewed credential "
                + renewed.map(IssuedCredential::publicUrl).orElse("NOT ISSUED"));
        return new Renewal(
                earned, RENEWAL_WINDOW, journey.verified(original), renewalEnrollment, status, renewed.orElse(null));
    }

    private Revocation revoke(IssuedCredential credential, String providerId) {
        JsonNode revoked = http.post(
                        urls.badge()
                                .resolve("/api/v1/providers/" + providerId + "/credentials/" + credential.id()
                                        + "/revocation"),
                        Map.of("reason", REVOCATION_REASON),
                        Http.bearer(journey.staffOf(providerId)))
                .requireOk("revoking " + credential.publicUrl())
                .json();
        JsonNode report = http.get(URI.create(credential.publicUrl() + "/verification"))
                .requireOk("verifying " + credential.publicUrl())
                .json();
        JsonNode checks = report.path("checks");
        String signed = http.get(URI.create(credential.publicUrl()))
                .requireOk("reading " + credential.publicUrl())
                .body();
        // the status list is signed again right after the revocation is stored; should that have failed, the service's
        // sweep sets it within half a minute
        Independent independent = Deadline.await(
                        Journey.REPLICA_DEADLINE,
                        () -> Optional.of(independent(signed))
                                .filter(verdict -> !verdict.checked() || verdict.revoked()))
                .orElseGet(() -> independent(signed));
        String providerName = http.get(urls.catalog().resolve("/api/v1/providers/" + providerId), journey.operator())
                .requireOk("reading provider " + providerId)
                .json()
                .path("name")
                .asString(providerId);
        progress.accept(providerName + " revoked " + credential.publicUrl() + ": ours "
                + report.path("status").asString() + ", DigitalBazaar " + independent.summary());
        return new Revocation(
                journey.verified(credential),
                providerId,
                providerName,
                REVOCATION_REASON,
                Instant.parse(revoked.path("revokedAt").asString()),
                report.path("status").asString(),
                checks.path("proof").path("status").asString(null),
                checks.path("credentialStatus").path("reason").asString(null),
                independent);
    }

    /**
     * The DigitalBazaar verifier's verdict on a signed credential as of now, with its issuer's controller document and
     * the status list credential it names, both as served.
     */
    private Independent independent(String signed) {
        if (!IndependentVerifier.available()) {
            return Independent.notRun("node is not installed");
        }
        IndependentVerifier verifier;
        try {
            verifier = IndependentVerifier.find();
        } catch (IllegalStateException e) {
            return Independent.notRun(e.getMessage());
        }
        JsonNode credential = Http.JSON.readTree(signed);
        String controller = body(credential.path("issuer").path("id").asString());
        List<String> statusLists = new ArrayList<>();
        JsonNode status = credential.path("credentialStatus").path("statusListCredential");
        if (status.isString()) {
            statusLists.add(body(status.asString()));
        }
        IndependentVerifier.Result result = verifier.verify(signed, controller, statusLists, Instant.now());
        return new Independent(true, result.verified(), result.revoked(), result.output());
    }

    private String body(String url) {
        return http.get(URI.create(url)).requireOk("reading " + url).body();
    }

    private static IssuedCredential credentialOf(List<IssuedCredential> issued, Enrollment enrollment) {
        return issued.stream()
                .filter(c -> c.enrollmentId().equals(enrollment.id()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no credential for " + enrollment.title()));
    }
}
