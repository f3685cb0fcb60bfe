package org.credstack.enrollment.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The webhook secrets of one provider, one document per provider in {@value #COLLECTION} ({@code _id} = provider id),
 * read by {@code _id} on every delivery. Each secret is stored sealed ({@link SecretSealing}), never in plain text.
 *
 * <p>Invariant: at most {@code max} secrets are valid at once (2 by default: the current one and the one being rotated
 * out). Rotation gives the old secret an expiry instead of removing it, so deliveries signed with either verify until
 * the sender has switched (Standard Webhooks 1.0.0, "Webhook headers": zero-downtime rotation). Expired secrets are
 * dropped at the next change.
 *
 * @param providerId the provider
 * @param secrets its secrets, oldest first; never {@code null}
 * @param version optimistic lock
 */
@Document(ProviderWebhookSecrets.COLLECTION)
record ProviderWebhookSecrets(
        @Id String providerId,
        List<Secret> secrets,
        @Version Long version) {

    static final String COLLECTION = "webhookSecrets";

    ProviderWebhookSecrets {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    /**
     * One secret.
     *
     * @param id its id, a UUID
     * @param sealed the key as {@link SecretSealing#seal} returned it
     * @param createdAt when it was created, UTC
     * @param expiresAt when it stops verifying (set by a rotation), UTC; {@code null} until revoked
     */
    record Secret(String id, String sealed, Instant createdAt, Instant expiresAt) {

        boolean validAt(Instant now) {
            return expiresAt == null || now.isBefore(expiresAt);
        }
    }

    static ProviderWebhookSecrets none(String providerId) {
        return new ProviderWebhookSecrets(providerId, List.of(), null);
    }

    /** The secrets that verify at {@code now}. */
    List<Secret> valid(Instant now) {
        return secrets.stream().filter(s -> s.validAt(now)).toList();
    }

    /**
     * With one more secret.
     *
     * @throws TooManyWebhookSecrets if {@code max} are valid already
     */
    ProviderWebhookSecrets with(Secret added, Instant now, int max) {
        List<Secret> kept = new ArrayList<>(valid(now));
        if (kept.size() >= max) {
            throw new TooManyWebhookSecrets(providerId, max);
        }
        kept.add(added);
        return new ProviderWebhookSecrets(providerId, kept, version);
    }

    /**
     * The secret {@code oldId} expiring at {@code oldExpiresAt}, and {@code added} valid.
     *
     * @throws WebhookSecretNotFound if {@code oldId} is not a valid secret of the provider
     * @throws TooManyWebhookSecrets if {@code max} are valid already
     */
    ProviderWebhookSecrets rotated(String oldId, Secret added, Instant now, Instant oldExpiresAt, int max) {
        Secret old = valid(now).stream()
                .filter(s -> s.id().equals(oldId))
                .findFirst()
                .orElseThrow(() -> new WebhookSecretNotFound(providerId, oldId));
        Instant expiry =
                old.expiresAt() != null && old.expiresAt().isBefore(oldExpiresAt) ? old.expiresAt() : oldExpiresAt;
        List<Secret> changed = valid(now).stream()
                .map(s -> s == old ? new Secret(s.id(), s.sealed(), s.createdAt(), expiry) : s)
                .toList();
        return new ProviderWebhookSecrets(providerId, changed, version).with(added, now, max);
    }

    /**
     * Without the secret {@code id}: it no longer verifies anything.
     *
     * @throws WebhookSecretNotFound if the provider has no valid secret with that id
     */
    ProviderWebhookSecrets without(String id, Instant now) {
        List<Secret> valid = valid(now);
        if (valid.stream().noneMatch(s -> s.id().equals(id))) {
            throw new WebhookSecretNotFound(providerId, id);
        }
        return new ProviderWebhookSecrets(
                providerId, valid.stream().filter(s -> !s.id().equals(id)).toList(), version);
    }
}
