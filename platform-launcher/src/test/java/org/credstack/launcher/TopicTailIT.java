package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicTailIT {

    @TempDir
    Path dir;

    @Test
    void keepsTheKafkaClientsInfoLoggingOutOfItsOutput() throws Exception {
        Path log = dir.resolve("topic-tail.log");
        // no broker there: the client gives up after TopicTail's 10 s wait for the topic's partitions
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
}
