package org.credstack.enrollment.held;

import java.util.Optional;
import org.credstack.events.EventEnvelope;
import org.credstack.events.badge.BadgeEvent;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.badge.BadgeRevoked;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Which credentials each learner holds: a replica of {@code badge.events.v1} in the collection {@value #COLLECTION}
 * (docs/architecture.md: a service learns another's data from its topic), read by renewal.
 *
 * <ul>
 *   <li>{@code BadgeIssued}: the badge's learner, credential and validity; with {@code renewalOf}, the renewed badge
 *       is marked {@code renewedBy} the new one;
 *   <li>{@code BadgeRevoked}: the badge is marked {@code revoked}.
 * </ul>
 *
 * <p>Idempotent without a record of processed events: every write is an upsert by {@code _id} that sets the same
 * values again ({@code revoked} only ever turns true), so a redelivery, even after a later revocation, changes nothing
 * more; one write per event, no read.
 * A learner's badge events share a partition, so they arrive in the order they happened; the upserts still accept a
 * revocation or renewal that names a badge whose issuance is not stored yet. {@code BadgeExpired} is not needed:
 * {@code validUntil} says when a badge expires.
 */
@Service
public class HeldCredentials {

    static final String COLLECTION = "heldCredentials";

    private final MongoTemplate mongo;

    HeldCredentials(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("learnerId", Sort.Direction.ASC));
    }

    /**
     * Applies one event read from {@code badge.events.v1}.
     *
     * @param envelope an envelope whose data is a {@link BadgeEvent}
     * @throws IllegalArgumentException if the envelope does not carry a badge event
     */
    public void apply(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof BadgeEvent event)) {
            throw new IllegalArgumentException("not a badge event: " + envelope.type());
        }
        switch (event) {
            case BadgeIssued issued -> issued(issued);
            case BadgeRevoked revoked -> upsert(revoked.badgeId(), new Update().set("revoked", true));
        }
    }

    /**
     * A held credential by its badge id.
     *
     * @param badgeId the badge id ({@code _id})
     * @return the credential, or empty when no issuance of it has arrived
     */
    public Optional<HeldCredential> find(String badgeId) {
        return Optional.ofNullable(mongo.findById(badgeId, HeldCredential.class))
                .filter(HeldCredential::issued);
    }

    private void issued(BadgeIssued badge) {
        upsert(
                badge.badgeId(),
                new Update()
                        .set("learnerId", badge.learnerId())
                        .set("enrollmentId", badge.enrollmentId())
                        .set("credentialId", badge.credentialId())
                        .set("achievementName", badge.achievementName())
                        .set("validFrom", badge.validFrom())
                        .set("validUntil", badge.validUntil())
                        .set("renewalOf", badge.renewalOf()));
        if (badge.renewalOf() != null && !badge.renewalOf().equals(badge.badgeId())) {
            upsert(badge.renewalOf(), new Update().set("renewedBy", badge.badgeId()));
        }
    }

    private void upsert(String badgeId, Update update) {
        if (!update.modifies("revoked")) {
            update.setOnInsert("revoked", false);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(badgeId)), update, HeldCredential.class);
    }
}
