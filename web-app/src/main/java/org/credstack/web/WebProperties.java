package org.credstack.web;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the web app is reached and where the services it calls are, prefix {@code credstack.web}. The launcher
 * passes {@code credstack.urls.*} for every process; application.yml maps them here.
 *
 * @param publicBaseUrl the app's own public URL, for {@code og:url} and the LinkedIn {@code certUrl}
 * @param catalogUrl catalog-service's base URL
 * @param badgeUrl badge-service's base URL
 * @param enrollmentUrl enrollment-service's base URL
 * @param notificationUrl notification-service's base URL
 * @param identityUrl identity-service's base URL (accounts API, health) and, unless {@code oidc} says otherwise, the
 *     OpenID Connect provider's issuer URL: the ID token's {@code iss} must equal it; its endpoints are {@code
 *     /oauth2/authorize}, {@code /oauth2/token} and {@code /oauth2/jwks} under it (Spring Authorization Server's
 *     defaults, docs/identity.md)
 * @param clientId the web app's {@code client_id} at the provider
 * @param clientSecret its secret; the launcher passes it in the environment ({@code CREDSTACK_WEB_CLIENT_SECRET}),
 *     never on the command line. Empty: pages that need a signed-in person cannot be used
 * @param connectTimeout how long a connection to a service may take before the call fails
 * @param readTimeout how long a service may take to answer before the call fails (the time limiter of each
 *     breaker, {@code resilience4j.timelimiter.*}, bounds the whole call as well)
 * @param oidc another OpenID Connect provider than identity-service (Keycloak in docker-compose.yml), {@code
 *     credstack.web.oidc.*}; each endpoint left unset is identity-service's under {@code identityUrl}
 */
@Validated
@ConfigurationProperties("credstack.web")
public record WebProperties(
        @NotNull URI publicBaseUrl,
        @NotNull URI catalogUrl,
        @NotNull URI badgeUrl,
        @NotNull URI enrollmentUrl,
        @NotNull URI notificationUrl,
        @NotNull URI identityUrl,
        @NotNull String clientId,
        @NotNull String clientSecret,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @DefaultValue Oidc oidc) {

    /**
     * Where the provider's endpoints are when they are not identity-service's. The browser is sent to the
     * authorization endpoint, the app itself calls the token and key endpoints: under compose the first is a host
     * name on the person's machine ({@code localhost:8180}), the others a name inside the network ({@code
     * keycloak:8080}), while the issuer stays the one the provider writes in {@code iss}.
     *
     * @param issuer the ID token's {@code iss}, e.g. {@code http://localhost:8180/realms/credstack}; unset: {@code
     *     identityUrl}
     * @param authorizationUri the authorization endpoint (RFC 6749 §3.1); unset: {@code <identityUrl>/oauth2/authorize}
     * @param tokenUri the token endpoint (RFC 6749 §3.2); unset: {@code <identityUrl>/oauth2/token}
     * @param jwkSetUri the provider's signing keys (RFC 7517); unset: {@code <identityUrl>/oauth2/jwks}
     */
    public record Oidc(URI issuer, URI authorizationUri, URI tokenUri, URI jwkSetUri) {}
}
