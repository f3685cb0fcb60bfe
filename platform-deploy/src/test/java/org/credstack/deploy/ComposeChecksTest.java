package org.credstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each check of {@link ComposeChecks} catches a broken copy of the repository's docker-compose.yml. */
class ComposeChecksTest {

    static ComposeFile original;
    static List<ComposePlatform.Image> images;

    @BeforeAll
    static void read() {
        original = ComposeFile.read(ComposePlatform.repositoryRoot().resolve("docker-compose.yml"));
        images = ComposePlatform.images(ComposePlatform.repositoryRoot());
    }

    @Test
    void schemaRefusesAnUnknownServiceKeyAndAMalformedPortList() {
        ComposeFile broken = original.copy();
        service(broken, "kafka").put("restart_policy", "always");
        service(broken, "mongo").put("ports", Map.of("27017", "27017"));

        assertThat(ComposeChecks.schema(broken))
                .anyMatch(problem -> problem.contains("restart_policy"))
                .anyMatch(problem -> problem.contains("/services/mongo/ports"));
    }

    @Test
    void imagesRefuseATagTheBuildDoesNotMakeAndAnImageNothingRuns() {
        ComposeFile broken = original.copy();
        service(broken, "badge-service").put("image", "credstack/badge-service:latest");
        services(broken).remove("web-app");

        assertThat(ComposeChecks.images(broken, images))
                .anyMatch(problem -> problem.startsWith("badge-service: image credstack/badge-service:latest"))
                .anyMatch(problem -> problem.equals("web-app: no service runs credstack/web-app:0.1.0-SNAPSHOT"));
    }

    @Test
    void portsRefuseAMovedServerPortAWrongPublishedPortAndAWrongUrl() {
        ComposeFile broken = original.copy();
        environment(broken, "badge-service").put("SERVER_PORT", "9083");
        service(broken, "catalog-service").put("ports", new ArrayList<>(List.of("18081:18082")));
        environment(broken, "web-app").put("CREDSTACK_URLS_ENROLLMENT", "http://enrollment-service:8080");

        assertThat(ComposeChecks.ports(broken, images))
                .contains(
                        "badge-service: the image exposes 8083 but it listens on 9083",
                        "badge-service: listens on 9083 but publishes [8083]",
                        "catalog-service: listens on 8081 but publishes [18082]",
                        "web-app: CREDSTACK_URLS_ENROLLMENT=http://enrollment-service:8080 but enrollment-service"
                                + " listens on 8082")
                .anyMatch(problem -> problem.startsWith("badge-service: listens on 9083 but its health check"));
    }

    @Test
    void settingsRefuseALocalhostDefaultASecretTheCodeReadsAndMissingTokenKeys() {
        ComposeFile broken = original.copy();
        environment(broken, "badge-service").remove("SPRING_MONGODB_URI");
        environment(broken, "identity-service").put("CREDSTACK_CRYPTO_KEK", "${CREDSTACK_CRYPTO_KEK}");
        environment(broken, "enrollment-service").remove("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
        environment(broken, "enrollment-service").remove("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI");
        environment(broken, "notification-service").remove("SPRING_MAIL_HOST");
        environment(broken, "web-app").remove("CREDSTACK_URLS_CATALOG");
        environment(broken, "web-app").remove("CREDSTACK_WEB_CLIENT_SECRET");
        environment(broken, "catalog-service").remove("CREDSTACK_LINKS_SECRET");

        assertThat(ComposeChecks.settings(broken, images))
                .contains(
                        "badge-service: spring.mongodb.uri is mongodb://localhost:27017/credstack-badge (the container"
                                + " itself) and none of [SPRING_MONGODB_URI] is set",
                        "identity-service: its code reads CREDSTACK_CRYPTO_KEK, which is not set",
                        "catalog-service: its code reads CREDSTACK_LINKS_SECRET, which is not set",
                        "web-app: its code reads CREDSTACK_WEB_CLIENT_SECRET, which is not set",
                        "notification-service: spring.mail.host is localhost (the container itself) and none of"
                                + " [SPRING_MAIL_HOST] is set",
                        "web-app: credstack.web.catalog-url is ${credstack.urls.catalog:http://localhost:8081} (the"
                                + " container itself) and none of [CREDSTACK_WEB_CATALOGURL, CREDSTACK_URLS_CATALOG] is set")
                .anyMatch(problem -> problem.startsWith("enrollment-service: checks tokens but none of"));
    }

    @Test
    void settingsRefuseAPlaceholderWithoutDefaultThatNothingSets() {
        ComposePlatform.Image badge = image("badge-service");
        Map<String, String> settings = new LinkedHashMap<>(badge.settings());
        settings.put("credstack.badge.signing-region", "${credstack.badge.region}");
        ComposePlatform.Image needsRegion = new ComposePlatform.Image(
                badge.module(),
                badge.image(),
                badge.exposedPort(),
                settings,
                badge.environmentRead(),
                badge.checksTokens());

        assertThat(ComposeChecks.settings(original, List.of(needsRegion)))
                .containsExactly("badge-service: application.yml reads ${credstack.badge.region}"
                        + " (credstack.badge.signing-region) without a default, and CREDSTACK_BADGE_REGION is not set");
    }

    @Test
    void dependenciesRefuseAServiceWithoutHealthCheckAMissingOneAndWaitingOnlyForTheStart() {
        ComposeFile broken = original.copy();
        service(broken, "grafana").put("depends_on", new ArrayList<>(List.of("prometheus")));
        Map<String, Object> waits = new LinkedHashMap<>();
        waits.put("jaeger", new LinkedHashMap<>(Map.of("condition", "service_healthy")));
        waits.put("zookeeper", new LinkedHashMap<>(Map.of("condition", "service_healthy")));
        service(broken, "badge-service").put("depends_on", waits);

        assertThat(ComposeChecks.dependencies(broken))
                .containsExactlyInAnyOrder(
                        "grafana: waits for prometheus with service_started, not service_healthy",
                        "badge-service: depends on jaeger, which has no health check",
                        "badge-service: depends on zookeeper, which is not a service");
    }

    @Test
    void theRepositoryFileHasNoneOfTheseProblems() {
        assertThat(ComposeChecks.dependencies(original)).isEmpty();
        assertThat(ComposeChecks.settings(original, images)).isEmpty();
    }

    private static ComposePlatform.Image image(String module) {
        return images.stream()
                .filter(image -> image.module().equals(module))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services(ComposeFile compose) {
        return (Map<String, Object>) compose.root().get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(ComposeFile compose, String name) {
        return (Map<String, Object>) services(compose).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(ComposeFile compose, String name) {
        return (Map<String, Object>) service(compose, name).get("environment");
    }
}
