package org.credstack.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.credstack.web.WebProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/** Where the web app's client finds the provider: identity-service by default, Keycloak under docker-compose.yml. */
class ProviderEndpointsTest {

    @Test
    void usesIdentityServiceEndpointsUnderTheIdentityUrlByDefault() {
        ClientRegistration.ProviderDetails provider = SignInConfiguration.registration(
                        properties(new WebProperties.Oidc(null, null, null, null)))
                .getProviderDetails();

        assertThat(provider.getIssuerUri()).isEqualTo("http://identity-service:8080");
        assertThat(provider.getAuthorizationUri()).isEqualTo("http://identity-service:8080/oauth2/authorize");
        assertThat(provider.getTokenUri()).isEqualTo("http://identity-service:8080/oauth2/token");
        assertThat(provider.getJwkSetUri()).isEqualTo("http://identity-service:8080/oauth2/jwks");
    }

    @Test
    void sendsTheBrowserToThePublicHostAndCallsTheProviderInsideTheNetworkWhenConfigured() {
        String publicRealm = "http://localhost:8180/realms/credstack";
        String internalRealm = "http://keycloak:8080/realms/credstack";
        ClientRegistration.ProviderDetails provider = SignInConfiguration.registration(
                        properties(new WebProperties.Oidc(
                                URI.create(publicRealm),
                                URI.create(publicRealm + "/protocol/openid-connect/auth"),
                                URI.create(internalRealm + "/protocol/openid-connect/token"),
                                URI.create(internalRealm + "/protocol/openid-connect/certs"))))
                .getProviderDetails();

        assertThat(provider.getIssuerUri()).isEqualTo(publicRealm);
        assertThat(provider.getAuthorizationUri()).isEqualTo(publicRealm + "/protocol/openid-connect/auth");
        assertThat(provider.getTokenUri()).isEqualTo(internalRealm + "/protocol/openid-connect/token");
        assertThat(provider.getJwkSetUri()).isEqualTo(internalRealm + "/protocol/openid-connect/certs");
    }

    private static WebProperties properties(WebProperties.Oidc oidc) {
        URI somewhere = URI.create("http://localhost:1");
        return new WebProperties(
                URI.create("http://127.0.0.1:8090"),
                somewhere,
                somewhere,
                somewhere,
                somewhere,
                URI.create("http://identity-service:8080/"),
                "credstack-web",
                "dev-secret",
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                oidc);
    }
}
