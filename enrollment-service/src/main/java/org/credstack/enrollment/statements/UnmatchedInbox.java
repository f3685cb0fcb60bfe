package org.credstack.enrollment.statements;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
        /**
         * The actor's {@code mbox} is no learner's exactly, and equals the emails of several learners when case is
         * ignored: which one is meant is ambiguous, so none is credited.
         */
        AMBIGUOUS_LEARNER,
        /** The learner has no active enrollment with an assignment for the object's activity. */
        NO_ASSIGNMENT
    }

    private final MongoTemplate mongo;

    UnmatchedInbox(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("actorKey", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("actorFoldedKey", Sort.Direction.ASC));
    }

    /** Holds the statement; {@code heldAt} is when it was stored, so the inbox lists statements in arrival order. */
    void hold(StoredStatement statement, Reason reason) {
        mongo.save(new UnmatchedStatement(
                statement.id(),
                reason.name(),
                statement.actorKey(),
                statement.actorFoldedKey(),
                statement.activityId(),
                statement.verbId(),
                statement.timestamp(),
                statement.storedAt(),
                statement.providerIds()));
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

    /**
     * The ids of the statements held for any of these exact or folded identifier keys, each once; one indexed
     * {@code $in} query per kind of key.
     */
    Set<String> heldFor(List<String> actorKeys, List<String> foldedKeys) {
        Set<String> held = new LinkedHashSet<>();
        held.addAll(held("actorKey", actorKeys));
        held.addAll(held("actorFoldedKey", foldedKeys));
        return held;
    }

    /** One indexed {@code $in} read per key field, however many keys the learner has. */
    private List<String> held(String keyField, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where(keyField).in(keys)), UnmatchedStatement.class).stream()
                .map(UnmatchedStatement::statementId)
                .toList();
    }
}
