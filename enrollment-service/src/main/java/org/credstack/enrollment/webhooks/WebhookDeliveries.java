package org.credstack.enrollment.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The {@code webhook-id}s accepted per provider, in {@value #COLLECTION} ({@code _id} = provider id and webhook id),
 * read by {@code _id} for each delivery (Standard Webhooks 1.0.0: the id is the idempotency key).
 *
 * <p>An id is kept until its {@code webhook-timestamp} is past the tolerance: after that a delivery carrying it fails
 * the timestamp check anyway. A sweep every {@code credstack.enrollment.webhooks.sweep-interval} removes the older
 * ones; the collection so holds about one tolerance window of deliveries, and the sweep's range query reads only
 * that.
 */
@Service
class WebhookDeliveries {

    static final String COLLECTION = "webhookDeliveries";

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration tolerance;

    WebhookDeliveries(MongoTemplate mongo, Clock clock, WebhookProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.tolerance = properties.tolerance();
    }

    /** The key: one provider's {@code webhook-id}. */
    record Key(String providerId, String webhookId) {}

    /**
     * An accepted delivery.
     *
     * @param id provider and {@code webhook-id}
     * @param bodyDigest hex SHA-256 of the body, to tell a retry (same body) from a reused id
     * @param statementId the completion's statement id
     * @param acceptedAt when it was accepted, UTC
     * @param expiresAt when it may be forgotten: its {@code webhook-timestamp} plus the tolerance, UTC
     */
    @Document(COLLECTION)
    record Accepted(@Id Key id, String bodyDigest, String statementId, Instant acceptedAt, Instant expiresAt) {}

    /** The delivery accepted earlier with this id, if any. */
    Optional<Accepted> find(String providerId, String webhookId) {
        return Optional.ofNullable(mongo.findById(new Key(providerId, webhookId), Accepted.class));
    }

    /**
     * Remembers an accepted delivery. A twin delivery accepted concurrently has remembered it already, which is fine:
     * the intake stored the completion once.
     */
    void remember(String providerId, String webhookId, String bodyDigest, String statementId, Instant timestamp) {
        try {
            mongo.insert(new Accepted(
                    new Key(providerId, webhookId),
                    bodyDigest,
                    statementId,
                    clock.instant(),
                    timestamp.plus(tolerance)));
        } catch (DuplicateKeyException twin) {
            log.debug("webhook-id {} of provider {} was remembered by a concurrent delivery", webhookId, providerId);
        }
    }

    /** @return how many remembered ids were past the tolerance and removed */
    @Scheduled(
            fixedDelayString = "${credstack.enrollment.webhooks.sweep-interval:PT1M}",
            initialDelayString = "${credstack.enrollment.webhooks.sweep-interval:PT1M}")
    long sweep() {
        return mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), Accepted.class)
                .getDeletedCount();
    }
}
