package org.credstack.enrollment.statements;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.credstack.enrollment.learner.IdentifierKeys;
import org.credstack.enrollment.progress.ProgressStatement;
import org.credstack.enrollment.xapi.Activity;
import org.credstack.enrollment.xapi.Agent;
import org.credstack.enrollment.xapi.Ifi;
import org.credstack.enrollment.xapi.Statement;
import org.credstack.enrollment.xapi.StatementRef;
import org.credstack.runtime.StoreQueries;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Every accepted statement, one document each in {@value #COLLECTION} ({@code _id} = statement id).
 *
 * <p>Voiding (xAPI Data section 2.3.2): a voiding statement is stored as received and marks its target voided, unless
 * the target is itself a voiding statement; such a statement is accepted (200), stored, and changes nothing, as the
 * LRS conformance suite requires of an LRS that accepts it (XAPI-00016).
 *
 * <p>A batch is all or nothing: every id is checked against what is stored before anything is written; a repeated id
 * with the same content (xAPI Data section 2.3.1) is a no-op, with other content a {@link StatementConflict}. New
 * statements are then inserted one by one, voiding statements last, so a crash part-way leaves a prefix that a retry
 * of the same batch completes (the stored ones are then same-content repeats). Only a concurrent request writing one
 * of the same ids with other content between the check and the insert can leave part of a batch stored; it is then
 * answered 409.
 */
@Service
class StatementLog {

    static final String COLLECTION = "statements";

    private final MongoTemplate mongo;
    private final Clock clock;

    StatementLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("actorKey", Sort.Direction.ASC).on("activityId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION)
                .createIndex(
                        new Index().on("actorFoldedKey", Sort.Direction.ASC).on("activityId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("voids", Sort.Direction.ASC).sparse());
        // the matching sweep reads only the statements not matched yet
        mongo.indexOps(COLLECTION).createIndex(new Index().on("processed", Sort.Direction.ASC));
    }

    /**
     * Stores a validated batch.
     *
     * @param batch statements in request order
     * @param pointer the JSON pointer of a statement's id in the request, by position
     * @param providerIds the providers of the reporting partner, stored with each new statement; {@code null} for any
     * @return the statements of the batch that matching has not run for yet (new ones and earlier unfinished ones),
     *     and which of them this call inserted
     * @throws StatementConflict naming the pointer of the first id stored with other content
     */
    Recorded record(List<Statement> batch, Function<Integer, String> pointer, List<String> providerIds) {
        Instant now = clock.instant();
        Map<String, StoredStatement> existing =
                find(batch.stream().map(s -> key(s)).toList());
        List<StoredStatement> fresh = new ArrayList<>();
        List<StoredStatement> pending = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Statement statement = batch.get(i);
            StoredStatement stored = existing.get(key(statement));
            if (stored == null) {
                fresh.add(of(statement, now, providerIds));
            } else if (!stored.contentKey().equals(statement.contentKey())) {
                throw new StatementConflict(pointer.apply(i), statement.id().toString());
            } else if (!stored.processed()) {
                pending.add(stored);
            }
        }
        fresh.sort(Comparator.comparing(StoredStatement::isVoiding));
        Set<String> voided = voidedAmong(fresh.stream().map(StoredStatement::id).toList());
        // xAPI Data 2.3.2.s2.b3: a voiding statement is never voided, even when one targeting it came first
        List<StoredStatement> toInsert = fresh.stream()
                .map(s -> s.voided(!s.isVoiding() && voided.contains(s.id())))
                .toList();
        Set<String> inserted = new HashSet<>();
        try {
            // one ordered write for the batch: a crash part-way leaves a prefix, as one-by-one inserts did
            for (StoredStatement stored : mongo.insertAll(toInsert)) {
                inserted.add(stored.id());
                pending.add(stored);
            }
        } catch (DuplicateKeyException concurrent) {
            // another request stored some of them meanwhile: none counts as inserted here
            for (StoredStatement statement : toInsert) {
                pending.add(insert(statement, pointer.apply(batch.indexOf(byId(batch, statement.id())))));
            }
        }
        return new Recorded(pending, inserted);
    }

    /**
     * What {@link #record} stored.
     *
     * @param toMatch the batch's statements that matching has not run for yet
     * @param inserted the ids among them that this request inserted: no match has seen them, so none is in the inbox
     */
    record Recorded(List<StoredStatement> toMatch, Set<String> inserted) {}

    /**
     * Stores a partner's record unless its id is stored already.
     *
     * @return the record if matching has not run for it yet, else {@code null}
     */
    StoredStatement recordPartner(StoredStatement record) {
        StoredStatement stored = mongo.findById(record.id(), StoredStatement.class);
        if (stored != null) {
            return stored.processed() ? null : stored;
        }
        try {
            return mongo.insert(record.voided(isVoided(record.id())));
        } catch (DuplicateKeyException redelivered) {
            return null;
        }
    }

    /**
     * The non-voided statements of a learner about an activity: those whose actor has one of the learner's exact keys,
     * and those whose actor's folded key is one the learner holds alone. One indexed query per kind of key ({@code $in}
     * on the first field of the {@code (key, activityId)} index, which the embedded store narrows too); each statement
     * once.
     */
    List<StoredStatement> about(List<String> actorKeys, List<String> foldedKeys, String activityId) {
        Map<String, StoredStatement> about = new LinkedHashMap<>();
        aboutActivity("actorKey", actorKeys, activityId).forEach(s -> about.put(s.id(), s));
        aboutActivity("actorFoldedKey", foldedKeys, activityId).forEach(s -> about.putIfAbsent(s.id(), s));
        return List.copyOf(about.values());
    }

    private List<StoredStatement> aboutActivity(String keyField, List<String> keys, String activityId) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return mongo.find(
                Query.query(Criteria.where(keyField)
                        .in(keys)
                        .and("activityId")
                        .is(activityId)
                        .and("voided")
                        .is(false)),
                StoredStatement.class);
    }

    StoredStatement get(String id) {
        return mongo.findById(id, StoredStatement.class);
    }

    /**
     * Marks the target of a voiding statement voided, unless the target is itself a voiding statement: xAPI Data
     * section 2.3.2.s2.b3 (a statement is voided if and only if it is not itself a voiding statement and a voiding
     * statement refers to it) and LRS conformance requirement XAPI-00016 (a voiding statement that targets another is
     * accepted and ignored). A target not stored yet is handled when it arrives ({@link #record}).
     */
    void markVoided(String id) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id).and("voids").is(null)),
                Update.update("voided", true),
                StoredStatement.class);
    }

    void markProcessed(List<String> ids) {
        mongo.updateMulti(
                Query.query(Criteria.where("_id").in(ids)), Update.update("processed", true), StoredStatement.class);
    }

    private StoredStatement insert(StoredStatement statement, String pointer) {
        try {
            return mongo.insert(statement);
        } catch (DuplicateKeyException concurrent) {
            StoredStatement stored = get(statement.id());
            if (!stored.contentKey().equals(statement.contentKey())) {
                throw new StatementConflict(pointer, statement.id());
            }
            return stored;
        }
    }

    /** A voiding statement may arrive before the statement it voids. */
    private boolean isVoided(String id) {
        return StoreQueries.exists(mongo, Query.query(Criteria.where("voids").is(id)), StoredStatement.class);
    }

    /** Which of these statement ids a stored voiding statement voids; one indexed query. */
    private Set<String> voidedAmong(List<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Query voiding = Query.query(Criteria.where("voids").in(ids));
        voiding.fields().include("voids");
        return mongo.find(voiding, Document.class, COLLECTION).stream()
                .map(d -> d.getString("voids"))
                .collect(Collectors.toSet());
    }

    private Map<String, StoredStatement> find(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), StoredStatement.class).stream()
                .collect(Collectors.toMap(StoredStatement::id, s -> s));
    }

    private static Statement byId(List<Statement> batch, String id) {
        return batch.stream().filter(s -> key(s).equals(id)).findFirst().orElseThrow();
    }

    private static String key(Statement statement) {
        return statement.id().toString();
    }

    private static StoredStatement of(Statement statement, Instant now, List<String> providerIds) {
        ProgressStatement progress = ProgressStatement.of(statement, now);
        return new StoredStatement(
                key(statement),
                key(statement),
                "XAPI",
                statement.json(),
                statement.contentKey(),
                now,
                progress.timestamp().toString(),
                actorKey(statement),
                IdentifierKeys.folded(actorKey(statement)),
                statement.object() instanceof Activity a ? a.id() : null,
                progress.verbId(),
                progress.kind().name(),
                progress.success(),
                progress.completion(),
                progress.scaled(),
                statement.isVoiding() && statement.object() instanceof StatementRef ref
                        ? ref.id().toString()
                        : null,
                false,
                false,
                providerIds);
    }

    /** xAPI Data section 2.4.2.3: an Agent's one identifier; a Group is nobody's enrollment. */
    private static String actorKey(Statement statement) {
        if (!(statement.actor() instanceof Agent agent)) {
            return null;
        }
        return switch (agent.ifi()) {
            case Ifi.Account a -> IdentifierKeys.account(a.homePage(), a.name());
            case Ifi.Mbox m -> IdentifierKeys.mbox(m.iri());
            case Ifi.MboxSha1Sum h -> IdentifierKeys.sha1(h.hex());
            case Ifi.OpenId o -> "openid:" + o.uri();
        };
    }
}
