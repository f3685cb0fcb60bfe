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

    /** The multikey-indexed array of each entry's actor keys, exact and folded ({@link UnmatchedStatement#matchKeys}). */
    static final String MATCH_KEYS = "matchKeys";

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
        mongo.indexOps(COLLECTION).createIndex(new Index().on(MATCH_KEYS, Sort.Direction.ASC));
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
                statement.providerIds(),
                UnmatchedStatement.matchKeysOf(statement.actorKey(), statement.actorFoldedKey())));
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
     * The ids of the statements held for any of these exact or folded identifier keys, each once: one indexed {@code
     * $in} read of {@value #MATCH_KEYS}, which holds each entry's exact and folded key. It may name an entry whose
     * exact key equals one of the folded keys or the reverse; the match that runs again decides, as for any other.
     */
    Set<String> heldFor(List<String> actorKeys, List<String> foldedKeys) {
        Set<String> keys = new LinkedHashSet<>(actorKeys);
        keys.addAll(foldedKeys);
        if (keys.isEmpty()) {
            return Set.of();
        }
        Query held = Query.query(Criteria.where(MATCH_KEYS).in(keys));
        held.fields().include("_id");
        Set<String> ids = new LinkedHashSet<>();
        mongo.find(held, org.bson.Document.class, COLLECTION).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }
}
