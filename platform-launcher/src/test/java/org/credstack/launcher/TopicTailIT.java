package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicTailIT {

    @TempDir
    Path dir;

    @Test
    void keepsTheKafkaClientsInfoLoggingOutOfItsOutput() throws Exception {
        Path log = dir.resolve("topic-tail.log");
        // no broker there: the client gives up after TopicTail's 10 s wait for the broker's topics
        ChildProcess tail = ChildProcess.startJava(
                "topic-tail",
                List.of(),
                TopicTail.class,
                List.of("catalog.credentials.v1", "localhost:" + FreePorts.next()),
                log);

        assertThat(tail.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

        String output = Files.readString(log);
        assertThat(output).contains("TimeoutException");
        assertThat(output).doesNotContain("ConsumerConfig values").doesNotContain(" INFO ");
    }

    @Test
    void refusesATopicTheBrokerDoesNotHaveWithoutCreatingIt() throws Exception {
        Infrastructure infra = FreePorts.infrastructure();
        ChildProcess kafka = infra.startKafka(dir, dir.resolve("logs"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Probes.acceptsConnections(infra.kafkaPort()));
            admin.createTopics(List.of(new NewTopic("catalog.credentials.v1", 1, (short) 1)))
                    .all()
                    .get();
            Path log = dir.resolve("topic-tail.log");

            ChildProcess tail = ChildProcess.startJava(
                    "topic-tail", List.of(), TopicTail.class, List.of("no.such.topic", infra.kafkaBootstrap()), log);

            assertThat(tail.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(tail.process().exitValue()).isEqualTo(TopicTail.NO_SUCH_TOPIC);
            assertThat(Files.readString(log))
                    .contains("no topic no.such.topic on the broker; its topics: catalog.credentials.v1");
            assertThat(admin.listTopics().names().get()).doesNotContain("no.such.topic");
        } finally {
            kafka.kill();
        }
    }
}
