package org.credstack.notification;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public base URLs of the services that links in e-mails point to, prefix {@code credstack.urls} (set for every
 * service by {@code ./credstack run}).
 *
 * @param enrollment enrollment-service, where a renewal starts ({@code /renewals/new})
 * @param notification this service, where a learner unsubscribes ({@code /unsubscribe})
 */
@Validated
@ConfigurationProperties("credstack.urls")
public record ServiceUrls(
        @DefaultValue("http://localhost:8082") @NotNull URI enrollment,
        @DefaultValue("http://localhost:8084") @NotNull URI notification) {}
