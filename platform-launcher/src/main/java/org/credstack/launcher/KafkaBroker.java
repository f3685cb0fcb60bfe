package org.credstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Apache Kafka in KRaft mode (broker and controller in one process), run as its own
 * JVM by the launcher: writes {@code server.properties}, formats the log directory the first time
 * ({@code kafka.tools.StorageTool format}) and then runs {@code kafka.Kafka server.properties}.
 *
 * <p>A second start on the same data directory keeps the cluster id, topics and records.
 */
public final class KafkaBroker {

    private KafkaBroker() {}

    /**
     * Formats when needed and runs the broker until the JVM ends (SIGTERM, SIGINT, or the parent
     * process ending).
     *
     * @param args {@code <data dir> [<broker port>, default 9092] [<controller port>, default 9093]};
     *     the log directory is {@code <data dir>/logs}, created when missing
     * @throws IllegalStateException if formatting the storage fails
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: KafkaBroker <data dir> [<port>] [<controller port>]");
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : 9093;

        Path config = writeConfig(dataDir, port, controllerPort);
        ParentWatchdog.exitWhenParentDies();
        formatUnlessFormatted(logDir(dataDir), config);
        Kafka.main(new String[] {config.toString()});
    }

    static Path logDir(Path dataDir) {
        return dataDir.resolve("logs");
    }

    /** The broker's settings: one node, replication factor 1, topics created on first use. */
    static Properties config(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", logDir(dataDir).toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        // 50 partitions by default: slow to create and many open files for a laptop
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(file)) {
                config(dataDir, port, controllerPort).store(out, "written by " + KafkaBroker.class.getName());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker config under " + dataDir, e);
        }
    }

    private static void formatUnlessFormatted(Path logDir, Path config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            System.out.println("Kafka storage already formatted: " + logDir);
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        int status = StorageTool.execute(
                new String[] {"format", "--cluster-id", clusterId, "--config", config.toString(), "--ignore-formatted"},
                System.out);
        if (status != 0) {
            throw new IllegalStateException("kafka-storage format failed with status " + status + " for " + logDir);
        }
    }
}
