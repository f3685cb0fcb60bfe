package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTest {

    private static final Path REPO = Path.of("/work/credstack");

    @Test
    void runsTheFatJarWithItsOwnDatabaseAndTheLocalBrokerStoreAndSmtp() {
        Service badges = new Service("badge-service", 8083, "badge");

        List<String> command = badges.command(
                badges.jar(REPO), Path.of("/d/parent-watchdog.jar"), Infrastructure.DEFAULT, Service.ALL);

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
                        "--credstack.urls.catalog=http://localhost:8081",
                        "--credstack.urls.badge=http://localhost:8083");
    }

    @Test
    void movesEveryPortByTheOffsetSoASecondPlatformFitsBeside() {
        Infrastructure shifted = Infrastructure.DEFAULT.shifted(10000);
        List<Service> platform = Service.all(10000);
        Service badges = platform.get(2);

        List<String> command = badges.command(badges.jar(REPO), Path.of("/d/w.jar"), shifted, platform);

        assertThat(platform).extracting(Service::port).containsExactly(18081, 18082, 18083, 18084);
        assertThat(command)
                .contains(
                        "--server.port=18083",
                        "--spring.mongodb.uri=mongodb://localhost:37017/badge",
                        "--spring.kafka.bootstrap-servers=localhost:19092",
                        "--spring.mail.port=13025",
                        "--credstack.urls.badge=http://localhost:18083");
        assertThat(shifted.controllerPort()).isEqualTo(19093);
    }

    @Test
    void runsACopyOfTheJarSoARebuildCannotPullItAway(@TempDir Path dir) throws Exception {
        Path built = Files.writeString(dir.resolve("built.jar"), "version 1");
        Service catalog = Service.ALL.getFirst();

        Path running = catalog.copyForRun(built, dir.resolve("data"));
        Files.writeString(built, "version 2");

        assertThat(running).isEqualTo(dir.resolve("data/apps/catalog-service.jar"));
        assertThat(running).hasContent("version 1");
        assertThat(catalog.copyForRun(built, dir.resolve("data"))).hasContent("version 2");
    }

    @Test
    void publishesSwaggerAndHealthUnderItsPort() {
        Service catalog = Service.ALL.getFirst();

        assertThat(catalog.swaggerUrl()).hasToString("http://localhost:8081/swagger-ui.html");
        assertThat(catalog.healthUrl()).hasToString("http://localhost:8081/actuator/health");
    }
}
