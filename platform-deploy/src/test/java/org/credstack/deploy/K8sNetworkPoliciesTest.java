package org.credstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The namespace denies everything by default; each workload is let in and out only where it must (docs/operations.md,
 * "Network policies"). Whom a module must reach is read from its own application.yml: Kafka and MongoDB where it
 * configures them, SMTP where it sends mail, the services the web app names in {@code credstack.web.*-url}; every
 * service but identity-service reaches the OIDC provider (identity-service) for its JWKS.
 */
class K8sNetworkPoliciesTest {

    static List<String> overlays() {
        return K8sManifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theNamespaceDeniesEverythingByDefault(String overlay) {
        List<NetworkPolicy> denials = K8sManifests.of(overlay).all(NetworkPolicy.class).stream()
                .filter(policy -> isEmpty(policy.getSpec().getPodSelector()))
                .toList();

        assertThat(denials).hasSize(1);
        NetworkPolicy deny = denials.getFirst();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isEmpty();
        assertThat(deny.getSpec().getEgress()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyWorkloadHasItsOwnPolicyForBothDirections(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (K8sWorkloadsTest.Workload workload : K8sWorkloadsTest.workloads(manifests)) {
            assertThat(policiesOf(manifests, workload.template()))
                    .as("%s: its NetworkPolicies", workload.name())
                    .anySatisfy(policy -> assertThat(policy.getSpec().getPolicyTypes())
                            .containsExactlyInAnyOrder("Ingress", "Egress"));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyModuleReachesOnlyWhatItsConfigurationCalls(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (String module : K8sAppConfig.MODULES) {
            PodTemplateSpec pods = manifests.deployment(module).getSpec().getTemplate();
            Set<String> reached = new TreeSet<>();
            for (NetworkPolicy policy : policiesOf(manifests, pods)) {
                for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                    assertThat(rule.getTo())
                            .as("%s: an egress rule without 'to' lets it reach anything", module)
                            .isNotEmpty();
                    assertThat(rule.getPorts())
                            .as("%s: an egress rule without ports opens every port", module)
                            .isNotEmpty();
                    rule.getTo().forEach(peer -> reached.add(destination(peer, rule.getPorts())));
                }
            }
            assertThat(reached).as("%s reaches", module).isEqualTo(mustReach(module));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyCallBetweenModulesIsLetInAtTheOtherEnd(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (String caller : K8sAppConfig.MODULES) {
            PodTemplateSpec callerPods = manifests.deployment(caller).getSpec().getTemplate();
            for (String callee : mustReach(caller)) {
                if (!K8sAppConfig.MODULES.contains(callee) && !callee.equals("mongodb")) {
                    continue;
                }
                PodTemplateSpec calleePods = callee.equals("mongodb")
                        ? manifests
                                .named(io.fabric8.kubernetes.api.model.apps.StatefulSet.class, "mongodb")
                                .getSpec()
                                .getTemplate()
                        : manifests.deployment(callee).getSpec().getTemplate();
                assertThat(policiesOf(manifests, calleePods).stream()
                                .flatMap(policy -> policy.getSpec().getIngress().stream())
                                .flatMap(rule -> rule.getFrom().stream())
                                .anyMatch(peer -> peer.getNamespaceSelector() == null
                                        && peer.getIpBlock() == null
                                        && peer.getPodSelector() != null
                                        && K8sWorkloadsTest.selects(
                                                peer.getPodSelector().getMatchLabels(), callerPods)))
                        .as("%s lets %s in", callee, caller)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaLetsInEveryModuleThatUsesIt(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        List<GenericKafkaListener> listeners =
                manifests.all(Kafka.class).getFirst().getSpec().getKafka().getListeners();
        for (String module : K8sAppConfig.MODULES) {
            if (!mustReach(module).contains("kafka")) {
                continue;
            }
            PodTemplateSpec pods = manifests.deployment(module).getSpec().getTemplate();
            assertThat(listeners)
                    .as("%s: a Kafka listener whose networkPolicyPeers (Strimzi's policy) let it in", module)
                    .anySatisfy(listener -> assertThat(listener.getNetworkPolicyPeers())
                            .anyMatch(peer -> peer.getPodSelector() != null
                                    && K8sWorkloadsTest.selects(
                                            peer.getPodSelector().getMatchLabels(), pods)));
        }
        assertThat(listeners)
                .as("no listener open to every pod")
                .allSatisfy(
                        listener -> assertThat(listener.getNetworkPolicyPeers()).isNotEmpty());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noModuleIsReachableFromEverywhere(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (String module : K8sAppConfig.MODULES) {
            for (NetworkPolicy policy :
                    policiesOf(manifests, manifests.deployment(module).getSpec().getTemplate())) {
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    assertThat(rule.getFrom())
                            .as("%s: an ingress rule without 'from'", module)
                            .isNotEmpty();
                    assertThat(rule.getPorts())
                            .as("%s: an ingress rule without ports", module)
                            .isNotEmpty();
                }
            }
        }
    }

    /**
     * What a module's own configuration says it calls: {@code dns} always; {@code kafka} and {@code mongodb} where
     * it configures them; {@code smtp} where it sends mail; identity-service (the OIDC provider's JWKS) for every
     * resource server; for the web app, each service of a {@code credstack.web.<name>-url}, and the ingress controller
     * for the OIDC issuer, which it must reach at the public URL browsers use.
     */
    static Set<String> mustReach(String module) {
        K8sAppConfig config = K8sAppConfig.of(module);
        Set<String> reach = new TreeSet<>(Set.of("dns"));
        if (config.at("spring", "kafka", "bootstrap-servers").isPresent()) {
            reach.add("kafka");
        }
        if (config.at("spring", "mongodb", "uri").isPresent()) {
            reach.add("mongodb");
            if (!module.equals("identity-service")) {
                reach.add("identity-service");
            }
        }
        if (config.at("spring", "mail", "host").isPresent()) {
            reach.add("smtp");
        }
        config.at("credstack", "web")
                .ifPresent(web -> ((Map<?, ?>) web).keySet().forEach(key -> {
                    String name = key.toString();
                    if (name.endsWith("-url") && !name.equals("public-base-url")) {
                        String service = name.substring(0, name.length() - "-url".length());
                        reach.add(service.equals("identity") ? "ingress-controller" : service + "-service");
                    }
                }));
        return reach;
    }

    /** A name for an egress peer, or {@code unexpected ...} for one none of the rules above allows. */
    private static String destination(NetworkPolicyPeer peer, List<NetworkPolicyPort> ports) {
        Map<String, String> pods =
                peer.getPodSelector() == null ? Map.of() : peer.getPodSelector().getMatchLabels();
        Map<String, String> namespaces = peer.getNamespaceSelector() == null
                ? Map.of()
                : peer.getNamespaceSelector().getMatchLabels();
        if ("kube-dns".equals(pods.get("k8s-app"))
                && "kube-system".equals(namespaces.get("kubernetes.io/metadata.name"))) {
            return "dns";
        }
        if (peer.getNamespaceSelector() == null && pods.containsKey("strimzi.io/cluster")) {
            return "kafka";
        }
        if (peer.getNamespaceSelector() == null && pods.containsKey("app.kubernetes.io/name")) {
            return pods.get("app.kubernetes.io/name");
        }
        if ("ingress-nginx".equals(namespaces.get("kubernetes.io/metadata.name"))) {
            return "ingress-controller";
        }
        if (peer.getIpBlock() != null
                && ports.stream().allMatch(port -> port.getPort().getIntVal() == 587)) {
            return "smtp";
        }
        return "unexpected " + peer + " on " + ports;
    }

    private static List<NetworkPolicy> policiesOf(K8sManifests manifests, PodTemplateSpec pods) {
        return manifests.all(NetworkPolicy.class).stream()
                .filter(policy -> K8sWorkloadsTest.selects(
                        policy.getSpec().getPodSelector().getMatchLabels(), pods))
                .toList();
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector == null
                || (selector.getMatchLabels().isEmpty()
                        && selector.getMatchExpressions().isEmpty());
    }
}
