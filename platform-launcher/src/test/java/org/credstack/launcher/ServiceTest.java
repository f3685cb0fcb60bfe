package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTest {

    private static final Path REPO = Path.of("/work/credstack");

    @Test
    void runsTheFatJarWithItsOwnDatabaseAndTheLocalBrokerStoreAndSmtp() {
        Service badges = new Service("badge-service", 8083, "badge");

        List<String> command = badges.command(REPO, Path.of("/d/parent-watchdog.jar"), Infrastructure.DEFAULT);

        assertThat(command)
                .containsSubsequence(
                        "-javaagent:/d/parent-watchdog.jar",
                        "-Xmx160m",
                        "-jar",
                        "/work/credstack/badge-service/target/badge-service-0.1.0-SNAPSHOT.jar",
                        "--server.port=8083",
                        "--spring.mongodb.uri=mongodb://localhost:27017/badge",
                        "--spring.cloud.stream.kafka.binder.brokers=localhost:9092",
                        "--spring.kafka.bootstrap-servers=localhost:9092",
                        "--spring.mail.host=localhost",
                        "--spring.mail.port=3025");
    }

    @Test
    void publishesSwaggerAndHealthUnderItsPort() {
        Service catalog = Service.ALL.getFirst();

        assertThat(catalog.swaggerUrl()).hasToString("http://localhost:8081/swagger-ui.html");
        assertThat(catalog.healthUrl()).hasToString("http://localhost:8081/actuator/health");
    }
}
