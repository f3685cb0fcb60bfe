package org.credstack.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB every test in this JVM talks to, decided once per JVM:
 *
 * <ul>
 *   <li>{@link Mode#CONTAINERS}: Testcontainers (Apache Kafka in KRaft mode, MongoDB as a single-node
 *       replica set) when a Docker engine answers;
 *   <li>{@link Mode#EMBEDDED}: the KRaft broker of spring-kafka-test and mongo-java-server (in memory)
 *       otherwise.
 * </ul>
 *
 * <p>Set the system property or environment variable {@code credstack.test.infrastructure} /
 * {@code CREDSTACK_TEST_INFRASTRUCTURE} to {@code embedded} or {@code containers} to force a mode.
 * Both are real servers spoken to over the network; nothing is mocked. They live until the JVM exits.
 */
public final class TestInfrastructure {

    /** How the infrastructure is provided. */
    public enum Mode {
        CONTAINERS,
        EMBEDDED
    }

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final String KAFKA_IMAGE = "apache/kafka-native:4.1.1";
    private static final String MONGO_IMAGE = "mongo:8.0";
    private static volatile TestInfrastructure instance;

    private final Mode mode;
    private final String kafkaBootstrapServers;
    private final String mongoBaseUri;

    private TestInfrastructure(Mode mode, String kafkaBootstrapServers, String mongoBaseUri) {
        this.mode = mode;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoBaseUri = mongoBaseUri;
    }

    /** The infrastructure of this JVM, started on first use. */
    public static TestInfrastructure get() {
        if (instance == null) {
            synchronized (TestInfrastructure.class) {
                if (instance == null) {
                    instance = start(chooseMode());
                }
            }
        }
        return instance;
    }

    /** Which mode this JVM uses. */
    public Mode mode() {
        return mode;
    }

    /** Kafka {@code bootstrap.servers}, e.g. {@code 127.0.0.1:40123}. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /**
     * A MongoDB connection string for the named database, e.g. {@code mongodb://127.0.0.1:27017/catalog-3f2a}.
     *
     * @param database database name; use a fresh one per Spring context to keep tests apart
     */
    public String mongoUri(String database) {
        return mongoBaseUri + "/" + database;
    }

    static Mode chooseMode() {
        String forced =
                System.getProperty("credstack.test.infrastructure", System.getenv("CREDSTACK_TEST_INFRASTRUCTURE"));
        if (forced != null && !forced.isBlank()) {
            return Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        }
        return dockerAnswers() ? Mode.CONTAINERS : Mode.EMBEDDED;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TestInfrastructure start(Mode mode) {
        long started = System.nanoTime();
        TestInfrastructure infrastructure = mode == Mode.CONTAINERS ? startContainers() : startEmbedded();
        log.info(
                "Test infrastructure: {} (Kafka {}, MongoDB {}) ready in {} ms",
                mode,
                infrastructure.kafkaBootstrapServers,
                infrastructure.mongoBaseUri,
                (System.nanoTime() - started) / 1_000_000);
        return infrastructure;
    }

    private static TestInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
        kafka.start();
        mongo.start();
        String replicaSetUri = mongo.getReplicaSetUrl();
        String base = replicaSetUri.substring(0, replicaSetUri.lastIndexOf('/'));
        return new TestInfrastructure(Mode.CONTAINERS, kafka.getBootstrapServers(), base);
    }

    private static TestInfrastructure startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 2).kafkaPorts(0);
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        }));
        return new TestInfrastructure(
                Mode.EMBEDDED, kafka.getBrokersAsString(), "mongodb://127.0.0.1:" + address.getPort());
    }
}
