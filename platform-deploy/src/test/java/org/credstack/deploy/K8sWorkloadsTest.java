package org.credstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every workload of every overlay keeps (docs/operations.md, "What every workload has"): probes, requests
 * and limits, the restricted security context, a PodDisruptionBudget, and for a Deployment an autoscaler and a
 * Service.
 */
class K8sWorkloadsTest {

    static List<String> overlays() {
        return K8sManifests.overlays();
    }

    @Test
    void thereIsADevAndAProductionOverlay() {
        assertThat(overlays()).contains("dev", "production");
    }

    @Test
    void everyModuleTurnsOnTheLivenessAndReadinessHealthGroups() {
        for (String module : K8sAppConfig.MODULES) {
            assertThat(K8sAppConfig.of(module).probesEnabled())
                    .as("%s: management.endpoint.health.probes.enabled", module)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyModuleRunsAsADeploymentOfItsImageOnItsPort(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (String module : K8sAppConfig.MODULES) {
            Container container = manifests
                    .deployment(module)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .getFirst();
            assertThat(container.getImage()).as("%s image", module).matches("credstack/" + module + ":[\\w.-]+");
            assertThat(container.getImage()).doesNotEndWith(":latest");
            assertThat(container.getPorts())
                    .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                    .as("%s: its server.port, named http", module)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "http", K8sAppConfig.of(module).port()));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyModuleRunsTheImageThisBuildMakes(String overlay) throws IOException {
        Matcher parent = Pattern.compile("(?s)<parent>.*?<version>([^<]+)</version>")
                .matcher(Files.readString(K8sManifests.ROOT.resolve("pom.xml")));
        assertThat(parent.find()).isTrue();
        String version = parent.group(1);
        K8sManifests manifests = K8sManifests.of(overlay);
        for (String module : K8sAppConfig.MODULES) {
            assertThat(manifests
                            .deployment(module)
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .getFirst()
                            .getImage())
                    .as("%s: the Jib image of this version", module)
                    .isEqualTo("credstack/" + module + ":" + version);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyModuleIsProbedOnItsActuatorHealthGroups(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (String module : K8sAppConfig.MODULES) {
            Container container = manifests
                    .deployment(module)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .getFirst();
            assertHttpProbe(module + " startup", container.getStartupProbe(), "/actuator/health/liveness");
            assertHttpProbe(module + " liveness", container.getLivenessProbe(), "/actuator/health/liveness");
            assertHttpProbe(module + " readiness", container.getReadinessProbe(), "/actuator/health/readiness");
            // a slow start is the startup probe's to wait for, never a reason for the liveness probe to restart
            Probe startup = container.getStartupProbe();
            assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
                    .as("%s: seconds the startup probe allows", module)
                    .isGreaterThanOrEqualTo(120);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasProbesRequestsAndLimits(String overlay) {
        for (Workload workload : workloads(K8sManifests.of(overlay))) {
            for (Container container : workload.template().getSpec().getContainers()) {
                String what = workload.name() + "/" + container.getName();
                assertThat(container.getStartupProbe())
                        .as("%s startup probe", what)
                        .isNotNull();
                assertThat(container.getLivenessProbe())
                        .as("%s liveness probe", what)
                        .isNotNull();
                assertThat(container.getReadinessProbe())
                        .as("%s readiness probe", what)
                        .isNotNull();
            }
            for (Container container : allContainers(workload.template())) {
                String what = workload.name() + "/" + container.getName();
                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                assertThat(requests).as("%s requests", what).containsKeys("cpu", "memory");
                assertThat(limits).as("%s limits", what).containsKeys("cpu", "memory");
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(limits.get(resource).getNumericalAmount())
                            .as("%s %s limit >= request", what, resource)
                            .isGreaterThanOrEqualTo(requests.get(resource).getNumericalAmount());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theNamespaceEnforcesTheRestrictedPodSecurityStandard(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        List<Namespace> namespaces = manifests.all(Namespace.class);

        assertThat(namespaces).hasSize(1);
        Namespace namespace = namespaces.getFirst();
        assertThat(namespace.getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        assertThat(manifests.resources())
                .filteredOn(r -> !(r instanceof Namespace))
                .allSatisfy(r -> assertThat(r.getMetadata().getNamespace())
                        .isEqualTo(namespace.getMetadata().getName()));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerRunsRestricted(String overlay) {
        for (Workload workload : workloads(K8sManifests.of(overlay))) {
            PodSecurityContext pod = workload.template().getSpec().getSecurityContext();
            assertThat(workload.template().getSpec().getAutomountServiceAccountToken())
                    .as("%s mounts no service account token", workload.name())
                    .isFalse();
            for (Container container : allContainers(workload.template())) {
                String what = workload.name() + "/" + container.getName();
                SecurityContext own =
                        Objects.requireNonNullElseGet(container.getSecurityContext(), SecurityContext::new);
                assertThat(first(own.getRunAsNonRoot(), pod == null ? null : pod.getRunAsNonRoot()))
                        .as("%s runAsNonRoot", what)
                        .isTrue();
                assertThat(first(own.getRunAsUser(), pod == null ? null : pod.getRunAsUser()))
                        .as("%s numeric runAsUser (a non-root check needs one)", what)
                        .isNotNull()
                        .isPositive();
                assertThat(own.getReadOnlyRootFilesystem())
                        .as("%s readOnlyRootFilesystem", what)
                        .isTrue();
                assertThat(own.getAllowPrivilegeEscalation())
                        .as("%s allowPrivilegeEscalation", what)
                        .isFalse();
                assertThat(own.getCapabilities().getDrop()).as("%s drops", what).containsExactly("ALL");
                assertThat(own.getCapabilities().getAdd()).as("%s adds", what).isEmpty();
                String seccomp = own.getSeccompProfile() != null
                        ? own.getSeccompProfile().getType()
                        : pod.getSeccompProfile().getType();
                assertThat(seccomp).as("%s seccompProfile", what).isEqualTo("RuntimeDefault");
                assertThat(own.getPrivileged()).as("%s privileged", what).isNotEqualTo(Boolean.TRUE);
            }
            Container main = workload.template().getSpec().getContainers().getFirst();
            assertThat(main.getVolumeMounts())
                    .as("%s: a writable /tmp on the read-only root", workload.name())
                    .anySatisfy(mount -> {
                        assertThat(mount.getMountPath()).isEqualTo("/tmp");
                        Volume volume = workload.template().getSpec().getVolumes().stream()
                                .filter(v -> v.getName().equals(mount.getName()))
                                .findFirst()
                                .orElseThrow();
                        assertThat(volume.getEmptyDir()).isNotNull();
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyWorkloadHasADisruptionBudget(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (Workload workload : workloads(manifests)) {
            List<PodDisruptionBudget> budgets = manifests.all(PodDisruptionBudget.class).stream()
                    .filter(pdb -> selects(pdb.getSpec().getSelector().getMatchLabels(), workload.template()))
                    .toList();
            assertThat(budgets).as("%s: PodDisruptionBudgets", workload.name()).hasSize(1);
            PodDisruptionBudget budget = budgets.getFirst();
            // minAvailable equal to a single replica would block every node drain
            assertThat(budget.getSpec().getMaxUnavailable())
                    .as("%s maxUnavailable", workload.name())
                    .isNotNull();
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentHasAnAutoscalerAndAService(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            List<HorizontalPodAutoscaler> autoscalers = manifests.all(HorizontalPodAutoscaler.class).stream()
                    .filter(hpa -> hpa.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                            && hpa.getSpec().getScaleTargetRef().getName().equals(name))
                    .toList();
            assertThat(autoscalers).as("%s: autoscalers", name).hasSize(1);
            HorizontalPodAutoscaler hpa = autoscalers.getFirst();
            assertThat(hpa.getSpec().getMinReplicas())
                    .as("%s minReplicas", name)
                    .isPositive();
            assertThat(hpa.getSpec().getMaxReplicas())
                    .as("%s maxReplicas", name)
                    .isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
            assertThat(deployment.getSpec().getReplicas())
                    .as("%s replicas within its autoscaler's range", name)
                    .isBetween(hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas());
            assertThat(hpa.getSpec().getMetrics())
                    .as("%s scales on CPU, which needs a CPU request", name)
                    .anySatisfy(
                            metric -> assertThat(metric.getResource().getName()).isEqualTo("cpu"));

            List<Service> services = manifests.all(Service.class).stream()
                    .filter(service -> service.getSpec().getSelector() != null
                            && selects(
                                    service.getSpec().getSelector(),
                                    deployment.getSpec().getTemplate()))
                    .toList();
            assertThat(services).as("%s: Services", name).hasSize(1);
            assertThat(services.getFirst().getMetadata().getName()).isEqualTo(name);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void devIsSmallAndProductionIsRedundant(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (String module : K8sAppConfig.MODULES) {
            Deployment deployment = manifests.deployment(module);
            Quantity memory = deployment
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .getFirst()
                    .getResources()
                    .getRequests()
                    .get("memory");
            if (overlay.equals("dev")) {
                assertThat(deployment.getSpec().getReplicas())
                        .as("%s dev replicas", module)
                        .isEqualTo(1);
                assertThat(memory.getNumericalAmount()).isLessThanOrEqualTo(new Quantity("512Mi").getNumericalAmount());
            } else {
                assertThat(deployment.getSpec().getReplicas())
                        .as("%s %s replicas", module, overlay)
                        .isGreaterThanOrEqualTo(2);
            }
        }
    }

    /** A Deployment's or a StatefulSet's pod template, by the workload's name. */
    record Workload(String name, PodTemplateSpec template) {}

    static List<Workload> workloads(K8sManifests manifests) {
        List<Workload> workloads = new ArrayList<>();
        manifests
                .all(Deployment.class)
                .forEach(d -> workloads.add(
                        new Workload(d.getMetadata().getName(), d.getSpec().getTemplate())));
        manifests
                .all(StatefulSet.class)
                .forEach(s -> workloads.add(
                        new Workload(s.getMetadata().getName(), s.getSpec().getTemplate())));
        assertThat(workloads).as("%s workloads", manifests.overlay()).isNotEmpty();
        return workloads;
    }

    /** Whether a label selector picks the pods of a template. */
    static boolean selects(Map<String, String> selector, PodTemplateSpec template) {
        return selector != null
                && !selector.isEmpty()
                && template.getMetadata().getLabels().entrySet().containsAll(selector.entrySet());
    }

    private static List<Container> allContainers(PodTemplateSpec template) {
        return Stream.concat(
                        template.getSpec().getInitContainers().stream(), template.getSpec().getContainers().stream())
                .toList();
    }

    private static <T> T first(T own, T pod) {
        return own != null ? own : pod;
    }

    private static void assertHttpProbe(String what, Probe probe, String path) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet()).as("%s is an HTTP probe", what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as("%s path", what).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as("%s port", what).isEqualTo("http");
    }
}
