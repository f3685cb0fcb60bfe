package org.credstack.enrollment.statements;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The unmatched inbox: statements kept (never dropped) until a learner or an enrollment they belong to appears. */
@Service
class UnmatchedInbox {

    static final String COLLECTION = "unmatchedStatements";

    /** Why a statement waits. */
    enum Reason {
        /** No learner holds the actor's identifier (or the actor is a Group). */
        NO_LEARNER,
        /** The learner has no active enrollment with an assignment for the object's activity. */
        NO_ASSIGNMENT
    }

    private final MongoTemplate mongo;

    UnmatchedInbox(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("actorKey", Sort.Direction.ASC));
    }

    /** Holds the statement; {@code heldAt} is when it was stored, so the inbox lists statements in arrival order. */
    void hold(StoredStatement statement, Reason reason) {
        mongo.save(new UnmatchedStatement(
                statement.id(),
                reason.name(),
                statement.actorKey(),
                statement.activityId(),
                statement.verbId(),
                statement.timestamp(),
                statement.storedAt()));
    }

    void release(String statementId) {
        mongo.remove(Query.query(Criteria.where("_id").is(statementId)), UnmatchedStatement.class);
    }

    /** One page of the held statements, the most recently held first. */
    List<UnmatchedStatement> newestFirst(int page, int limit) {
        Query query = new Query()
                .with(Sort.by(Sort.Direction.DESC, "heldAt", "_id"))
                .skip((long) page * limit)
                .limit(limit);
        return mongo.find(query, UnmatchedStatement.class);
    }

    /** The statements held for any of these identifier keys; one indexed query per key. */
    List<UnmatchedStatement> heldFor(List<String> actorKeys) {
        List<UnmatchedStatement> held = new ArrayList<>();
        for (String actorKey : actorKeys) {
            held.addAll(mongo.find(Query.query(Criteria.where("actorKey").is(actorKey)), UnmatchedStatement.class));
        }
        return held;
    }
}
