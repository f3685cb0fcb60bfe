package org.credstack.badge.issuing;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * The issued credentials in the collection {@code badges}; owns its indexes: the unique {@code enrollmentId} that
 * makes "one badge per enrollment" (and one stack award per learner and stack, whose business key is kept in the same
 * field) hold even for concurrent duplicates, {@code learnerId} for a learner's badges and {@code credentialId} for
 * the holders of a credential.
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
        mongo.indexOps(Badge.COLLECTION).createIndex(new Index("credentialId", Sort.Direction.ASC));
    }

    /** Every badge of a learner, oldest first (read through the {@code learnerId} index); empty for none. */
    public List<HeldCredential> heldBy(String learnerId) {
        return ofLearner(learnerId).stream().map(HeldCredential::of).toList();
    }

    /**
     * The learners holding a badge of any of these credentials, in force or not (read through the {@code
     * credentialId} index with {@code $in}, never the whole collection).
     */
    public Set<String> holdersOf(Collection<String> credentialIds) {
        Query query = new Query(Criteria.where("credentialId").in(credentialIds));
        query.fields().include("learnerId");
        Set<String> learners = new LinkedHashSet<>();
        mongo.find(query, org.bson.Document.class, Badge.COLLECTION)
                .forEach(badge -> learners.add(badge.getString("learnerId")));
        return learners;
    }

    /** The badge a learner was awarded for a stack, if any (read through the unique business key). */
    public Optional<HeldCredential> stackAward(String learnerId, String stackCredentialId) {
        Query query = new Query(Criteria.where("enrollmentId").is(Badge.stackKey(learnerId, stackCredentialId)));
        return Optional.ofNullable(mongo.findOne(query, Badge.class)).map(HeldCredential::of);
    }

    /** One badge by its uuid. */
    public Optional<HeldCredential> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Badge.class)).map(HeldCredential::of);
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

    /**
     * @throws org.springframework.dao.DuplicateKeyException if the enrollment (or, for a stack, the learner and
     *     stack) already has a badge
     */
    void insert(Badge badge) {
        mongo.insert(badge);
    }
}
