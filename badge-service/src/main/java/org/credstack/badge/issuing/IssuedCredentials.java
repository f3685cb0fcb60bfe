package org.credstack.badge.issuing;

import java.util.List;
import java.util.Optional;
import org.credstack.runtime.OutboxCollection;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The issued credentials in the collection {@code badges}; owns its indexes (the unique {@code
 * enrollmentId} that makes "one badge per enrollment" hold even for concurrent duplicates).
 */
@Component
public class IssuedCredentials implements InitializingBean {

    private final MongoTemplate mongo;

    IssuedCredentials(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Issued credentials carry their {@code BadgeIssued} to the outbox relay. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        OutboxCollection badgeOutbox() {
            return new OutboxCollection(Badge.COLLECTION);
        }
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Badge.COLLECTION)
                .createIndex(
                        new Index("enrollmentId", Sort.Direction.ASC).unique().named("one_badge_per_enrollment"));
        mongo.indexOps(Badge.COLLECTION).createIndex(new Index("learnerId", Sort.Direction.ASC));
        mongo.indexOps(Badge.COLLECTION).createIndex(new Index("credentialUrl", Sort.Direction.ASC));
    }

    /**
     * A badge by its credential id, the public URL {@code <base>/credentials/{uuid}} that events call {@code badgeId}.
     *
     * @return the badge, or empty if none was issued with that id
     */
    Optional<Badge> byCredentialUrl(String credentialUrl) {
        return Optional.ofNullable(
                mongo.findOne(new Query(Criteria.where("credentialUrl").is(credentialUrl)), Badge.class));
    }

    /**
     * The signed credential JSON of a badge.
     *
     * @param id the credential's uuid, the last segment of {@code <base>/credentials/{uuid}}
     */
    public Optional<String> signedCredential(String id) {
        return Optional.ofNullable(mongo.findById(id, Badge.class)).map(Badge::credential);
    }

    /** The badges issued to a learner, oldest first; empty for a learner without any. */
    List<Badge> ofLearner(String learnerId) {
        Query query = new Query(Criteria.where("learnerId").is(learnerId))
                .with(Sort.by(Sort.Order.asc("issuedAt"), Sort.Order.asc("_id")));
        return mongo.find(query, Badge.class);
    }

    boolean existsForEnrollment(String enrollmentId) {
        return mongo.exists(new Query(Criteria.where("enrollmentId").is(enrollmentId)), Badge.class);
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the enrollment already has a badge */
    void insert(Badge badge) {
        mongo.insert(badge);
    }
}
