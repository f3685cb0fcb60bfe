package org.credstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading the rendered overlays is strict: unknown kinds and unknown fields fail, Strimzi's kinds are typed. */
class K8sManifestsTest {

    static java.util.List<String> overlays() {
        return K8sManifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOverlayRendersIntoTypedResourcesOnly(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        assertThat(manifests.all(Kafka.class)).hasSize(1);
        assertThat(manifests.all(KafkaNodePool.class)).isNotEmpty();
        assertThat(manifests.all(KafkaTopic.class)).isNotEmpty();
        assertThat(manifests.all(Deployment.class)).hasSize(K8sAppConfig.MODULES.size());
        assertThat(manifests.resources())
                .filteredOn(r -> !(r instanceof Namespace))
                .allSatisfy(r -> assertThat(r.getMetadata().getNamespace())
                        .as("%s %s namespace", r.getKind(), r.getMetadata().getName())
                        .isNotBlank());
    }

    @Test
    void refusesAFieldTheModelDoesNotKnow() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: catalog-service
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: catalog-service
                          image: credstack/catalog-service:1
                          readinessProbes: {}
                """;

        assertThatThrownBy(() -> K8sManifests.read("test", yaml))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(".spec.template.spec.containers[0].readinessProbes");
    }

    @Test
    void refusesAFieldStrimziDoesNotKnow() {
        String yaml = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: badge.events.v1
                spec:
                  partitions: 12
                  replication: 3
                """;

        assertThatThrownBy(() -> K8sManifests.read("test", yaml))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(".spec.replication");
    }

    @Test
    void refusesAKindNoTypedModelKnows() {
        String yaml = """
                apiVersion: mongodbcommunity.mongodb.com/v1
                kind: MongoDBCommunity
                metadata:
                  name: mongodb
                spec:
                  members: 3
                """;

        assertThatThrownBy(() -> K8sManifests.read("test", yaml))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no typed model for MongoDBCommunity");
    }

    @Test
    void readsStrimziResourcesIntoItsModel() {
        String yaml = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: badge.events.v1
                spec:
                  partitions: 12
                  replicas: 3
                  config:
                    cleanup.policy: delete
                """;

        KafkaTopic topic = K8sManifests.read("test", yaml).named(KafkaTopic.class, "badge.events.v1");

        assertThat(topic.getSpec().getPartitions()).isEqualTo(12);
        assertThat(topic.getSpec().getConfig()).containsEntry("cleanup.policy", "delete");
    }
}
