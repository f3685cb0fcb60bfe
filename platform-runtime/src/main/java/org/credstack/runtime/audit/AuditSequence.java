package org.credstack.runtime.audit;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The numbers of a service's audit entries: one counter document, {@code {_id: "auditLog", last: n}} in {@value
 * #COLLECTION}, incremented atomically, so every instance of the service takes the next number and a reader knows the
 * newest one without searching. The only class of the audit log that updates a document; it never touches an entry.
 */
class AuditSequence {

    static final String COLLECTION = "auditLogSequence";
    private static final String ID = "auditLog";
    private static final String LAST = "last";

    private final MongoTemplate mongo;

    AuditSequence(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The next number, from 1; one atomic update by {@code _id}. */
    long next() {
        Document counter = mongo.findAndModify(
                byId(),
                new Update().inc(LAST, 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                COLLECTION);
        return ((Number) counter.get(LAST)).longValue();
    }

    /** The newest number taken, 0 when none was; one read by {@code _id}. */
    long last() {
        Document counter = mongo.findOne(byId(), Document.class, COLLECTION);
        return counter == null ? 0 : ((Number) counter.get(LAST)).longValue();
    }

    private static Query byId() {
        return Query.query(Criteria.where("_id").is(ID));
    }
}
