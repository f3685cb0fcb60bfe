package org.credstack.badge.issuing;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The credentials a provider issued (its awards), for its staff: read through an index on the badges' {@code
 * providerId} (equality), so a page reads that provider's badges only, never the whole collection. Every badge
 * stores the provider of the credential it awards from its issuance; stack awards included.
 */
@Component
class ProviderAwards {

    /** The highest page number the list accepts. */
    static final int MAX_PAGE = 10_000;

    /** The largest page size, in awards. */
    static final int MAX_SIZE = 100;

    private final MongoTemplate mongo;

    ProviderAwards(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Badge.COLLECTION).createIndex(new Index("providerId", Sort.Direction.ASC));
    }

    /**
     * One page of a provider's awards, newest first ({@code issuedAt}, then id, both descending).
     *
     * @param credentialId only awards of this catalog credential; null for all
     * @param revoked only revoked ({@code true}) or unrevoked ({@code false}) awards; null for all
     * @param page page number, from 0
     * @param size awards per page, 1 to {@value #MAX_SIZE}
     */
    Page of(String providerId, String credentialId, Boolean revoked, int page, int size) {
        Criteria criteria = Criteria.where("providerId").is(providerId);
        if (credentialId != null) {
            criteria = criteria.and("credentialId").is(credentialId);
        }
        if (revoked != null) {
            criteria = revoked
                    ? criteria.and("revokedAt").ne(null)
                    : criteria.and("revokedAt").is(null);
        }
        long total = mongo.count(Query.query(criteria), Badge.class);
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("issuedAt"), Sort.Order.desc("_id")))
                .skip((long) page * size)
                .limit(size);
        return new Page(mongo.find(query, Badge.class), page, size, total);
    }

    /**
     * @param badges the awards on this page
     * @param number page number, from 0
     * @param size page size asked for
     * @param totalElements how many awards match in all
     */
    record Page(List<Badge> badges, int number, int size, long totalElements) {

        int totalPages() {
            return (int) ((totalElements + size - 1) / size);
        }
    }
}
