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
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout) {}
