package org.credstack.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the identity service, prefix {@code credstack.identity}. The issuer URL is Spring Boot's own
 * {@code spring.security.oauth2.authorizationserver.issuer} (derived from each request when unset).
 *
 * @param accessTokenTtl lifetime of access tokens (and ID tokens); also how long a retired signing key stays in the
 *     JWKS after its successor took over
 * @param refreshTokenTtl lifetime of a refresh token; each refresh issues a new one (rotation)
 * @param keyRotation age after which the signing key is replaced by a new one (checked at start and every
 *     {@code keyCheckInterval})
 * @param keyCheckInterval real-time pause between two reads of the key ring (picks up another instance's rotation)
 * @param bootstrap the accounts and clients created on first start
 */
@Validated
@ConfigurationProperties("credstack.identity")
public record IdentityProperties(
        @DefaultValue("15m") @NotNull Duration accessTokenTtl,
        @DefaultValue("8h") @NotNull Duration refreshTokenTtl,
        @DefaultValue("90d") @NotNull Duration keyRotation,
        @DefaultValue("1m") @NotNull Duration keyCheckInterval,
        @DefaultValue @Valid Bootstrap bootstrap) {

    /**
     * What the first start creates when absent (docs/identity.md, "First start"). Nothing is created unless
     * {@code credentialsFile} is set: the random passwords and secrets go only there.
     *
     * @param credentialsFile where the generated passwords and secrets are written (owner read/write only), e.g.
     *     {@code <dataDir>/credentials.txt}; {@code null} turns the bootstrap off
     * @param operatorEmail the operator's sign-in e-mail
     * @param demoProviderId the provider the demo staff account and partner client belong to
     * @param staffEmail the demo provider's staff sign-in e-mail
     * @param partnerClientId the demo partner's {@code client_id} (client credentials)
     * @param webClientId the web app's {@code client_id} (authorization code with PKCE, refresh tokens)
     * @param webRedirectUris the web app's registered redirect URIs (exact match; loopback IP, not {@code
     *     localhost}, for local use)
     * @param webClientSecret the web app's secret when the deployment chooses it (the launcher does, and gives the
     *     same value to the web app: {@code CREDSTACK_WEB_CLIENT_SECRET}); then every start makes the registered web
     *     client's secret and redirect URIs match these settings. Blank: a random secret is made once and written to
     *     the credentials file
     */
    public record Bootstrap(
            Path credentialsFile,

            @DefaultValue("operator@credstack.example") @NotBlank
            String operatorEmail,

            @DefaultValue("demo-provider") @NotBlank String demoProviderId,

            @DefaultValue("staff@demo-provider.example") @NotBlank
            String staffEmail,

            @DefaultValue("demo-partner") @NotBlank String partnerClientId,
            @DefaultValue("credstack-web") @NotBlank String webClientId,

            @DefaultValue("http://127.0.0.1:8400/callback") @NotEmpty
            List<URI> webRedirectUris,

            @DefaultValue("") String webClientSecret) {

        /** Whether the deployment chose the web app's secret. */
        public boolean webClientSecretChosen() {
            return webClientSecret != null && !webClientSecret.isBlank();
        }
    }
}
