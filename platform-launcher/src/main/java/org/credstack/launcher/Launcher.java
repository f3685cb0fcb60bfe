package org.credstack.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Starts the whole platform on one machine with only a JDK: Kafka (KRaft), the Mongo-wire store and
 * GreenMail, then the five services (identity-service first) and the web app, each in its own JVM; prints where everything is, and stops it
 * all on Ctrl-C. A child that exits on its own (a crash, a {@code kill -9}) is restarted with back-off ({@link
 * Supervised}). Children also end by themselves when the launcher dies ({@link ParentWatchdog}).
 *
 * <p>Run from the repository root after {@code ./mvnw -q install -DskipTests}:
 * {@code ./credstack run}, or {@code java -cp "platform-launcher/target/classes:platform-launcher/target/lib/*"
 * org.credstack.launcher.Launcher [--data-dir=DIR] [--infra-only] [--port-offset=N]}
 */
public final class Launcher {

    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LauncherOptions options;
    private final Infrastructure infra;
    private final List<Supervised> infraChildren = new CopyOnWriteArrayList<>();
    private final List<Supervised> serviceChildren = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();

    private Launcher(LauncherOptions options) {
        this.options = options;
        this.infra = Infrastructure.DEFAULT.shifted(options.portOffset());
    }

    /**
     * Starts everything, waits until it is ready, then runs until Ctrl-C (SIGINT) or SIGTERM.
     *
     * @param args see {@link LauncherOptions#USAGE}
     * @throws Exception if the data folder cannot be made or waiting is interrupted; a component that
     *     does not get ready ends the launcher with status 1 (and stops the others)
     */
    public static void main(String[] args) throws Exception {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, System.getenv(), Path.of(""));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LauncherOptions.USAGE);
            return;
        }
        try {
            new Launcher(options).run();
        } catch (IllegalStateException e) {
            System.err.println("CredStack did not start: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Files.createDirectories(options.logDir());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "credstack-stop"));
        System.out.printf("CredStack: data in %s, child logs in %s%n", options.dataDir(), options.logDir());

        requireFree(infra.kafkaPort(), infra.controllerPort(), infra.mongoPort(), infra.smtpPort(), infra.imapPort());
        Supervised kafka = startInfra(
                "kafka",
                () -> infra.startKafka(options.dataDir(), options.logDir()),
                () -> Probes.acceptsConnections(infra.kafkaPort()));
        Supervised mongo = startInfra(
                "mongo",
                () -> infra.startMongo(options.dataDir(), options.logDir()),
                () -> Probes.acceptsConnections(infra.mongoPort()));
        Supervised smtp = startInfra(
                "smtp", () -> infra.startSmtp(options.logDir()), () -> Probes.acceptsConnections(infra.smtpPort()));
        inParallel(List.of(
                () -> awaitReady(kafka.current(), () -> Probes.acceptsConnections(infra.kafkaPort()), INFRA_TIMEOUT),
                () -> awaitReady(mongo.current(), () -> Probes.acceptsConnections(infra.mongoPort()), INFRA_TIMEOUT),
                () -> awaitReady(smtp.current(), () -> Probes.acceptsConnections(infra.smtpPort()), INFRA_TIMEOUT)));
        System.out.printf("infrastructure ready in %s%n", elapsed());

        List<Service> started = options.infraOnly() ? List.of() : startServices();
        inParallel(
                started.stream().<Callable<Void>>map(s -> () -> awaitService(s)).toList());
        printSummary(started);
        // runs until Ctrl-C or SIGTERM; a child that exits meanwhile is restarted (Supervised)
        stopped.await();
    }

    /** Fails fast when another process holds a port: its answers would look like our child's. */
    private static void requireFree(int... ports) {
        for (int port : ports) {
            if (Probes.acceptsConnections(port)) {
                throw new IllegalStateException(
                        "port " + port + " is already in use on localhost (another CredStack?)");
            }
        }
    }

    private Supervised startInfra(String name, Supplier<ChildProcess> start, BooleanSupplier ready) {
        Supervised child = new Supervised(name, pidFile(name), start, ready, INFRA_TIMEOUT, System.out::println);
        infraChildren.add(child);
        return child;
    }

    private List<Service> startServices() {
        Path agent = AgentJar.writeInto(options.dataDir());
        Map<String, String> environment = Map.of(
                PlatformSecret.LINKS.env(), PlatformSecret.LINKS.readOrCreate(options.dataDir()),
                PlatformSecret.CRYPTO_KEK.env(), PlatformSecret.CRYPTO_KEK.readOrCreate(options.dataDir()));
        String webClientSecret = PlatformSecret.WEB_CLIENT.readOrCreate(options.dataDir());
        List<Service> started = new ArrayList<>();
        List<Service> platform = Service.all(options.portOffset());
        for (Service service : platform) {
            Path jar = service.jar(options.repoRoot());
            if (!Files.isRegularFile(jar)) {
                System.out.printf(
                        "skipping %s: %s not found (build it: ./mvnw -q -pl %s -am install -DskipTests)%n",
                        service.name(), jar, service.name());
                continue;
            }
            Path log = options.logDir().resolve(service.name() + ".log");
            Path running = service.copyForRun(jar, options.dataDir());
            List<String> command = service.command(running, agent, infra, platform, options.dataDir());
            Map<String, String> serviceEnvironment = service.environment(environment, webClientSecret);
            serviceChildren.add(new Supervised(
                    service.name(),
                    pidFile(service.name()),
                    () -> ChildProcess.start(service.name(), command, serviceEnvironment, log),
                    () -> Probes.httpStatus(service.healthUrl()) == 200,
                    SERVICE_TIMEOUT,
                    System.out::println));
            started.add(service);
        }
        return started;
    }

    /** Runs the waits on virtual threads; the first failure is rethrown once all have ended. */
    private static void inParallel(List<Callable<Void>> waits) throws InterruptedException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> futures = pool.invokeAll(waits);
            for (Future<Void> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IllegalStateException notReady
                            ? notReady
                            : new IllegalStateException(e.getCause());
                }
            }
        }
    }

    private Void awaitService(Service service) throws InterruptedException {
        ChildProcess child = serviceChildren.stream()
                .filter(c -> c.name().equals(service.name()))
                .findFirst()
                .orElseThrow()
                .current();
        try {
            awaitReady(child, () -> Probes.httpStatus(service.healthUrl()) == 200, SERVICE_TIMEOUT);
        } catch (IllegalStateException e) {
            // one broken service should not take the others down
            System.out.printf(
                    "WARNING %s is not healthy (last status %d at %s): %s%n",
                    service.name(), Probes.httpStatus(service.healthUrl()), service.healthUrl(), e.getMessage());
        }
        return null;
    }

    private Void awaitReady(ChildProcess child, BooleanSupplier ready, Duration timeout) throws InterruptedException {
        Probes.await(child, ready, timeout);
        System.out.printf(
                "  %-21s ready after %-8s pid %-7d log %s%n",
                child.name(), elapsed(), child.process().pid(), child.log());
        return null;
    }

    private void printSummary(List<Service> services) {
        StringBuilder out = new StringBuilder("\nCredStack is up:\n");
        out.append(serviceLines(services));
        out.append(String.format(
                "  %-21s %s (controller localhost:%d)%n", "kafka", infra.kafkaBootstrap(), infra.controllerPort()));
        out.append(String.format("  %-21s mongodb://localhost:%d%n", "mongo", infra.mongoPort()));
        out.append(String.format(
                "  %-21s smtp://localhost:%d   imap://localhost:%d%n", "smtp", infra.smtpPort(), infra.imapPort()));
        services.stream()
                .filter(s -> s.name().equals(Service.IDENTITY))
                .findFirst()
                .ifPresent(identity -> out.append(signInHelp(identity)));
        out.append(String.format("started in %s; logs in %s; Ctrl-C stops everything%n", elapsed(), options.logDir()));
        System.out.print(out);
    }

    /**
     * One line per started process, the web app's URL first (the page a person opens), then each service with its
     * Swagger UI and health URLs.
     */
    static String serviceLines(List<Service> services) {
        StringBuilder out = new StringBuilder();
        services.stream()
                .filter(s -> s.name().equals(Service.WEB_APP))
                .findFirst()
                .ifPresent(web -> out.append(String.format(
                        "  %-21s %s   (open it in a browser; sign in as a learner, provider staff or operator)%n",
                        "web app", web.url().resolve("/catalog"))));
        for (Service s : services) {
            out.append(
                    s.hasSwagger()
                            ? String.format(
                                    "  %-21s %s   swagger-ui %s   health %s%n",
                                    s.name(), s.url(), s.swaggerUrl(), s.healthUrl())
                            : String.format("  %-21s %s   health %s%n", s.name(), s.url(), s.healthUrl()));
        }
        return out.toString();
    }

    /** Where the first start's accounts are and how to get a token for each kind of caller. */
    private String signInHelp(Service identity) {
        Path file = Service.credentialsFile(options.dataDir());
        String offset = options.portOffset() == 0 ? "" : " --port-offset=" + options.portOffset();
        String dataDir =
                options.dataDir().equals(options.repoRoot().resolve(".data")) ? "" : " --data-dir=" + options.dataDir();
        return String.format("""
                Sign in (identity-service %1$s, OpenID configuration %1$s/.well-known/openid-configuration):
                  operator, demo provider staff and demo clients, with their random passwords and secrets: %2$s (only you can read it)
                  partner token (client credentials):
                    curl -s -u "demo-partner:$(sed -n 's/^partner.client-secret=//p' %2$s)" -d grant_type=client_credentials -d scope=credstack %1$s/oauth2/token
                  a person's token (authorization code with PKCE through the sign-in form):
                    ./credstack token operator%3$s      (or: staff, or an e-mail with --password=...)
                  register a learner: curl -s -H 'Content-Type: application/json' -d '{"email":"ada@example.org","password":"...12+ chars...","displayName":"Ada"}' %1$s/api/v1/accounts
                """, identity.url(), file, offset + dataDir);
    }

    private void stopAll() {
        System.out.println("stopping CredStack...");
        stop(serviceChildren);
        stop(infraChildren);
        System.out.println("stopped; data kept in " + options.dataDir());
        stopped.countDown();
    }

    private static void stop(List<Supervised> children) {
        children.forEach(Supervised::requestStop);
        children.forEach(child -> child.stop(STOP_GRACE));
    }

    /** Where a child's current pid is kept: {@code <data dir>/pids/<name>.pid}. */
    private Path pidFile(String name) {
        return options.dataDir().resolve("pids").resolve(name + ".pid");
    }

    private String elapsed() {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
