package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTest {

    private static final Path REPO = Path.of("/work/credstack");
    private static final Path DATA = Path.of("/d/data");

    private static Service named(List<Service> platform, String name) {
        return platform.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void runsTheFatJarWithItsOwnDatabaseAndTheLocalBrokerStoreAndSmtp() {
        Service badges = new Service("badge-service", 8083, "badge");

        List<String> command = badges.command(
                badges.jar(REPO), Path.of("/d/parent-watchdog.jar"), Infrastructure.DEFAULT, Service.ALL, DATA);

        assertThat(command)
                .containsSubsequence(
                        "-javaagent:/d/parent-watchdog.jar",
                        "-Xmx256m",
                        "-XX:+AllowArchivingWithJavaAgent",
                        "-XX:+AutoCreateSharedArchive",
                        "-XX:SharedArchiveFile=/work/credstack/badge-service/target/badge-service-0.1.0-SNAPSHOT.jsa",
                        "-jar",
                        "/work/credstack/badge-service/target/badge-service-0.1.0-SNAPSHOT.jar",
                        "--server.port=8083",
                        "--spring.mongodb.uri=mongodb://localhost:27017/badge",
                        "--spring.cloud.stream.kafka.binder.brokers=localhost:9092",
                        "--spring.kafka.bootstrap-servers=localhost:9092",
                        "--spring.mail.host=localhost",
                        "--spring.mail.port=3025",
                        "--credstack.urls.identity=http://localhost:8080",
                        "--credstack.urls.catalog=http://localhost:8081",
                        "--credstack.urls.badge=http://localhost:8083",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:8080/oauth2/jwks");
    }

    @Test
    void startsIdentityFirstWithItsIssuerAndTheCredentialsFileOfTheDataFolder() {
        Service identity = Service.ALL.getFirst();

        List<String> command =
                identity.command(identity.jar(REPO), Path.of("/d/w.jar"), Infrastructure.DEFAULT, Service.ALL, DATA);

        assertThat(identity.name()).isEqualTo("identity-service");
        assertThat(command)
                .contains(
                        "--server.port=8080",
                        "--spring.mongodb.uri=mongodb://localhost:27017/identity",
                        "--spring.security.oauth2.authorizationserver.issuer=http://localhost:8080",
                        "--credstack.identity.bootstrap.credentials-file=/d/data/credentials.txt")
                .noneMatch(arg -> arg.contains("jwk-set-uri"));
    }

    @Test
    void movesEveryPortByTheOffsetSoASecondPlatformFitsBeside() {
        Infrastructure shifted = Infrastructure.DEFAULT.shifted(10000);
        List<Service> platform = Service.all(10000);
        Service badges = named(platform, "badge-service");

        List<String> command = badges.command(badges.jar(REPO), Path.of("/d/w.jar"), shifted, platform, DATA);

        assertThat(platform).extracting(Service::port).containsExactly(18080, 18081, 18082, 18083, 18084, 18090);
        assertThat(command)
                .contains(
                        "--server.port=18083",
                        "--spring.mongodb.uri=mongodb://localhost:37017/badge",
                        "--spring.kafka.bootstrap-servers=localhost:19092",
                        "--spring.mail.port=13025",
                        "--credstack.urls.badge=http://localhost:18083",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:18080/oauth2/jwks");
        assertThat(shifted.controllerPort()).isEqualTo(19093);
    }

    @Test
    void runsACopyOfTheJarSoARebuildCannotPullItAway(@TempDir Path dir) throws Exception {
        Path built = Files.writeString(dir.resolve("built.jar"), "version 1");
        Service catalog = named(Service.ALL, "catalog-service");

        Path running = catalog.copyForRun(built, dir.resolve("data"));
        Files.writeString(built, "version 2");

        assertThat(running).isEqualTo(dir.resolve("data/apps/catalog-service.jar"));
        assertThat(running).hasContent("version 1");
        assertThat(catalog.copyForRun(built, dir.resolve("data"))).hasContent("version 2");
    }

    @Test
    void publishesSwaggerAndHealthUnderItsPort() {
        Service catalog = named(Service.ALL, "catalog-service");

        assertThat(catalog.swaggerUrl()).hasToString("http://localhost:8081/swagger-ui.html");
        assertThat(catalog.healthUrl()).hasToString("http://localhost:8081/actuator/health");
    }

    @Test
    void namesTheSameDemoProviderToIdentityAndCatalog() {
        Service identity = named(Service.ALL, "identity-service");
        Service catalog = named(Service.ALL, "catalog-service");

        assertThat(identity.command(identity.jar(REPO), Path.of("/w.jar"), Infrastructure.DEFAULT, Service.ALL, DATA))
                .contains("--credstack.identity.bootstrap.demo-provider-id=demo-provider");
        assertThat(catalog.command(catalog.jar(REPO), Path.of("/w.jar"), Infrastructure.DEFAULT, Service.ALL, DATA))
                .contains("--credstack.catalog.bootstrap.demo-provider-id=demo-provider")
                .noneMatch(argument -> argument.startsWith("--credstack.identity."));
    }

    @Test
    void startsTheWebAppLastAtPort8090WithTheServicesUrlsItCalls() {
        List<Service> platform = Service.all(100);
        Service web = platform.getLast();

        List<String> command =
                web.command(web.jar(REPO), Path.of("/d/w.jar"), Infrastructure.DEFAULT.shifted(100), platform, DATA);

        assertThat(web.name()).isEqualTo("web-app");
        assertThat(web.shortName()).isEqualTo("web");
        assertThat(command)
                .contains(
                        "/work/credstack/web-app/target/web-app-0.1.0-SNAPSHOT.jar",
                        "--server.port=8190",
                        "--credstack.urls.web=http://127.0.0.1:8190",
                        "--credstack.urls.catalog=http://localhost:8181",
                        "--credstack.urls.badge=http://localhost:8183");
    }

    @Test
    void registersTheWebAppsCallbackAtIdentityAndGivesTheClientSecretToThoseTwoOnly() {
        List<Service> platform = Service.all(100);
        Service identity = named(platform, "identity-service");
        Map<String, String> shared = Map.of("CREDSTACK_CRYPTO_KEK", "kek");

        assertThat(identity.command(identity.jar(REPO), Path.of("/w.jar"), Infrastructure.DEFAULT, platform, DATA))
                .contains(
                        "--credstack.identity.bootstrap.web-redirect-uris=http://127.0.0.1:8190/login/oauth2/code/credstack");
        assertThat(identity.environment(shared, "s3cret")).containsEntry("CREDSTACK_WEB_CLIENT_SECRET", "s3cret");
        assertThat(named(platform, "web-app").environment(shared, "s3cret"))
                .containsEntry("CREDSTACK_WEB_CLIENT_SECRET", "s3cret")
                .containsEntry("CREDSTACK_CRYPTO_KEK", "kek");
        assertThat(named(platform, "badge-service").environment(shared, "s3cret"))
                .doesNotContainKey("CREDSTACK_WEB_CLIENT_SECRET");
    }

    @Test
    void printsTheWebAppsUrlFirstInTheSummaryAndNoSwaggerForIt() {
        String lines = Launcher.serviceLines(Service.all(0));

        assertThat(lines.lines().findFirst().orElseThrow())
                .startsWith("  web app")
                .contains("http://127.0.0.1:8090/catalog");
        assertThat(lines)
                .contains(
                        "  web-app               http://127.0.0.1:8090   health http://127.0.0.1:8090/actuator/health")
                .contains("swagger-ui http://localhost:8081/swagger-ui.html")
                .doesNotContain("8090/swagger-ui.html");
    }
}
