package org.credstack.enrollment.enrollment;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A provider's enrollments, for its staff: read through an index on {@code providerId} (equality), so a page reads
 * that provider's documents only, never the whole collection. Every enrollment stores the provider of its credential
 * from its creation ({@code credential.provider.id} of the snapshot it was enrolled in); one whose snapshot named no
 * provider has none and is in no provider's list.
 */
@Service
class ProviderEnrollments {

    /** The highest page number the list accepts. */
    static final int MAX_PAGE = 10_000;

    /** The largest page size, in enrollments. */
    static final int MAX_SIZE = 100;

    private final MongoTemplate mongo;

    ProviderEnrollments(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Enrollments.COLLECTION).createIndex(new Index().on("providerId", Sort.Direction.ASC));
    }

    /**
     * One page of a provider's enrollments, newest first ({@code enrolledAt}, then id, both descending).
     *
     * @param credentialId only enrollments in this credential (any version); null for all
     * @param status only enrollments with this status; null for all
     * @param page page number, from 0
     * @param size enrollments per page, 1 to {@value #MAX_SIZE}
     */
    Page of(String providerId, String credentialId, Status status, int page, int size) {
        Criteria criteria = Criteria.where("providerId").is(providerId);
        if (credentialId != null) {
            criteria = criteria.and("credentialId").is(credentialId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        long total = mongo.count(Query.query(criteria), Enrollment.class);
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("enrolledAt"), Sort.Order.desc("_id")))
                .skip((long) page * size)
                .limit(size);
        return new Page(mongo.find(query, Enrollment.class), page, size, total);
    }

    /**
     * @param enrollments the enrollments on this page
     * @param number page number, from 0
     * @param size page size asked for
     * @param totalElements how many enrollments match in all
     */
    record Page(List<Enrollment> enrollments, int number, int size, long totalElements) {

        int totalPages() {
            return (int) ((totalElements + size - 1) / size);
        }
    }
}
