package org.credstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.credstack.demo.JourneyReport.Delivery;
import org.credstack.demo.JourneyReport.Enrollment;
import org.credstack.demo.JourneyReport.IssuedCredential;
import org.credstack.demo.JourneyReport.Learner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The platform keeps its promises while its processes die: under a steady stream of completions (one partner
 * statement batch per learner, each retried until acknowledged), {@code kill -9} each service in turn, then the Kafka
 * broker, then the store, each restarted by the launcher. Afterwards every learner has exactly one credential for
 * their enrollment and exactly one issuance e-mail sent.
 *
 * <p>Runs on the shared platform ({@link LaunchedPlatform#shared}) after JourneyIT and BrowserJourneyIT (failsafe
 * runs the classes in alphabetical order), since it kills what they use. The next fault waits until {@link
 * #ACKS_BETWEEN_FAULTS} more completions were acknowledged, so each fault meets traffic and the platform is accepting
 * again before the next one.
 */
class PlatformFaultsIT {

    static final int LEARNERS = 30;
    static final int ACKS_BETWEEN_FAULTS = 3;
    static final Duration PACE = Duration.ofMillis(1500);
    static final Duration RECOVERY_DEADLINE = Duration.ofMinutes(6);
    static final Duration OUTCOME_DEADLINE = Duration.ofMinutes(6);

    /**
     * When the statements of every learner say they happened: fixed, so a post repeated after a failure is the same
     * statements byte for byte (a repeat whose first try was stored but not answered is then accepted as a duplicate,
     * not refused as a conflicting statement with the same id).
     */
    static final Instant STATEMENTS_AT = Instant.now().minus(Duration.ofMinutes(30));

    /** In the order they are killed: the six JVMs of the platform, then the broker, then the store. */
    static final List<String> FAULTS = List.of(
            "identity-service",
            "catalog-service",
            "enrollment-service",
            "badge-service",
            "notification-service",
            "web-app",
            "kafka",
            "mongo");

    static LaunchedPlatform platform;
    static Journey journey;
    static final Map<Learner, Enrollment> enrolled = new LinkedHashMap<>();
    static final List<Learner> acknowledged = new CopyOnWriteArrayList<>();
    static final List<String> failedPosts = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final LaunchedPlatform.LogsOnFailure LOGS =
            new LaunchedPlatform.LogsOnFailure(() -> platform == null ? null : platform.dataDir());

    @BeforeAll
    static void completionsWhileEachProcessIsKilledInTurn() throws Exception {
        Path root = Journey.repositoryRoot(Path.of(""));
        platform = LaunchedPlatform.shared(root);
        PlatformUrls urls = platform.urls();
        journey = new Journey(
                urls,
                new Tokens(urls.identity(), platform.dataDir()),
                root,
                line -> System.out.println("faults: " + line));
        journey.awaitHealthy();
        journey.importCatalog();
        JsonNode credential = journey.find(Journey.BASIC_LIFE_SUPPORT);
        for (int i = 0; i < LEARNERS; i++) {
            Learner learner = journey.register("Fault Learner " + i, "account", false);
            enrolled.put(learner, journey.enroll(learner, credential));
        }

        AtomicBoolean loadDone = new AtomicBoolean();
        ScheduledExecutorService load = postEachUntilAcknowledged(loadDone);
        for (String process : FAULTS) {
            int before = acknowledged.size();
            await("acknowledgements before killing " + process)
                    .atMost(RECOVERY_DEADLINE)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> acknowledged.size() >= before + ACKS_BETWEEN_FAULTS || loadDone.get());
            long pid = currentPid(process);
            System.out.printf("faults: kill -9 %s (pid %d) after %d acknowledged%n", process, pid, acknowledged.size());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            await(process + " restarted by the launcher")
                    .atMost(RECOVERY_DEADLINE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> platform.launcherLog().contains(process + " exited with status 137; restarting"));
        }
        await("every completion acknowledged").atMost(RECOVERY_DEADLINE).until(loadDone::get);
        load.shutdownNow();
        for (String process : FAULTS) {
            await(process + " ready again")
                    .atMost(RECOVERY_DEADLINE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> platform.launcherLog().contains(process + " restarted: ready after"));
        }
        journey.awaitHealthy();
    }

    /**
     * Posts one learner's statements every {@link #PACE}, in turn; a learner whose post is refused or meets a process
     * that is down goes back to the end of the queue. Ends when every learner's post was acknowledged.
     */
    private static ScheduledExecutorService postEachUntilAcknowledged(AtomicBoolean done) {
        ConcurrentLinkedQueue<Learner> queue = new ConcurrentLinkedQueue<>(enrolled.keySet());
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        load.scheduleWithFixedDelay(
                () -> {
                    Learner next = queue.poll();
                    if (next == null) {
                        done.set(true);
                        load.shutdown();
                        return;
                    }
                    try {
                        journey.post(next, List.of(enrolled.get(next)), STATEMENTS_AT);
                        acknowledged.add(next);
                    } catch (RuntimeException e) {
                        failedPosts.add(next.displayName() + ": " + e.getMessage());
                        queue.add(next);
                    }
                },
                0,
                PACE.toMillis(),
                TimeUnit.MILLISECONDS);
        return load;
    }

    @AfterAll
    static void printWhatHappened() throws IOException {
        System.out.printf(
                "faults: %d of %d completions acknowledged, %d posts refused or failed while processes were down%n",
                acknowledged.size(), LEARNERS, failedPosts.size());
        failedPosts.stream()
                .map(f -> f.replaceAll("Fault Learner \\d+", "Fault Learner N"))
                .distinct()
                .limit(8)
                .forEach(f -> System.out.println("faults:   " + f));
        System.out.println(platform.launcherLog()
                .lines()
                .filter(l -> l.contains("restart"))
                .collect(Collectors.joining("\n")));
    }

    @Test
    void everyProcessWasKilledAndRestartedByTheLauncher() throws IOException {
        String log = platform.launcherLog();
        for (String process : FAULTS) {
            assertThat(log).contains(process + " exited with status 137; restarting", process + " restarted: ready");
        }
        assertThat(failedPosts).as("some posts met a process that was down").isNotEmpty();
    }

    @Test
    void everyAcknowledgedCompletionHasExactlyOneCredentialAndOneEmail() {
        assertThat(acknowledged).hasSize(LEARNERS);
        for (Learner learner : acknowledged) {
            Enrollment enrollment = enrolled.get(learner);
            List<IssuedCredential> credentials = Deadline.await(
                            OUTCOME_DEADLINE,
                            () -> Optional.of(journey.credentials(learner)).filter(listed -> !listed.isEmpty()))
                    .orElseGet(() -> journey.credentials(learner));
            assertThat(credentials)
                    .as(learner.displayName() + "'s credentials")
                    .extracting(IssuedCredential::enrollmentId)
                    .containsExactly(enrollment.id());
            List<Delivery> sent = Deadline.await(
                            OUTCOME_DEADLINE, () -> Optional.of(sent(learner)).filter(listed -> !listed.isEmpty()))
                    .orElseGet(() -> sent(learner));
            assertThat(sent).as(learner.displayName() + "'s e-mails sent").hasSize(1);
        }
        Set<String> credentialIds = acknowledged.stream()
                .flatMap(l -> journey.credentials(l).stream())
                .map(IssuedCredential::id)
                .collect(Collectors.toSet());
        assertThat(credentialIds).hasSize(LEARNERS);
    }

    private static List<Delivery> sent(Learner learner) {
        return journey.deliveries(learner).stream()
                .filter(d -> "SENT".equals(d.status()))
                .toList();
    }

    /** The pid of a process's current run, as the launcher keeps it in {@code <data dir>/pids/<name>.pid}. */
    static long currentPid(String process) throws IOException {
        return Long.parseLong(
                Files.readString(platform.dataDir().resolve("pids").resolve(process + ".pid"))
                        .strip());
    }
}
