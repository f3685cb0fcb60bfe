package org.credstack.enrollment.webhooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.credstack.runtime.ConflictRetry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Creates, rotates, revokes and lists providers' webhook secrets ({@link ProviderWebhookSecrets}), and opens the valid
 * ones to verify a delivery. A new secret is returned once, in its {@code whsec_} form; it is stored only sealed by
 * {@link SecretSealing}, bound to its provider and id, and never listed. Changes are load-change-save under the
 * optimistic lock, run again on a conflict ({@link ConflictRetry}).
 */
@Service
class WebhookSecrets {

    private final MongoTemplate mongo;
    private final SecretSealing sealing;
    private final ConflictRetry conflicts;
    private final Clock clock;
    private final WebhookProperties properties;
    private final SecureRandom random = new SecureRandom();

    WebhookSecrets(
            MongoTemplate mongo,
            SecretSealing sealing,
            ConflictRetry conflicts,
            Clock clock,
            WebhookProperties properties) {
        this.mongo = mongo;
        this.sealing = sealing;
        this.conflicts = conflicts;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * A new secret, as given to the provider once.
     *
     * @param id the secret's id
     * @param secret {@code whsec_<base64>}
     * @param createdAt when it was created, UTC
     */
    record Created(String id, String secret, Instant createdAt) {

        @Override
        public String toString() {
            return "Created[id=" + id + ", createdAt=" + createdAt + "]";
        }
    }

    /**
     * What a listing shows of a secret: never the secret.
     *
     * @param id the secret's id
     * @param createdAt when it was created, UTC
     * @param expiresAt when a rotation ends it, UTC; {@code null} until revoked
     */
    record Listed(String id, Instant createdAt, Instant expiresAt) {}

    /**
     * Adds a secret.
     *
     * @throws TooManyWebhookSecrets if the provider holds the most valid secrets allowed
     */
    Created create(String providerId) {
        return change(providerId, (secrets, fresh, now) -> secrets.with(fresh, now, properties.maxSecrets()));
    }

    /**
     * Adds a secret and lets {@code secretId} expire after the rotation overlap.
     *
     * @throws WebhookSecretNotFound if {@code secretId} is not a valid secret of the provider
     * @throws TooManyWebhookSecrets if the provider holds the most valid secrets allowed
     */
    Created rotate(String providerId, String secretId) {
        return change(
                providerId,
                (secrets, fresh, now) -> secrets.rotated(
                        secretId, fresh, now, now.plus(properties.rotationOverlap()), properties.maxSecrets()));
    }

    /**
     * Removes a secret at once.
     *
     * @throws WebhookSecretNotFound if {@code secretId} is not a valid secret of the provider
     */
    void revoke(String providerId, String secretId) {
        conflicts.run(() -> save(load(providerId).without(secretId, clock.instant())));
    }

    /** The provider's valid secrets, oldest first. */
    List<Listed> list(String providerId) {
        return load(providerId).valid(clock.instant()).stream()
                .map(s -> new Listed(s.id(), s.createdAt(), s.expiresAt()))
                .toList();
    }

    /** The provider's valid keys, opened; empty when it has none. One read by {@code _id}. */
    List<SigningKey> validKeys(String providerId) {
        return load(providerId).valid(clock.instant()).stream()
                .map(s -> open(providerId, s))
                .toList();
    }

    private interface Change {
        ProviderWebhookSecrets apply(ProviderWebhookSecrets secrets, ProviderWebhookSecrets.Secret fresh, Instant now);
    }

    private Created change(String providerId, Change change) {
        SigningKey key = SigningKey.generate(random);
        String id = UUID.randomUUID().toString();
        byte[] bytes = key.bytes();
        String sealed;
        try {
            sealed = sealing.seal(bytes, context(providerId, id));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        Instant now = clock.instant();
        ProviderWebhookSecrets.Secret fresh = new ProviderWebhookSecrets.Secret(id, sealed, now, null);
        conflicts.run(() -> save(change.apply(load(providerId), fresh, clock.instant())));
        return new Created(id, key.whsec(), now);
    }

    private ProviderWebhookSecrets load(String providerId) {
        ProviderWebhookSecrets stored = mongo.findById(providerId, ProviderWebhookSecrets.class);
        return stored == null ? ProviderWebhookSecrets.none(providerId) : stored;
    }

    private ProviderWebhookSecrets save(ProviderWebhookSecrets secrets) {
        try {
            return mongo.save(secrets);
        } catch (DuplicateKeyException firstSecretRace) {
            throw new OptimisticLockingFailureException("another writer stored the first secret", firstSecretRace);
        }
    }

    private SigningKey open(String providerId, ProviderWebhookSecrets.Secret secret) {
        byte[] bytes = sealing.open(secret.sealed(), context(providerId, secret.id()));
        try {
            return new SigningKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Binds a sealed secret to its provider and id: copied elsewhere, it does not open. */
    static String context(String providerId, String secretId) {
        return "enrollment/webhook-secret/" + providerId + "#" + secretId;
    }
}
