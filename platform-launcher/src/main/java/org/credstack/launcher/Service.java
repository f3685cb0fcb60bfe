package org.credstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One CredStack service as the launcher runs it: a Spring Boot fat jar in its own JVM.
 *
 * @param name the Maven module and artifact id, e.g. {@code catalog-service}
 * @param port its HTTP port
 * @param database its own Mongo database
 */
record Service(String name, int port, String database) {

    /** The platform's own OpenID Connect provider: started first, every other service checks tokens against it. */
    static final String IDENTITY = "identity-service";

    /**
     * The local platform's demo provider: identity-service's first start makes its staff account and partner client,
     * catalog-service's stores the provider itself under this id.
     */
    static final String DEMO_PROVIDER_ID = "demo-provider";

    /** The pages people use (docs/web-app.md): no store or topics of its own, it calls the services' APIs. */
    static final String WEB_APP = "web-app";

    static final List<Service> ALL = List.of(
            new Service(IDENTITY, 8080, "identity"),
            new Service("catalog-service", 8081, "catalog"),
            new Service("enrollment-service", 8082, "enrollment"),
            new Service("badge-service", 8083, "badge"),
            new Service("notification-service", 8084, "notification"),
            new Service(WEB_APP, 8090, "web"));

    static final String VERSION = "0.1.0-SNAPSHOT";

    /** The five services and the web app, identity-service first, with their ports moved up by {@code offset}. */
    static List<Service> all(int offset) {
        return ALL.stream()
                .map(s -> new Service(s.name, s.port + offset, s.database))
                .toList();
    }

    /**
     * Throughput first, start-up from a class-data archive: the full JIT (C1 then C2; C1 alone ran the hot paths
     * several times slower), a 256 MB heap with serial GC (one core each on a 2-core machine), small thread stacks,
     * bounded metaspace and code cache. Start-up time comes back from {@link #classDataArchive}.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m",
            "-Xmx256m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=96m",
            "-XX:MaxDirectMemorySize=64m",
            "-XX:+ExitOnOutOfMemoryError");

    /**
     * The dynamic CDS archive beside the running copy of the jar ({@code <dataDir>/apps/<name>.jsa}): written when
     * the service first stops, loaded by later starts, and rewritten when the jar changes. The JVM refuses to
     * archive next to a Java agent unless told it may (the parent watchdog only starts a thread); the archive's
     * warnings about classes it leaves out stay out of the service's log.
     */
    static List<String> classDataArchive(Path jar) {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa");
        return List.of(
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+AllowArchivingWithJavaAgent",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + jar.resolveSibling(name),
                "-Xlog:cds=off,cds+dynamic=off");
    }

    /** The jar the build makes: {@code <repoRoot>/<name>/target/<name>-0.1.0-SNAPSHOT.jar}. */
    Path jar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve(name + "-" + VERSION + ".jar");
    }

    /**
     * Copies the built jar to {@code <dataDir>/apps/<name>.jar} and returns the copy: a running service
     * reads classes from its jar lazily, so a rebuild of {@code target/} under it would break it.
     *
     * @throws UncheckedIOException if the copy fails
     */
    Path copyForRun(Path builtJar, Path dataDir) {
        Path copy = dataDir.resolve("apps").resolve(name + ".jar");
        try {
            Files.createDirectories(copy.getParent());
            Files.copy(builtJar, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + builtJar + " to " + copy, e);
        }
    }

    /**
     * {@code java -javaagent:<watchdog> <JVM options> -jar <jar> <settings>}, where the settings
     * point the service at the local broker, store and SMTP server, and tell it the other services' URLs. The
     * identity-service also gets its issuer URL, the {@link #credentialsFile} its first start writes and the web
     * app's redirect URI; every other
     * service gets identity-service's JWKS as {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}.
     */
    List<String> command(Path jar, Path watchdogAgent, Infrastructure infra, List<Service> platform, Path dataDir) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.add("-javaagent:" + watchdogAgent);
        command.addAll(JVM_OPTIONS);
        command.addAll(classDataArchive(jar));
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--spring.mongodb.uri=mongodb://localhost:" + infra.mongoPort() + "/" + database);
        command.add("--spring.cloud.stream.kafka.binder.brokers=" + infra.kafkaBootstrap());
        command.add("--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrap());
        command.add("--spring.mail.host=localhost");
        command.add("--spring.mail.port=" + infra.smtpPort());
        platform.forEach(other -> command.add("--credstack.urls." + other.shortName() + "=" + other.url()));
        if (name.equals(IDENTITY)) {
            command.add("--spring.security.oauth2.authorizationserver.issuer=" + url());
            command.add("--credstack.identity.bootstrap.credentials-file=" + credentialsFile(dataDir));
            command.add("--credstack.identity.bootstrap.demo-provider-id=" + DEMO_PROVIDER_ID);
            platform.stream()
                    .filter(other -> other.name.equals(WEB_APP))
                    .findFirst()
                    .ifPresent(web ->
                            command.add("--credstack.identity.bootstrap.web-redirect-uris=" + web.signInCallback()));
        } else {
            if (name.equals("catalog-service")) {
                command.add("--credstack.catalog.bootstrap.demo-provider-id=" + DEMO_PROVIDER_ID);
            }
            platform.stream()
                    .filter(other -> other.name.equals(IDENTITY))
                    .findFirst()
                    .ifPresent(identity -> command.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
                            + identity.url().resolve("/oauth2/jwks")));
        }
        return command;
    }

    /**
     * Where identity-service's first start writes the operator's, the demo staff's and the demo clients' random
     * passwords and secrets: {@code <dataDir>/credentials.txt}, readable by its owner only.
     */
    static Path credentialsFile(Path dataDir) {
        return SignIn.credentialsFile(dataDir);
    }

    /** {@code catalog} for {@code catalog-service}, {@code web} for {@code web-app}. */
    String shortName() {
        return name.substring(0, name.indexOf('-'));
    }

    /**
     * {@code http://localhost:<port>}; the web app's is {@code http://127.0.0.1:<port>}: the OIDC provider accepts
     * only a loopback IP in a local redirect URI (OAuth 2.1), and the person's browser must be on the same host name
     * for the sign-in to find its session on the way back.
     */
    URI url() {
        return URI.create((name.equals(WEB_APP) ? "http://127.0.0.1:" : "http://localhost:") + port);
    }

    /** Where the provider sends a person back to the web app after signing in (its registered redirect URI). */
    URI signInCallback() {
        return url().resolve("/login/oauth2/code/credstack");
    }

    URI healthUrl() {
        return url().resolve("/actuator/health");
    }

    /**
     * The secrets of the environment this process gets: every one gets the shared ones; identity-service and the
     * web app also share the web app's client secret ({@link PlatformSecret#WEB_CLIENT}).
     */
    Map<String, String> environment(Map<String, String> shared, String webClientSecret) {
        if (!name.equals(IDENTITY) && !name.equals(WEB_APP)) {
            return shared;
        }
        Map<String, String> environment = new HashMap<>(shared);
        environment.put(PlatformSecret.WEB_CLIENT.env(), webClientSecret);
        return environment;
    }

    /** Whether it publishes an OpenAPI document and Swagger UI (the services do; the web app is pages). */
    boolean hasSwagger() {
        return !name.equals(WEB_APP);
    }

    URI swaggerUrl() {
        return url().resolve("/swagger-ui.html");
    }
}
