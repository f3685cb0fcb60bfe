package org.credstack.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ports of the local Kafka broker, Mongo-wire store and SMTP server, and how each is started in
 * its own JVM on the launcher's class path.
 *
 * @param kafkaPort the broker's PLAINTEXT listener (clients)
 * @param controllerPort the KRaft controller listener
 * @param mongoPort the Mongo wire protocol
 * @param smtpPort SMTP
 * @param imapPort IMAP, to read what the SMTP server received
 */
record Infrastructure(int kafkaPort, int controllerPort, int mongoPort, int smtpPort, int imapPort) {

    static final Infrastructure DEFAULT = new Infrastructure(9092, 9093, 27017, 3025, 3143);

    /** Serial GC suits one process of a small heap per core; the full JIT (C2) keeps up under load. */
    private static final List<String> SMALL_JVM =
            List.of("-Xss512k", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    static final List<String> KAFKA_JVM_OPTIONS = jvm("-Xms64m", "-Xmx256m");
    /** The store keeps its secondary indexes and MVStore's page cache in the heap. */
    static final List<String> MONGO_JVM_OPTIONS = jvm("-Xms64m", "-Xmx768m");
    /** SMTP is idle but for one e-mail per credential: C1 is enough. */
    static final List<String> SMTP_JVM_OPTIONS = jvm("-Xms8m", "-Xmx64m", "-XX:TieredStopAtLevel=1");

    /** The same layout with every port moved up by {@code offset}. */
    Infrastructure shifted(int offset) {
        return new Infrastructure(
                kafkaPort + offset, controllerPort + offset, mongoPort + offset, smtpPort + offset, imapPort + offset);
    }

    String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    /** Starts {@link KafkaBroker} on {@code <dataDir>/kafka}, logging to {@code <logDir>/kafka.log}. */
    ChildProcess startKafka(Path dataDir, Path logDir) {
        return ChildProcess.startJava(
                "kafka",
                KAFKA_JVM_OPTIONS,
                KafkaBroker.class,
                List.of(dataDir.resolve("kafka").toString(), String.valueOf(kafkaPort), String.valueOf(controllerPort)),
                logDir.resolve("kafka.log"));
    }

    /** Starts {@link EmbeddedMongo} on {@code <dataDir>/mongo}, logging to {@code <logDir>/mongo.log}. */
    ChildProcess startMongo(Path dataDir, Path logDir) {
        List<String> options = new java.util.ArrayList<>(MONGO_JVM_OPTIONS);
        // CREDSTACK_STORE_LOG=DEBUG logs the queries that read many documents, and every 10 s the commits so far
        options.add("-Dcredstack.store.log=" + System.getenv().getOrDefault("CREDSTACK_STORE_LOG", "INFO"));
        return ChildProcess.startJava(
                "mongo",
                options,
                EmbeddedMongo.class,
                List.of(dataDir.resolve("mongo").toString(), String.valueOf(mongoPort)),
                logDir.resolve("mongo.log"));
    }

    /** Starts {@link EmbeddedSmtp}, logging to {@code <logDir>/smtp.log}. */
    ChildProcess startSmtp(Path logDir) {
        return ChildProcess.startJava(
                "smtp",
                SMTP_JVM_OPTIONS,
                EmbeddedSmtp.class,
                List.of(String.valueOf(smtpPort), String.valueOf(imapPort)),
                logDir.resolve("smtp.log"));
    }

    private static List<String> jvm(String... heap) {
        return Stream.concat(Stream.of(heap), SMALL_JVM.stream()).toList();
    }
}
