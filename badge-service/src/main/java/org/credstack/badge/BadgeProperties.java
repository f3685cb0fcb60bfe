package org.credstack.badge;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the badge service, prefix {@code credstack.badge}.
 *
 * @param publicBaseUrl the absolute URL under which this service is reachable from the outside, without
 *     a trailing slash, e.g. {@code https://badges.credstack.org}; issuer profiles ({@code
 *     <base>/issuers/{providerId}}), verification methods and credential ids ({@code
 *     <base>/credentials/{uuid}}) are minted under it, so changing it orphans what was issued before
 */
@Validated
@ConfigurationProperties("credstack.badge")
public record BadgeProperties(
        @DefaultValue("http://localhost:8083") @NotNull URI publicBaseUrl) {

    /** @throws IllegalArgumentException if the base URL is not absolute http(s) */
    public BadgeProperties {
        if (publicBaseUrl != null) {
            String scheme = publicBaseUrl.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException(
                        "credstack.badge.public-base-url must be an absolute http(s) URL: " + publicBaseUrl);
            }
            String text = publicBaseUrl.toString();
            publicBaseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
    }

    /** {@code <base><path>}; {@code path} starts with a slash. */
    public String url(String path) {
        return publicBaseUrl + path;
    }
}
