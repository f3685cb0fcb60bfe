package org.credstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Ingress serves what must be public at the URLs the services put into what they issue: the web app, badge-service's
 * public credential endpoints at its {@code credstack.badge.public-base-url}, the OIDC provider at its issuer, and the
 * e-mail links at {@code credstack.urls.*}. Nothing else of badge-service is exposed.
 */
class K8sIngressTest {

    /** badge-service's public endpoints (platform-runtime's PublicPaths.PLATFORM): credentials, issuers, status lists. */
    private static final List<String> PUBLIC_CREDENTIAL_PATHS =
            List.of("/credentials", "/issuers", "/status-lists", "/api/v1/verify");

    static List<String> overlays() {
        return K8sManifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theWebAppIsServedAtItsPublicBaseUrl(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        URI web = url(manifests, "web-app", "CREDSTACK_WEB_PUBLIC_BASE_URL");

        assertThat(backend(manifests, web.getHost(), "/")).isEqualTo("web-app");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void thePublicCredentialEndpointsAreServedAtBadgeServicesPublicBaseUrlAndNothingElseOfIt(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        URI badge = url(manifests, "badge-service", "CREDSTACK_BADGE_PUBLIC_BASE_URL");

        for (String path : PUBLIC_CREDENTIAL_PATHS) {
            assertThat(backend(manifests, badge.getHost(), path)).as(path).isEqualTo("badge-service");
        }
        assertThat(backend(manifests, badge.getHost(), "/api/v1/learners")).isNull();
        assertThat(backend(manifests, badge.getHost(), "/actuator/health")).isNull();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theOidcProviderIsServedAtItsIssuerWhichTheWebAppUses(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        URI issuer = url(manifests, "identity-service", "SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER");

        assertThat(backend(manifests, issuer.getHost(), "/oauth2/authorize")).isEqualTo("identity-service");
        assertThat(url(manifests, "web-app", "CREDSTACK_WEB_IDENTITY_URL")).isEqualTo(issuer);
        assertThat(manifests
                        .environment(manifests.deployment("identity-service"))
                        .get("CREDSTACK_IDENTITY_BOOTSTRAP_WEB_REDIRECT_URIS"))
                .isEqualTo(url(manifests, "web-app", "CREDSTACK_WEB_PUBLIC_BASE_URL")
                        .resolve("/login/oauth2/code/credstack")
                        .toString());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void aBrowserStaysOnThePodThatHoldsItsSignInSession(String overlay) {
        // the web app (HttpSessionOAuth2AuthorizedClientRepository) and identity-service's sign-in form keep
        // sessions in memory, and both run on two pods or more
        for (Ingress ingress : K8sManifests.of(overlay).all(Ingress.class)) {
            assertThat(ingress.getMetadata().getAnnotations())
                    .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                    .containsEntry("nginx.ingress.kubernetes.io/session-cookie-secure", "true");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theLinksInEmailsReachTheirServices(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        URI enrollment = url(manifests, "notification-service", "CREDSTACK_URLS_ENROLLMENT");
        URI notification = url(manifests, "notification-service", "CREDSTACK_URLS_NOTIFICATION");

        assertThat(backend(manifests, enrollment.getHost(), "/renewals/new")).isEqualTo("enrollment-service");
        assertThat(backend(manifests, notification.getHost(), "/unsubscribe")).isEqualTo("notification-service");
        assertThat(url(manifests, "enrollment-service", "CREDSTACK_URLS_ENROLLMENT"))
                .isEqualTo(enrollment);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyHostIsServedOverTlsAndEveryBackendExists(String overlay) {
        K8sManifests manifests = K8sManifests.of(overlay);
        for (Ingress ingress : manifests.all(Ingress.class)) {
            List<String> tlsHosts = ingress.getSpec().getTls().stream()
                    .flatMap(tls -> tls.getHosts().stream())
                    .toList();
            assertThat(ingress.getSpec().getTls())
                    .extracting(IngressTLS::getSecretName)
                    .doesNotContainNull();
            for (IngressRule rule : ingress.getSpec().getRules()) {
                assertThat(tlsHosts).as("TLS for %s", rule.getHost()).contains(rule.getHost());
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    Service service = manifests.named(
                            Service.class, path.getBackend().getService().getName());
                    assertThat(service.getSpec().getPorts())
                            .anyMatch(port -> port.getName()
                                    .equals(path.getBackend()
                                            .getService()
                                            .getPort()
                                            .getName()));
                }
            }
        }
    }

    private static URI url(K8sManifests manifests, String module, String variable) {
        Map<String, String> environment = manifests.environment(manifests.deployment(module));
        assertThat(environment).as("%s environment", module).containsKey(variable);
        URI url = URI.create(environment.get(variable));
        assertThat(url.getScheme()).as("%s %s", module, variable).isEqualTo("https");
        return url;
    }

    /** The Service a request for {@code host} and {@code path} goes to, as ingress-nginx matches (longest match). */
    private static String backend(K8sManifests manifests, String host, String path) {
        String best = null;
        int bestLength = -1;
        for (Ingress ingress : manifests.all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (!host.equals(rule.getHost())) {
                    continue;
                }
                for (HTTPIngressPath candidate : rule.getHttp().getPaths()) {
                    String p = candidate.getPath();
                    boolean matches = candidate.getPathType().equals("Exact")
                            ? path.equals(p)
                            : p.equals("/") || path.equals(p) || path.startsWith(p + "/");
                    if (matches && p.length() > bestLength) {
                        best = candidate.getBackend().getService().getName();
                        bestLength = p.length();
                    }
                }
            }
        }
        return best;
    }
}
