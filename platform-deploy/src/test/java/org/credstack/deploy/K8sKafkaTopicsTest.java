package org.credstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credstack.events.Topic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kafka through Strimzi (docs/operations.md, "Kafka"): a KRaft cluster of three, every {@link Topic} and every
 * dead-letter topic as a KafkaTopic with replication factor 3 and {@code min.insync.replicas} 2, and partitions enough
 * for every consumer the autoscalers allow.
 */
class K8sKafkaTopicsTest {

    static List<String> overlays() {
        return K8sManifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaRunsInKraftModeOnThreeNodesAndOwnsTopicCreation(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        Kafka kafka = manifests.all(Kafka.class).getFirst();
        String cluster = kafka.getMetadata().getName();
        List<KafkaNodePool> pools = manifests.all(KafkaNodePool.class).stream()
                .filter(pool -> cluster.equals(pool.getMetadata().getLabels().get("strimzi.io/cluster")))
                .toList();

        assertThat(pools.stream()
                        .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                        .mapToInt(pool -> pool.getSpec().getReplicas())
                        .sum())
                .as("brokers")
                .isGreaterThanOrEqualTo(3);
        assertThat(pools.stream()
                        .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                        .mapToInt(pool -> pool.getSpec().getReplicas())
                        .sum())
                .as("KRaft controllers (an odd number, for a quorum)")
                .isGreaterThanOrEqualTo(3)
                .isOdd();
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertThat(String.valueOf(config.get("auto.create.topics.enable"))).isEqualTo("false");
        assertThat(String.valueOf(config.get("min.insync.replicas"))).isEqualTo("2");
        assertThat(String.valueOf(config.get("offsets.topic.replication.factor")))
                .isEqualTo("3");
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator())
                .as("the topic operator makes the KafkaTopics real")
                .isNotNull();
        for (String module : kafkaClients(manifests)) {
            Map<String, String> environment = manifests.environment(manifests.deployment(module));
            assertThat(environment)
                    .as("%s leaves topic creation to Strimzi", module)
                    .containsEntry("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false")
                    .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_AUTO_CREATE_TOPICS", "false");
            assertThat(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
                    .as("%s bootstrap servers", module)
                    .isEqualTo(cluster + "-kafka-bootstrap:9092");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicIsAKafkaTopicWithItsCleanupPolicyReplicatedThrice(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (Topic topic : Topic.values()) {
            KafkaTopic resource = topic(manifests, topic.topicName());
            assertThat(resource.getSpec().getConfig().get("cleanup.policy"))
                    .as("%s cleanup.policy", topic)
                    .isEqualTo(topic.compacted() ? "compact" : "delete");
            assertReplicated(resource);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyConsumerBindingHasItsDeadLetterTopic(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (String module : K8sAppConfig.MODULES) {
            K8sAppConfig config = K8sAppConfig.of(module);
            for (K8sAppConfig.ConsumerBinding binding : config.consumerBindings()) {
                KafkaTopic deadLetters = topic(manifests, deadLetterTopic(binding.destination(), config));
                assertThat(deadLetters.getSpec().getConfig().get("cleanup.policy"))
                        .as("%s cleanup.policy", deadLetters.getMetadata().getName())
                        .isEqualTo("delete");
                assertReplicated(deadLetters);
                // the binder writes a dead letter to the partition its record came from
                assertThat(deadLetters.getSpec().getPartitions())
                        .as("%s partitions", deadLetters.getMetadata().getName())
                        .isGreaterThanOrEqualTo(topic(manifests, binding.destination())
                                .getSpec()
                                .getPartitions());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void partitionsAreEnoughForEveryConsumerTheAutoscalersAllow(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (String module : K8sAppConfig.MODULES) {
            K8sAppConfig config = K8sAppConfig.of(module);
            Deployment deployment = manifests.deployment(module);
            int maxReplicas = manifests
                    .named(HorizontalPodAutoscaler.class, module)
                    .getSpec()
                    .getMaxReplicas();
            Map<String, String> environment = manifests.environment(deployment);
            for (K8sAppConfig.ConsumerBinding binding : config.consumerBindings()) {
                int concurrency = binding.concurrency().orElseGet(() -> defaultConcurrency(environment));
                assertThat(topic(manifests, binding.destination()).getSpec().getPartitions())
                        .as(
                                "%s partitions for %s: up to %d pods x %d consumer threads",
                                binding.destination(), module, maxReplicas, concurrency)
                        .isGreaterThanOrEqualTo(maxReplicas * concurrency);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyKafkaTopicIsATopicOrADeadLetterTopic(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        Set<String> known = new HashSet<>();
        for (Topic topic : Topic.values()) {
            known.add(topic.topicName());
        }
        for (String module : K8sAppConfig.MODULES) {
            K8sAppConfig config = K8sAppConfig.of(module);
            config.consumerBindings().forEach(binding -> known.add(deadLetterTopic(binding.destination(), config)));
        }
        assertThat(manifests.all(KafkaTopic.class))
                .extracting(K8sKafkaTopicsTest::topicName)
                .containsExactlyInAnyOrderElementsOf(known);
    }

    /**
     * The consumer threads per pod when a binding sets none: {@code spring.cloud.stream.default.consumer.concurrency}
     * from the environment, else platform-runtime's MessagingDefaults default, {@code
     * credstack.runtime.topic-partitions} (3 when unset).
     */
    private static int defaultConcurrency(Map<String, String> environment) {
        String concurrency = environment.get("SPRING_CLOUD_STREAM_DEFAULT_CONSUMER_CONCURRENCY");
        if (concurrency == null) {
            concurrency = environment.getOrDefault("CREDSTACK_RUNTIME_TOPIC_PARTITIONS", "3");
        }
        return Integer.parseInt(concurrency);
    }

    /** platform-runtime's DeadLetterTopic: {@code <topic>.<group>.dlq}, the group being the application's name. */
    private static String deadLetterTopic(String topic, K8sAppConfig config) {
        return topic + "." + config.applicationName() + ".dlq";
    }

    private static List<String> kafkaClients(K8sManifests manifests) {
        return K8sAppConfig.MODULES.stream()
                .filter(module -> K8sAppConfig.of(module).at("spring", "kafka").isPresent())
                .toList();
    }

    private static KafkaTopic topic(K8sManifests manifests, String name) {
        return manifests.all(KafkaTopic.class).stream()
                .filter(topic -> topicName(topic).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(manifests.overlay() + ": no KafkaTopic for " + name));
    }

    private static String topicName(KafkaTopic topic) {
        String name = topic.getSpec().getTopicName();
        return name != null ? name : topic.getMetadata().getName();
    }

    private static void assertReplicated(KafkaTopic topic) {
        String name = topicName(topic);
        assertThat(topic.getSpec().getReplicas()).as("%s replicas", name).isEqualTo(3);
        assertThat(String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas")))
                .as("%s min.insync.replicas", name)
                .isEqualTo("2");
        assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "credstack");
    }
}
