package org.credstack.badge.issuing;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.credstack.badge.BadgeProperties;
import org.credstack.runtime.OutboxCollection;
import org.credstack.runtime.StoreQueries;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The issued credentials in the collection {@code badges}; owns its indexes: the unique {@code enrollmentId} that
 * makes "one badge per enrollment" (and one stack award per learner and stack, whose business key is kept in the same
 * field) hold even for concurrent duplicates, {@code learnerId} for a learner's badges and {@code credentialId} for
 * the holders of a credential.
 */
@Component
public class IssuedCredentials implements InitializingBean {

    static final String STATUS_LIST_PENDING = "statusListPending";

    private final MongoTemplate mongo;
    private final BadgeProperties properties;

    IssuedCredentials(MongoTemplate mongo, BadgeProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
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
        mongo.indexOps(Badge.COLLECTION)
                .createIndex(new Index(STATUS_LIST_PENDING, Sort.Direction.ASC)
                        .sparse()
                        .named("status_list_pending"));
        mongo.indexOps(Badge.COLLECTION).createIndex(new Index("credentialId", Sort.Direction.ASC));
        mongo.indexOps(Badge.COLLECTION).createIndex(new Index("credentialUrl", Sort.Direction.ASC));
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
        mongo.find(query, Document.class, Badge.COLLECTION)
                .forEach(badge -> learners.add(badge.getString("learnerId")));
        return learners;
    }

    /** The badge a learner was awarded for a stack, if any (read through the unique business key). */
    public Optional<HeldCredential> stackAward(String learnerId, String stackCredentialId) {
        Query query = new Query(Criteria.where("enrollmentId").is(Badge.stackKey(learnerId, stackCredentialId)));
        return Optional.ofNullable(mongo.findOne(query, Badge.class)).map(HeldCredential::of);
    }

    /** One badge by its uuid. */
    public Optional<HeldCredential> held(String id) {
        return Optional.ofNullable(mongo.findById(id, Badge.class)).map(HeldCredential::of);
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

    /** The badges issued to a learner, oldest first (issued, then earned, then by id); empty for none. */
    List<Badge> ofLearner(String learnerId) {
        Query query = new Query(Criteria.where("learnerId").is(learnerId))
                .with(Sort.by(Sort.Order.asc("issuedAt"), Sort.Order.asc("validFrom"), Sort.Order.asc("_id")));
        return mongo.find(query, Badge.class);
    }

    /**
     * Whether one of this service's credentials is revoked, by its public URL; read by {@code _id}.
     *
     * @param credentialUrl a credential's {@code id}, {@code <base>/credentials/{uuid}}
     * @return empty when the URL is not one of ours, the badge is unknown or not revoked
     */
    public Optional<Revocation> revocation(String credentialUrl) {
        String prefix = properties.url("/credentials/");
        if (credentialUrl == null || !credentialUrl.startsWith(prefix)) {
            return Optional.empty();
        }
        Query byId = new Query(Criteria.where("_id").is(credentialUrl.substring(prefix.length())));
        byId.fields().include("revokedAt").include("revocationReason");
        Document badge = mongo.findOne(byId, Document.class, Badge.COLLECTION);
        if (badge == null || badge.getDate("revokedAt") == null) {
            return Optional.empty();
        }
        return Optional.of(new Revocation(badge.getDate("revokedAt").toInstant(), badge.getString("revocationReason")));
    }

    Optional<Badge> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Badge.class));
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException if another writer saved it first */
    void save(Badge badge) {
        mongo.save(badge);
    }

    /** The ids of revoked badges whose status list entry is not set yet (the sparse index holds only those). */
    List<String> withStatusListPending() {
        Query pending = new Query(Criteria.where(STATUS_LIST_PENDING).exists(true));
        pending.fields().include("_id");
        return mongo.find(pending, Document.class, Badge.COLLECTION).stream()
                .map(badge -> badge.getString("_id"))
                .toList();
    }

    /** Records that the badge's status list entry is set. */
    void statusListSet(String id) {
        mongo.updateFirst(
                new Query(Criteria.where("_id").is(id)), new Update().unset(STATUS_LIST_PENDING), Badge.COLLECTION);
    }

    boolean existsForEnrollment(String enrollmentId) {
        return StoreQueries.exists(
                mongo, new Query(Criteria.where("enrollmentId").is(enrollmentId)), Badge.class);
    }

    /**
     * @throws org.springframework.dao.DuplicateKeyException if the enrollment (or, for a stack, the learner and
     *     stack) already has a badge
     */
    void insert(Badge badge) {
        mongo.insert(badge);
    }
}
