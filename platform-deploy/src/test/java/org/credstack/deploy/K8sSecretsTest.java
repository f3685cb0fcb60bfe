package org.credstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No secret value is committed (docs/operations.md, "Secrets"): the manifests only name Secrets that an operator
 * makes with {@code kubectl create secret}, and every Secret and key they name is documented there.
 */
class K8sSecretsTest {

    /**
     * Variable names with one of these words hold something secret (a MongoDB URI carries its user's password); they
     * belong in a Secret, never in a ConfigMap or an env value. The JWKS URI is public.
     */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?!.*JWK_SET_URI$)(.*_)?(SECRET|PASSWORD|USERNAME|KEK|KEKS|KEY|TOKEN|URI)(_.*)?");

    static List<String> overlays() {
        return K8sManifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretIsCommitted(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);

        assertThat(manifests.all(Secret.class))
                .as("Secrets with values in the rendered output")
                .allSatisfy(secret -> {
                    assertThat(secret.getData()).isEmpty();
                    assertThat(secret.getStringData()).isEmpty();
                });
        for (ConfigMap map : manifests.all(ConfigMap.class)) {
            assertThat(map.getData().keySet())
                    .as("ConfigMap %s keys", map.getMetadata().getName())
                    .noneMatch(key -> SECRET_NAME.matcher(key).matches());
            assertThat(map.getData().values())
                    .as(
                            "ConfigMap %s values: no credentials in a URL",
                            map.getMetadata().getName())
                    .noneMatch(value -> value.matches("(?s).*://[^/\\s]*:[^/\\s]*@.*"));
        }
        for (K8sWorkloadsTest.Workload workload : K8sWorkloadsTest.workloads(manifests)) {
            for (Container container : workload.template().getSpec().getContainers()) {
                for (EnvVar variable : container.getEnv()) {
                    if (variable.getValue() != null) {
                        assertThat(variable.getName())
                                .as("%s: %s has a literal value", workload.name(), variable.getName())
                                .doesNotMatch(SECRET_NAME);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretTheManifestsNameIsDocumentedWithItsKeys(String overlay) throws IOException {
        K8sManifests manifests = K8sManifests.of(overlay);
        String operations = Files.readString(K8sManifests.ROOT.resolve("docs/operations.md"));
        List<String> named = new ArrayList<>();
        for (K8sWorkloadsTest.Workload workload : K8sWorkloadsTest.workloads(manifests)) {
            for (Container container : workload.template().getSpec().getContainers()) {
                for (EnvVar variable : container.getEnv()) {
                    if (variable.getValueFrom() != null
                            && variable.getValueFrom().getSecretKeyRef() != null) {
                        named.add(variable.getValueFrom().getSecretKeyRef().getName());
                        named.add(variable.getValueFrom().getSecretKeyRef().getKey());
                    }
                }
            }
            for (Volume volume : workload.template().getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    named.add(volume.getSecret().getSecretName());
                }
            }
        }
        for (Ingress ingress : manifests.all(Ingress.class)) {
            ingress.getSpec().getTls().stream().map(IngressTLS::getSecretName).forEach(named::add);
        }

        assertThat(named).isNotEmpty();
        assertThat(named)
                .as("Secrets and keys named in docs/operations.md")
                .allSatisfy(name -> assertThat(operations).contains("`" + name + "`"));
    }
}
