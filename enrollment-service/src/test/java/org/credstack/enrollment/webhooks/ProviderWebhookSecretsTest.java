package org.credstack.enrollment.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Two secrets valid at once for a rotation, and no more. */
class ProviderWebhookSecretsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void rotationKeepsTheOldSecretValidForTheOverlapOnly() {
        ProviderWebhookSecrets secrets = ProviderWebhookSecrets.none("p-1").with(secret("old"), NOW, 2);

        ProviderWebhookSecrets rotated = secrets.rotated("old", secret("new"), NOW, NOW.plus(Duration.ofHours(24)), 2);

        assertThat(rotated.valid(NOW.plus(Duration.ofHours(23))))
                .extracting(ProviderWebhookSecrets.Secret::id)
                .containsExactly("old", "new");
        assertThat(rotated.valid(NOW.plus(Duration.ofHours(24))))
                .extracting(ProviderWebhookSecrets.Secret::id)
                .containsExactly("new");
    }

    @Test
    void refusesAThirdValidSecretButCountsExpiredOnesOut() {
        ProviderWebhookSecrets two = ProviderWebhookSecrets.none("p-1")
                .with(secret("a"), NOW, 2)
                .rotated("a", secret("b"), NOW, NOW.plusSeconds(60), 2);

        assertThatThrownBy(() -> two.with(secret("c"), NOW, 2)).isInstanceOf(TooManyWebhookSecrets.class);
        assertThat(two.with(secret("c"), NOW.plusSeconds(60), 2).secrets())
                .extracting(ProviderWebhookSecrets.Secret::id)
                .containsExactly("b", "c");
    }

    @Test
    void aRevokedSecretIsGoneAndCannotBeRevokedTwice() {
        ProviderWebhookSecrets secrets = ProviderWebhookSecrets.none("p-1").with(secret("a"), NOW, 2);

        ProviderWebhookSecrets revoked = secrets.without("a", NOW);

        assertThat(revoked.valid(NOW)).isEmpty();
        assertThatThrownBy(() -> revoked.without("a", NOW)).isInstanceOf(WebhookSecretNotFound.class);
        assertThatThrownBy(() -> revoked.rotated("a", secret("b"), NOW, NOW, 2))
                .isInstanceOf(WebhookSecretNotFound.class);
    }

    private static ProviderWebhookSecrets.Secret secret(String id) {
        return new ProviderWebhookSecrets.Secret(id, "sealed-" + id, NOW, null);
    }
}
