package org.credstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository's docker-compose.yml, checked without a Docker engine: against the Compose Specification, and
 * against what the build makes and what each service reads ({@link ComposeChecks}). {@link ComposeChecksTest} shows
 * each check failing on a broken copy.
 */
class ComposeFileTest {

    static Path root;
    static ComposeFile compose;
    static List<ComposePlatform.Image> images;

    @BeforeAll
    static void read() {
        root = ComposePlatform.repositoryRoot();
        compose = ComposeFile.read(root.resolve("docker-compose.yml"));
        images = ComposePlatform.images(root);
    }

    @Test
    void isAComposeFileByTheSpecification() {
        assertThat(ComposeChecks.schema(compose)).isEmpty();
    }

    @Test
    void buildsAnImageForEveryServiceAndTheWebApp() {
        assertThat(images)
                .extracting(ComposePlatform.Image::image)
                .containsExactlyInAnyOrder(
                        "credstack/catalog-service:0.1.0-SNAPSHOT",
                        "credstack/enrollment-service:0.1.0-SNAPSHOT",
                        "credstack/badge-service:0.1.0-SNAPSHOT",
                        "credstack/notification-service:0.1.0-SNAPSHOT",
                        "credstack/identity-service:0.1.0-SNAPSHOT",
                        "credstack/web-app:0.1.0-SNAPSHOT");
    }

    @Test
    void runsEveryImageTheBuildMakesAndNoOtherOfOurs() {
        assertThat(ComposeChecks.images(compose, images)).isEmpty();
    }

    @Test
    void publishesProbesAndNamesThePortEachServiceListensOn() {
        assertThat(ComposeChecks.ports(compose, images)).isEmpty();
    }

    @Test
    void setsEverySettingAndEnvironmentVariableTheServicesRead() {
        assertThat(ComposeChecks.settings(compose, images)).isEmpty();
    }

    @Test
    void waitsOnlyForHealthyServicesThatHaveHealthChecks() {
        assertThat(ComposeChecks.dependencies(compose)).isEmpty();
    }

    @Test
    void scrapesEveryServiceOnThePortItListensOn() {
        Map<String, String> prometheus = ComposePlatform.settings(root.resolve("deploy/prometheus/prometheus.yml"));
        List<String> targets = prometheus.entrySet().stream()
                .filter(setting -> setting.getKey().contains(".targets["))
                .map(Map.Entry::getValue)
                .toList();

        assertThat(prometheus)
                .containsEntry("scrape_configs[0].metrics_path", "/actuator/prometheus")
                .containsEntry("rule_files[0]", "alerts.yml");
        assertThat(ComposeChecks.scrapeTargets(targets, compose, images)).isEmpty();
    }

    @Test
    void mountsTheRealmPrometheusAndGrafanaFilesFromTheRepository() {
        assertThat(compose.service("keycloak").get("volumes"))
                .asList()
                .contains("./deploy/keycloak:/opt/keycloak/data/import:ro");
        assertThat(compose.service("prometheus").get("volumes"))
                .asList()
                .contains("./deploy/prometheus:/etc/prometheus:ro");
        assertThat(compose.service("grafana").get("volumes"))
                .asList()
                .contains(
                        "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                        "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(root.resolve("deploy/keycloak/credstack-realm.json")).isRegularFile();
        assertThat(root.resolve("deploy/prometheus/prometheus.yml")).isRegularFile();
        assertThat(ComposePlatform.settings(root.resolve("deploy/grafana/provisioning/dashboards/credstack.yml")))
                .containsEntry("providers[0].options.path", "/var/lib/grafana/dashboards");
        assertThat(ComposePlatform.settings(root.resolve("deploy/grafana/provisioning/datasources/datasources.yml")))
                .containsEntry("datasources[0].url", "http://prometheus:9090")
                .containsEntry("datasources[1].url", "http://jaeger:16686");
        assertThat(Files.exists(root.resolve("deploy/grafana/provisioning"))).isTrue();
    }
}
