package org.credstack.web;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
 * @param identityUrl the OpenID Connect provider's issuer URL (identity-service by default): the ID token's {@code
 *     iss} must equal it; its endpoints are {@code /oauth2/authorize}, {@code /oauth2/token}, {@code /oauth2/jwks}
 *     and {@code /userinfo} under it (Spring Authorization Server's defaults, docs/identity.md)
 * @param clientId the web app's {@code client_id} at the provider
 * @param clientSecret its secret; the launcher passes it in the environment ({@code CREDSTACK_WEB_CLIENT_SECRET}),
 *     never on the command line. Empty: pages that need a signed-in person cannot be used
 * @param connectTimeout how long a connection to a service may take before the call fails
 * @param readTimeout how long a service may take to answer before the call fails (the time limiter of each
 *     breaker, {@code resilience4j.timelimiter.*}, bounds the whole call as well)
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
        @NotNull Duration readTimeout) {}
