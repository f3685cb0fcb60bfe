package org.credstack.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.credstack.demo.JourneyReport.Assignment;
import org.credstack.demo.JourneyReport.Delivery;
import org.credstack.demo.JourneyReport.Enrollment;
import org.credstack.demo.JourneyReport.IssuedCredential;
import org.credstack.demo.JourneyReport.Learner;
import org.credstack.demo.JourneyReport.LearnerJourney;
import org.credstack.demo.JourneyReport.Reminder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The learner journey (docs/architecture.md, journey steps 1-6) against a running platform, on real input:
 *
 * <ol>
 *   <li>waits until the four services answer {@code /actuator/health} with 200;
 *   <li>imports the sample catalog with {@code samples/import-catalog.sh} (needs bash and curl);
 *   <li>picks from the catalog's search an expiring certification (NBCOT COTA, {@code P3Y}), Open Badges (SKMCH life
 *       support, Institute of Coding) and a certification whose cmi5 moveOn is {@code Passed} (NOCTI);
 *   <li>registers three learners (e-mail and an account on {@value PartnerStatements#PARTNER_HOME_PAGE}) and enrolls
 *       each in two credentials, retrying while enrollment-service's catalog replica catches up;
 *   <li>posts, as the partner LMS, xAPI statements for every assignment ({@link PartnerStatements}): the partner names
 *       the first learner by account, the second by {@code mbox}, the third by {@code mbox_sha1sum} (who also fails
 *       once before passing);
 *   <li>waits for badge-service to list the credentials, checks each one's verification, and collects the reminders
 *       and e-mails notification-service scheduled and sent;
 *   <li>runs the credential lifecycle for a fourth learner ({@link Lifecycle}): a stack earned from the CompTIA
 *       pathway, a renewal, a revocation.
 * </ol>
 *
 * Every call is made as the user who would make it, with a bearer token from identity-service ({@link Tokens}; who may
 * do what: docs/security.md, docs/access.md): the operator imports the catalog, creates providers and reads them; each
 * learner has an account of their own (registered at identity-service, signed in with the authorization code flow and
 * PKCE), creates their enrollment-service record with their token and reads only their own data; provider staff
 * (created per provider through identity-service's operator endpoint) publish and revoke their provider's credentials;
 * and one partner client per provider (created the same way) posts the statements about that provider's credentials,
 * so a learner's statements go in one batch per provider. Public reads (catalog search, credential pages and their
 * verification, {@code POST /api/v1/verify}) go without a token.
 *
 * <p>Every run registers new learners (its e-mails carry a random run id), so it can be repeated on the same platform.
 * Missed deadlines for the first three learners' credentials, reminders and e-mails are not errors: the report shows
 * what was there. The lifecycle needs each credential it goes on with, and fails when one is not issued in time.
 */
public final class Journey {

    static final Duration HEALTH_DEADLINE = Duration.ofMinutes(4);
    static final Duration REPLICA_DEADLINE = Duration.ofMinutes(2);
    static final Duration ISSUE_DEADLINE = Duration.ofMinutes(3);
    static final Duration NOTIFY_DEADLINE = Duration.ofMinutes(2);
    static final Map<String, String> XAPI_HEADERS = Map.of("X-Experience-API-Version", "1.0.3");
    static final String STACK = "STACK";
    /** How long ago the first statement of a batch {@link #report} posts happened. */
    static final Duration STATEMENTS_BEFORE = Duration.ofMinutes(30);

    /**
     * A credential to find in the catalog.
     *
     * @param search query string of {@code GET /api/v1/credentials}, e.g. {@code expires=true&q=COTA}
     * @param title the title wanted among the hits; when absent the first hit of the kind wanted is taken
     */
    public record Pick(String search, String title) {}

    public static final Pick COTA = new Pick("expires=true&q=COTA", "Certified Occupational Therapy Assistant (COTA®)");
    public static final Pick BASIC_LIFE_SUPPORT = new Pick("q=life support", "Basic Life Support Certification");
    public static final Pick ADVANCED_CARDIAC_LIFE_SUPPORT =
            new Pick("q=life support", "Advanced Cardiac Life Support Certification");
    public static final Pick ADVANCED_PEDIATRIC_LIFE_SUPPORT =
            new Pick("q=life support", "Advanced Pediatric Life Support Certification");
    public static final Pick CODING_KNOWLEDGE_GOLD = new Pick("q=Knowledge", "Knowledge - Gold Level");
    public static final Pick WORKPLACE_SKILLS =
            new Pick("q=21st Century Skills", "21st Century Skills for Workplace Success");
    public static final Pick CODING_ATTENDANCE = new Pick("q=Attendance", "Attendance");

    private final PlatformUrls urls;
    private final Tokens tokens;
    private final Path repositoryRoot;
    private final Consumer<String> progress;
    private final Http http = new Http();
    private final String run =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final Map<Learner, List<Batch>> posted = new LinkedHashMap<>();
    private final Map<String, String> staff = new ConcurrentHashMap<>();

    /**
     * One batch of statements as posted.
     *
     * @param providerId the provider of every credential the statements are about; its partner posted them
     * @param body the JSON array, byte for byte
     */
    record Batch(String providerId, String body) {}

    /**
     * @param tokens signs the journey's users in at {@code urls.identity()}
     * @param repositoryRoot the CredStack checkout, for {@code samples/import-catalog.sh}
     * @param progress receives one line per step, for a reader watching
     */
    public Journey(PlatformUrls urls, Tokens tokens, Path repositoryRoot, Consumer<String> progress) {
        this.urls = urls;
        this.tokens = tokens;
        this.repositoryRoot = repositoryRoot;
        this.progress = progress;
    }

    /**
     * Runs every step; see the class comment.
     *
     * @throws IllegalStateException when a service is not healthy in time, the import script fails, a credential is
     *     missing from the catalog, or a registration, enrollment or statement batch is refused
     */
    public JourneyReport run() {
        awaitHealthy();
        List<String> imported = importCatalog();
        Map<Learner, List<Pick>> plan = new LinkedHashMap<>();
        plan.put(register("Ada Lovelace", "account", false), List.of(COTA, BASIC_LIFE_SUPPORT));
        plan.put(
                register("Grace Hopper", "mbox", false), List.of(ADVANCED_CARDIAC_LIFE_SUPPORT, CODING_KNOWLEDGE_GOLD));
        plan.put(
                register("Alan Turing", "mbox_sha1sum", true),
                List.of(WORKPLACE_SKILLS, ADVANCED_PEDIATRIC_LIFE_SUPPORT));
        Map<Learner, List<Enrollment>> enrolled = new LinkedHashMap<>();
        plan.forEach((learner, picks) -> {
            List<Enrollment> enrollments =
                    picks.stream().map(p -> enroll(learner, find(p))).toList();
            enrolled.put(learner, enrollments);
            report(learner, enrollments);
        });
        List<LearnerJourney> journeys = new ArrayList<>();
        enrolled.forEach((learner, enrollments) -> journeys.add(outcome(learner, enrollments)));
        LifecycleReport lifecycle = new Lifecycle(this, progress).run();
        return new JourneyReport(imported, journeys, lifecycle);
    }

    /**
     * Waits until every service, identity-service among them, answers its health check with 200.
     *
     * @throws IllegalStateException naming the service still unhealthy after 4 minutes
     */
    public void awaitHealthy() {
        for (URI service :
                List.of(urls.identity(), urls.catalog(), urls.enrollment(), urls.badge(), urls.notification())) {
            Deadline.require(
                    service + " healthy",
                    HEALTH_DEADLINE,
                    () -> Optional.of(true)
                            .filter(up -> http.get(service.resolve("/actuator/health"))
                                            .status()
                                    == 200));
        }
        progress.accept("all five services are healthy");
    }

    /**
     * Runs {@code samples/import-catalog.sh <catalog>} as the operator (the samples come from many providers), the
     * operator's access token in {@code CREDSTACK_TOKEN}; its lines say what each sample record became.
     *
     * @throws IllegalStateException if the script cannot run or exits with a status other than 0
     */
    public List<String> importCatalog() {
        Path script = repositoryRoot.resolve("samples/import-catalog.sh");
        try {
            ProcessBuilder builder = new ProcessBuilder(
                            "bash", script.toString(), urls.catalog().toString())
                    .directory(repositoryRoot.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("CREDSTACK_TOKEN", tokens.operator());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed:\n" + output);
            }
            List<String> lines = output.lines().toList();
            long accepted = lines.stream().filter(l -> l.matches(".* 200 .*")).count();
            progress.accept("imported the sample catalog: " + accepted + " of " + lines.size() + " records accepted");
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script + " (needs bash and curl)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing the catalog", e);
        }
    }

    /**
     * Registers a learner with an e-mail and a partner account, both unique to this run: an account at identity-service
     * ({@code POST /api/v1/accounts}), signed in, then their enrollment-service record ({@code POST /api/v1/learners})
     * with their own token, whose id is the token's {@code sub} once enrollment-service checks tokens.
     *
     * @param identifiedBy how the partner will name them: {@code account}, {@code mbox} or {@code mbox_sha1sum}
     */
    public Learner register(String displayName, String identifiedBy, boolean failsFirst) {
        String handle = displayName.toLowerCase().replace(' ', '.') + "." + run;
        String email = handle + "@learners.example";
        Map<String, Object> body = Map.of(
                "displayName",
                displayName,
                "emails",
                List.of(email),
                "accounts",
                List.of(Map.of("homePage", PartnerStatements.PARTNER_HOME_PAGE, "name", handle)));
        String account = tokens.registerLearner(email, displayName);
        JsonNode learner = http.post(urls.enrollment().resolve("/api/v1/learners"), body, Http.bearer(tokens.of(email)))
                .requireOk("registering " + displayName)
                .json();
        progress.accept("registered " + displayName + " <" + email + "> as "
                + learner.get("id").asString() + " (account " + account + ")");
        return new Learner(learner.get("id").asString(), displayName, email, handle, identifiedBy, failsFirst);
    }

    /**
     * Searches the catalog for a credential to enroll in: never a stack, also when the search matches one.
     *
     * @return the catalog's credential ({@code id}, {@code content.title}, ...)
     * @throws IllegalStateException if the search finds nothing but stacks
     */
    public JsonNode find(Pick pick) {
        return choose(search(pick.search()), pick, false)
                .orElseThrow(() -> new IllegalStateException("the catalog has no micro-credential for " + pick));
    }

    /**
     * Searches the catalog for a stack (a pathway earned from its components, never enrolled in).
     *
     * @return the catalog's stack ({@code id}, {@code content.title}, {@code content.stackRule}, ...)
     * @throws IllegalStateException if the search finds no stack
     */
    public JsonNode findStack(Pick pick) {
        return choose(search(pick.search()), pick, true)
                .orElseThrow(() -> new IllegalStateException("the catalog has no stack for " + pick));
    }

    /**
     * The published components of a stack: {@code GET /api/v1/credentials?stackableInto=<stackId>}, as many as one
     * page of 100 holds.
     */
    public List<JsonNode> components(String stackCredentialId) {
        return search("stackableInto=" + stackCredentialId);
    }

    /**
     * The hit a pick means: the one with the wanted title, else the first; only stacks when {@code stack}, only what
     * is not a stack otherwise, so a search that also matches a pathway (say {@code q=Networking}) never hands a
     * stack to {@link #enroll}.
     */
    static Optional<JsonNode> choose(List<JsonNode> hits, Pick pick, boolean stack) {
        List<JsonNode> ofKind = hits.stream()
                .filter(c -> STACK.equals(c.path("content").path("kind").asString(null)) == stack)
                .toList();
        return ofKind.stream()
                .filter(c -> c.path("content").path("title").asString("").equals(pick.title()))
                .findFirst()
                .or(() -> ofKind.stream().findFirst());
    }

    /** One page of 100 hits of {@code GET /api/v1/credentials?<query>} (spaces in it are encoded). */
    List<JsonNode> search(String query) {
        return http.get(urls.catalog().resolve("/api/v1/credentials?" + query.replace(" ", "%20") + "&size=100"))
                .requireOk("searching " + query)
                .json()
                .path("items")
                .valueStream()
                .toList();
    }

    /**
     * Enrolls a learner, retrying while enrollment-service's replica does not know the credential yet (404).
     *
     * @param credential a catalog credential as {@link #find} answers it
     */
    public Enrollment enroll(Learner learner, JsonNode credential) {
        String credentialId = credential.get("id").asString();
        URI enrollments = urls.enrollment().resolve("/api/v1/learners/" + learner.id() + "/enrollments");
        Http.Response created =
                Deadline.require("enrollment-service to know credential " + credentialId, REPLICA_DEADLINE, () -> {
                    Http.Response response =
                            http.post(enrollments, Map.of("credentialId", credentialId), learnerAuth(learner));
                    return response.status() == 404 ? Optional.empty() : Optional.of(response);
                });
        JsonNode enrollment =
                created.requireOk("enrolling " + learner.displayName()).json();
        progress.accept("enrolled " + learner.displayName() + " in "
                + credential.path("content").path("title").asString());
        JsonNode content = credential.path("content");
        return new Enrollment(
                enrollment.get("id").asString(),
                credential.get("id").asString(),
                content.path("title").asString(),
                content.path("validityPeriod").asString(null),
                content.path("providerId").asString(null),
                assignments(enrollment));
    }

    /** The assignments of an enrollment as enrollment-service answers it ({@code assignments[]}). */
    static List<Assignment> assignments(JsonNode enrollment) {
        return enrollment
                .path("assignments")
                .valueStream()
                .map(a -> new Assignment(
                        a.path("assignmentId").asString(),
                        a.path("title").asString(null),
                        a.path("activityId").asString(null),
                        a.path("moveOn").asString(null),
                        a.path("masteryScore").isNumber()
                                ? a.get("masteryScore").asDouble()
                                : null))
                .toList();
    }

    /**
     * Posts, as the partner LMS of each credential's provider, the statements covering the assignments of these
     * enrollments (one batch per provider); remembered for {@link #repostStatements()}.
     *
     * @throws IllegalStateException if the statement resource refuses a batch
     */
    public void report(Learner learner, List<Enrollment> enrollments) {
        List<Batch> batches = post(learner, enrollments, Instant.now().minus(STATEMENTS_BEFORE));
        posted.computeIfAbsent(learner, l -> new ArrayList<>()).addAll(batches);
    }

    /**
     * Posts, as the partner LMS of each credential's provider, statements covering the assignments of these
     * enrollments, the first dated {@code firstTimestamp} (to the second), each next one a minute later: one batch per
     * provider (in the order the enrollments name them) with that provider's partner token, since a partner may only
     * report on its own provider's credentials. Not remembered for {@link #repostStatements()}.
     *
     * @return the batches as posted
     * @throws IllegalStateException if the statement resource refuses a batch
     */
    List<Batch> post(Learner learner, List<Enrollment> enrollments, Instant firstTimestamp) {
        PartnerStatements partner = new PartnerStatements(run, learner, firstTimestamp.truncatedTo(ChronoUnit.SECONDS));
        List<Batch> batches = new ArrayList<>();
        byProvider(enrollments).forEach((providerId, ofProvider) -> {
            ArrayNode batch = Http.JSON.createArrayNode();
            ofProvider.stream()
                    .flatMap(e -> e.assignments().stream())
                    .filter(a -> a.activityId() != null)
                    .forEach(a -> partner.about(a).forEach(batch::add));
            if (batch.isEmpty()) {
                return;
            }
            Batch posted = new Batch(providerId, Http.JSON.writeValueAsString(batch));
            postBatch(posted)
                    .requireOk("posting " + batch.size() + " statements about " + learner.displayName() + " as the"
                            + " partner of " + providerId);
            progress.accept("the partner of " + providerId + " reported " + batch.size() + " statements about "
                    + learner.displayName() + " (" + learner.identifiedBy() + ")");
            batches.add(posted);
        });
        return batches;
    }

    /** The enrollments grouped by their credential's provider, providers in the order the enrollments name them. */
    static Map<String, List<Enrollment>> byProvider(List<Enrollment> enrollments) {
        Map<String, List<Enrollment>> grouped = new LinkedHashMap<>();
        enrollments.forEach(e ->
                grouped.computeIfAbsent(e.providerId(), p -> new ArrayList<>()).add(e));
        return grouped;
    }

    private Http.Response postBatch(Batch batch) {
        return http.post(
                urls.enrollment().resolve("/xapi/statements"),
                batch.body(),
                Http.bearer(tokens.partner(batch.providerId(), "Journey partner LMS " + run), XAPI_HEADERS));
    }

    /**
     * Sends every batch {@link #report} posted so far once more, byte for byte, each as the same provider's partner.
     *
     * @return the HTTP status of each re-post (200: accepted as a repeat)
     */
    public List<Integer> repostStatements() {
        return posted.values().stream()
                .flatMap(List::stream)
                .map(batch -> postBatch(batch).status())
                .toList();
    }

    /**
     * A staff member's access token for a provider: on first use a staff account of that provider, unique to this
     * run, is created through identity-service's operator endpoint and signed in.
     */
    public String staffOf(String providerId) {
        String email = staff.computeIfAbsent(providerId, p -> {
            String address = "staff." + Integer.toHexString(p.hashCode()) + "." + run + "@providers.example";
            tokens.createStaff(p, address, "Registrar of " + p);
            progress.accept("created staff " + address + " of provider " + p);
            return address;
        });
        return tokens.of(email);
    }

    /** The operator's access token. */
    public String operator() {
        return tokens.operator();
    }

    /** The learner's own access token. */
    public String learnerToken(Learner learner) {
        return tokens.of(learner.email());
    }

    private Map<String, String> learnerAuth(Learner learner) {
        return Http.bearer(learnerToken(learner));
    }

    /**
     * Waits (up to 3 minutes) for a credential per enrollment, verifies each, and collects reminders (up to 2
     * minutes for those of expiring credentials) and the issuance e-mails (up to 2 minutes).
     */
    public LearnerJourney outcome(Learner learner, List<Enrollment> enrollments) {
        Set<String> enrollmentIds = enrollments.stream().map(Enrollment::id).collect(Collectors.toSet());
        List<IssuedCredential> credentials = Deadline.await(
                        ISSUE_DEADLINE,
                        () -> Optional.of(credentials(learner))
                                .filter(listed -> listed.stream()
                                        .map(IssuedCredential::enrollmentId)
                                        .collect(Collectors.toSet())
                                        .containsAll(enrollmentIds)))
                .orElseGet(() -> credentials(learner));
        List<IssuedCredential> verified =
                credentials.stream().map(this::verified).toList();
        Set<String> expiring = credentials.stream()
                .filter(c -> c.validUntil() != null)
                .map(IssuedCredential::publicUrl)
                .collect(Collectors.toSet());
        List<Reminder> reminders = Deadline.await(
                        NOTIFY_DEADLINE,
                        () -> Optional.of(reminders(learner))
                                .filter(listed -> listed.stream()
                                        .map(Reminder::badgeId)
                                        .collect(Collectors.toSet())
                                        .containsAll(expiring)))
                .orElseGet(() -> reminders(learner));
        List<Delivery> deliveries = Deadline.await(
                        NOTIFY_DEADLINE,
                        () -> Optional.of(deliveries(learner))
                                .filter(listed -> listed.stream()
                                                .filter(d -> "SENT".equals(d.status()))
                                                .count()
                                        >= credentials.size()))
                .orElseGet(() -> deliveries(learner));
        progress.accept(learner.displayName() + ": " + verified.size() + " credentials, " + reminders.size()
                + " reminders, " + deliveries.size() + " e-mails");
        return new LearnerJourney(learner, enrollments, verified, reminders, deliveries);
    }

    /** enrollment-service's view of one enrollment, with its progress per assignment. */
    public JsonNode enrollment(Learner learner, String enrollmentId) {
        return http.get(
                        urls.enrollment().resolve("/api/v1/learners/" + learner.id() + "/enrollments/" + enrollmentId),
                        learnerToken(learner))
                .requireOk("reading enrollment " + enrollmentId)
                .json();
    }

    /** badge-service's listing for the learner, without verification yet. */
    public List<IssuedCredential> credentials(Learner learner) {
        JsonNode listed = http.get(
                        urls.badge().resolve("/api/v1/learners/" + learner.id() + "/credentials"),
                        learnerToken(learner))
                .requireOk("listing the credentials of " + learner.displayName())
                .json();
        return listed.valueStream()
                .map(c -> new IssuedCredential(
                        c.path("id").asString(),
                        c.path("publicUrl").asString(),
                        c.path("enrollmentId").asString(),
                        c.path("credentialId").asString(),
                        c.path("achievementName").asString(null),
                        instant(c.path("validFrom")),
                        instant(c.path("validUntil")),
                        instant(c.path("issuedAt")),
                        c.path("renewalOf").asString(null),
                        null))
                .toList();
    }

    /** The credential with badge-service's verification of it now ({@code GET <publicUrl>/verification}). */
    IssuedCredential verified(IssuedCredential c) {
        Http.Response report = http.get(URI.create(c.publicUrl() + "/verification"));
        String status = report.ok()
                ? report.json().path("status").asString("(no status)")
                : "unreachable: HTTP " + report.status() + " " + Http.abbreviated(report.body());
        return new IssuedCredential(
                c.id(),
                c.publicUrl(),
                c.enrollmentId(),
                c.credentialId(),
                c.achievementName(),
                c.validFrom(),
                c.validUntil(),
                c.issuedAt(),
                c.renewalOf(),
                status);
    }

    /** notification-service's reminder schedule for the learner. */
    public List<Reminder> reminders(Learner learner) {
        return http.get(
                        urls.notification().resolve("/api/v1/learners/" + learner.id() + "/reminders"),
                        learnerToken(learner))
                .requireOk("listing the reminders of " + learner.displayName())
                .json()
                .valueStream()
                .map(r -> new Reminder(
                        r.path("badgeId").asString(),
                        r.path("achievementName").asString(null),
                        r.path("daysBefore").asInt(),
                        instant(r.path("dueAt")),
                        instant(r.path("validUntil")),
                        r.path("status").asString()))
                .toList();
    }

    /** notification-service's e-mail delivery log for the learner, newest first. */
    public List<Delivery> deliveries(Learner learner) {
        return http.get(
                        urls.notification().resolve("/api/v1/learners/" + learner.id() + "/deliveries"),
                        learnerToken(learner))
                .requireOk("listing the e-mails of " + learner.displayName())
                .json()
                .valueStream()
                .map(d -> new Delivery(
                        d.path("recipient").asString(),
                        d.path("subject").asString(),
                        d.path("status").asString(),
                        instant(d.path("sentAt"))))
                .toList();
    }

    /** The tokens this journey's users hold. */
    public Tokens tokens() {
        return tokens;
    }

    /** The URLs this journey talks to. */
    public PlatformUrls urls() {
        return urls;
    }

    /** The CredStack checkout: the first folder at or above {@code start} holding {@code samples/import-catalog.sh}. */
    public static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("samples/import-catalog.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no CredStack checkout (samples/import-catalog.sh) at or above " + start);
    }

    private static Instant instant(JsonNode node) {
        return node.isString() ? Instant.parse(node.asString()) : null;
    }
}
