package org.credstack.badge.catalog;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.credstack.badge.issuer.Issuers;
import org.credstack.events.EventEnvelope;
import org.credstack.events.catalog.CatalogEvent;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.ComponentRule;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The badge service's copy of the catalog, built from {@code catalog.credentials.v1}: every version of
 * every credential, because a badge is built from the version the learner completed, not the latest.
 *
 * <p>Stored in the collection {@code catalogVersions}, one document per credential version:
 *
 * <pre>{@code
 * { "_id": "<credentialId>@<version>", "credentialId": "...", "version": 3,
 *   "occurredAt": ISODate(...),      // business time of the catalog event that wrote it
 *   "snapshot": "{...}" }            // the CredentialSnapshot as JSON, exactly as read
 * }</pre>
 *
 * <p>For stacks it also keeps which stacks name which component credential, directly or in nested rules, in
 * {@code stackComponents} ({@code { "_id": "<componentId>|<stackId>", "componentId", "stackId" }}, indexed on
 * {@code componentId}), so "which stacks name credential X" is one indexed read. An entry is never removed: a
 * revision that drops a component leaves a harmless extra candidate, evaluated against the stack's latest rule.
 *
 * <p>Idempotent and order-tolerant: an event only replaces a stored version when it is at least as
 * recent ({@code occurredAt}), so duplicates and replays of the compacted topic change nothing. Each
 * snapshot also registers its provider as an issuer (see {@link Issuers#register}).
 */
@Service
public class CatalogReplica implements InitializingBean {

    static final String COLLECTION = "catalogVersions";
    static final String STACK_COMPONENTS = "stackComponents";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Issuers issuers;

    CatalogReplica(MongoTemplate mongo, JsonMapper json, Issuers issuers) {
        this.mongo = mongo;
        this.json = json;
        this.issuers = issuers;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index("credentialId", Sort.Direction.ASC));
        mongo.indexOps(STACK_COMPONENTS).createIndex(new Index("componentId", Sort.Direction.ASC));
    }

    /**
     * Records the snapshot a catalog event carries.
     *
     * @param envelope an event read from {@code catalog.credentials.v1}
     * @throws IllegalArgumentException if the snapshot has no credential id or provider
     */
    public void record(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof CatalogEvent event)) {
            throw new IllegalArgumentException("not a catalog event: " + envelope.type());
        }
        CredentialSnapshot snapshot = event.credential();
        if (snapshot == null || snapshot.id() == null || snapshot.provider() == null) {
            throw new IllegalArgumentException(
                    envelope.type() + " " + envelope.id() + " has no snapshot id or provider; cannot issue from it");
        }
        store(snapshot, event.occurredAt());
        if (snapshot.stackRule() != null) {
            indexComponents(snapshot.id(), snapshot.stackRule());
        }
        issuers.register(snapshot.provider(), event.occurredAt());
    }

    /** The snapshot of one credential version, if the replica has seen it. */
    public Optional<CredentialSnapshot> version(String credentialId, int version) {
        var stored = mongo.findById(id(credentialId, version), org.bson.Document.class, COLLECTION);
        return Optional.ofNullable(stored)
                .map(document -> json.readValue(document.getString("snapshot"), CredentialSnapshot.class));
    }

    /**
     * The latest version of a credential the replica has seen (the highest version number; a retirement rewrites
     * that version with status {@code RETIRED}), read through the {@code credentialId} index.
     */
    public Optional<CredentialSnapshot> latest(String credentialId) {
        Query query = new Query(Criteria.where("credentialId").is(credentialId))
                .with(Sort.by(Sort.Direction.DESC, "version"))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(query, org.bson.Document.class, COLLECTION))
                .map(document -> json.readValue(document.getString("snapshot"), CredentialSnapshot.class));
    }

    /**
     * The ids of the stacks whose rule (in any version) names {@code credentialId}, directly or in a nested rule;
     * whether such a stack is published, and what its latest rule says, is for the caller to read with {@link
     * #latest}.
     */
    public List<String> stacksNaming(String credentialId) {
        return mongo
                .find(
                        new Query(Criteria.where("componentId").is(credentialId)),
                        org.bson.Document.class,
                        STACK_COMPONENTS)
                .stream()
                .map(entry -> entry.getString("stackId"))
                .distinct()
                .toList();
    }

    /** Every component credential id a rule names, its nested rules' included, in order of first mention. */
    public static Set<String> componentIds(ComponentRule rule) {
        Set<String> ids = new LinkedHashSet<>(rule.credentialIds());
        rule.rules().forEach(nested -> ids.addAll(componentIds(nested)));
        return ids;
    }

    private void indexComponents(String stackId, ComponentRule rule) {
        for (String componentId : componentIds(rule)) {
            mongo.upsert(
                    new Query(Criteria.where("_id").is(componentId + "|" + stackId)),
                    new Update().set("componentId", componentId).set("stackId", stackId),
                    STACK_COMPONENTS);
        }
    }

    private void store(CredentialSnapshot snapshot, Instant occurredAt) {
        String id = id(snapshot.id(), snapshot.version());
        Query notNewer = new Query(Criteria.where("_id")
                .is(id)
                .orOperator(
                        Criteria.where("occurredAt").lte(occurredAt),
                        Criteria.where("occurredAt").exists(false)));
        Update update = new Update()
                .set("credentialId", snapshot.id())
                .set("version", snapshot.version())
                .set("occurredAt", occurredAt)
                .set("snapshot", json.writeValueAsString(snapshot));
        try {
            mongo.upsert(notNewer, update, COLLECTION);
        } catch (DuplicateKeyException newerStored) {
            // the upsert tried to insert because the stored version is more recent: keep it
        }
    }

    private static String id(String credentialId, int version) {
        return credentialId + "@" + version;
    }
}
