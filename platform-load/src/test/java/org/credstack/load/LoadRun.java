package org.credstack.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.credstack.load.PlatformClient.Enrolled;
import org.credstack.load.Seeder.Seeded;

/**
 * One load run, around Gatling's measured phase: {@link #prepare} stores what it needs (a published one-assignment
 * credential, {@code preload} learners with enrollments that stay untouched, and the learners whose completions are
 * measured) and starts reading {@code badge.events.v1}; the simulation posts statements through {@link #statement}
 * or {@link #batch} and reports acknowledgements; {@link #finish} waits for the credentials and writes the report.
 *
 * <p>Every run has its own credential and learner handles (a random run id), so runs can follow each other on the
 * same platform: stored data accumulates, which is what {@code -Dpreload} is for.
 */
final class LoadRun {

    static final Duration REPLICA_DEADLINE = Duration.ofMinutes(2);
    static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final String name;
    private final LoadSettings settings;
    private final String run =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final String activityId = "https://load.credstack.example/activities/" + run;
    private final PlatformClient platform;
    private final Queue<Enrolled> measured = new ConcurrentLinkedQueue<>();
    private final Acknowledgements acks = new Acknowledgements();
    private final Map<String, Double> setup = new LinkedHashMap<>();
    private IssuedCredentials issued;

    LoadRun(String name, LoadSettings settings) {
        this.name = name;
        this.settings = settings;
        this.platform = new PlatformClient(settings);
    }

    /**
     * Publishes the credential, waits until enrollment-service knows it, seeds the stored and the measured learners,
     * and starts reading issued credentials from the end of {@code badge.events.v1}.
     *
     * @param learners how many measured learners to prepare
     * @throws IllegalStateException if the platform refuses a request or the topic cannot be read
     */
    void prepare(int learners) {
        System.out.printf(
                "CredStack load run %s (%s): enrollment-service %s, Kafka %s%n",
                run, name, settings.enrollment(), settings.kafka());
        long start = System.nanoTime();
        String credentialId = platform.publishOneAssignmentCredential(run, activityId);
        platform.awaitEnrollable("load-" + run + "-first", credentialId, REPLICA_DEADLINE);
        setup.put("credential", seconds(System.nanoTime() - start));
        Seeder seeder = new Seeder(platform, settings.seedConcurrency());
        Seeded stored = seeder.seed("load-" + run + "-stored", settings.preload(), credentialId);
        setup.put("preload", seconds(stored.took().toNanos()));
        System.out.printf(
                "stored %d learners with enrollments in %.1f s (%.0f/s)%n",
                settings.preload(), stored.took().toMillis() / 1000.0, stored.perSecond());
        Seeded prepared = seeder.seed("load-" + run + "-measured", learners, credentialId);
        setup.put("measuredLearners", seconds(prepared.took().toNanos()));
        System.out.printf(
                "prepared %d measured learners in %.1f s (%.0f/s)%n",
                learners, prepared.took().toMillis() / 1000.0, prepared.perSecond());
        measured.addAll(prepared.learners());
        Set<String> watched =
                prepared.learners().stream().map(Enrolled::enrollmentId).collect(Collectors.toUnmodifiableSet());
        issued = new IssuedCredentials(settings.kafka(), watched);
        issued.start();
    }

    /**
     * The next measured learner.
     *
     * @throws IllegalStateException when every prepared learner was used
     */
    Enrolled next() {
        Enrolled learner = measured.poll();
        if (learner == null) {
            throw new IllegalStateException("no prepared learner left");
        }
        return learner;
    }

    /** The next {@code size} measured learners (fewer at the end). */
    List<Enrolled> next(int size) {
        List<Enrolled> batch = new ArrayList<>(size);
        for (Enrolled learner; batch.size() < size && (learner = measured.poll()) != null; ) {
            batch.add(learner);
        }
        return batch;
    }

    /**
     * The partner's current bearer token, from memory: taken in {@link #prepare} and renewed in the background, so the
     * measured requests never wait for identity-service.
     */
    String partnerToken() {
        return platform.tokens().partner();
    }

    /** One xAPI statement: the partner reports that the learner completed the credential's only assignment. */
    String statement(Enrolled learner) {
        acks.posting(1);
        return write(completion(learner, Instant.now()));
    }

    /** A JSON array of such statements. */
    String batch(List<Enrolled> learners) {
        acks.posting(learners.size());
        Instant now = Instant.now();
        ArrayNode array = PlatformClient.JSON.createArrayNode();
        learners.forEach(learner -> array.add(completion(learner, now)));
        return write(array);
    }

    /** The statements about these learners were answered with 200 just now. */
    void acknowledged(List<Enrolled> learners) {
        acks.acknowledged(learners.stream().map(Enrolled::enrollmentId).toList());
    }

    /**
     * Waits until every acknowledged completion has its credential, or {@code grace} passes without a new one, or
     * {@code maxWait} after the last acknowledgement; then prints and writes the report.
     */
    void finish() {
        if (issued == null) {
            return; // prepare failed; Gatling has said why
        }
        platform.tokens().close();
        try (IssuedCredentials reader = issued) {
            awaitCredentials();
            LoadReport report = LoadReport.of(name, settings, setup, acks, reader.byEnrollment(), reader.failure());
            Path json = report.write(settings.reportDir(), acks, reader.byEnrollment());
            System.out.println(report.text());
            System.out.println("written to " + json.toAbsolutePath() + " (and .csv beside it)");
        }
    }

    private void awaitCredentials() {
        long deadline = acks.lastAcknowledgedAt() + settings.maxWait().toMillis();
        long lastProgress = System.currentTimeMillis();
        long lastPrint = 0;
        int seen = 0;
        while (issued.failure() == null) {
            int now = awarded();
            long time = System.currentTimeMillis();
            if (now > seen) {
                seen = now;
                lastProgress = time;
            }
            int expected = acks.acknowledgedAt().size();
            if (time - lastPrint > 5_000) {
                System.out.printf("credentials issued for %d of %d acknowledged completions%n", seen, expected);
                lastPrint = time;
            }
            if (seen >= expected || time - lastProgress > settings.grace().toMillis() || time > deadline) {
                break;
            }
            PlatformClient.pause(Duration.ofMillis(200));
        }
        PlatformClient.pause(SETTLE); // a second award for the same enrollment would come soon after the first
    }

    private int awarded() {
        Map<String, Long> acknowledged = acks.acknowledgedAt();
        return (int) issued.byEnrollment().keySet().stream()
                .filter(acknowledged::containsKey)
                .count();
    }

    private ObjectNode completion(Enrolled learner, Instant now) {
        ObjectNode statement = PlatformClient.JSON.createObjectNode();
        statement.put("id", UUID.randomUUID().toString());
        ObjectNode actor = statement.putObject("actor").put("objectType", "Agent");
        actor.putObject("account")
                .put("homePage", PlatformClient.PARTNER_HOME_PAGE)
                .put("name", learner.account());
        ObjectNode verb = statement.putObject("verb").put("id", COMPLETED);
        verb.putObject("display").put("en-US", "completed");
        statement.putObject("object").put("objectType", "Activity").put("id", activityId);
        statement.putObject("result").put("completion", true);
        statement.put(
                "timestamp", now.minusSeconds(1).truncatedTo(ChronoUnit.MILLIS).toString());
        return statement;
    }

    private static String write(Object json) {
        try {
            return PlatformClient.JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }
}
