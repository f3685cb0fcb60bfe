package org.credstack.enrollment.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.credstack.events.EventEnvelope;
import org.credstack.events.catalog.CatalogEvent;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.runtime.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * This service's copy of the catalog, rebuilt from {@code catalog.credentials.v1} (docs/architecture.md: no
 * service reads another's database). Keeps the latest snapshot per credential in the collection {@value #COLLECTION}.
 *
 * <p>Idempotent and order-tolerant: an event whose {@code ce_id} was already applied is skipped (collection
 * {@link ProcessedEvents}, {@code _id} = {@code ce_id}); an event about an older version than the one stored, or about
 * the same version but earlier in business time, changes nothing. The guard is a single conditional upsert, so a
 * replay racing a live event cannot write an older snapshot over a newer one.
 */
@Service
public class CatalogReplica {

    static final String COLLECTION = "credentials";

    /** The activity IRIs of a credential's assignments and renewal requirements, indexed. */
    static final String ACTIVITY_IDS = "activityIds";

    static final String PROVIDER_ID = "providerId";

    private static final Logger log = LoggerFactory.getLogger(CatalogReplica.class);

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final ProcessedEvents processed;

    CatalogReplica(MongoTemplate mongo, JsonMapper json, ProcessedEvents processed) {
        this.mongo = mongo;
        this.json = json;
        this.processed = processed;
        // which providers' credentials name an activity: an equality on this field, for every webhook completion
        mongo.indexOps(COLLECTION).createIndex(new Index().on(ACTIVITY_IDS, Sort.Direction.ASC));
    }

    /**
     * Applies one event read from {@code catalog.credentials.v1}.
     *
     * @param envelope an envelope whose data is a {@link CatalogEvent}
     * @return whether the replica changed
     * @throws IllegalArgumentException if the envelope does not carry a catalog event
     */
    public boolean apply(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof CatalogEvent event)) {
            throw new IllegalArgumentException("not a catalog event: " + envelope.type());
        }
        if (processed.contains(envelope.id())) {
            return false;
        }
        boolean changed = store(envelope.id().toString(), event);
        processed.remember(envelope.id(), envelope.type());
        return changed;
    }

    /**
     * The latest snapshot of a credential.
     *
     * @param credentialId the credential id
     * @return the snapshot, or empty if the catalog never published it
     */
    public Optional<CredentialSnapshot> find(String credentialId) {
        return Optional.ofNullable(mongo.findById(credentialId, ReplicatedCredential.class))
                .map(r -> json.readValue(r.snapshot(), CredentialSnapshot.class));
    }

    /**
     * The providers whose credentials (their latest snapshots, any status) name an activity as an assignment or a
     * renewal requirement. One indexed query.
     *
     * @param activityId the xAPI activity IRI
     * @return their provider ids; empty when no credential names the activity
     */
    public Set<String> providersOf(String activityId) {
        Query naming = Query.query(Criteria.where(ACTIVITY_IDS).is(activityId));
        naming.fields().include(PROVIDER_ID);
        return mongo.find(naming, Document.class, COLLECTION).stream()
                .map(d -> d.getString(PROVIDER_ID))
                .collect(Collectors.toSet());
    }

    /** The activity IRIs a snapshot's assignments and renewal requirements are reported against. */
    static List<String> activityIds(CredentialSnapshot snapshot) {
        Stream<CredentialSnapshot.Assignment> requirements =
                snapshot.renewalPolicy() == null ? Stream.of() : snapshot.renewalPolicy().requirements().stream();
        return Stream.concat(snapshot.assignments().stream(), requirements)
                .map(CredentialSnapshot.Assignment::activityId)
                .filter(id -> id != null)
                .distinct()
                .toList();
    }

    private boolean store(String eventId, CatalogEvent event) {
        CredentialSnapshot snapshot = event.credential();
        Criteria olderOrAbsent = new Criteria()
                .orOperator(
                        Criteria.where("credentialVersion").lt(snapshot.version()),
                        Criteria.where("credentialVersion")
                                .is(snapshot.version())
                                .and("occurredAt")
                                .lte(event.occurredAt()));
        Query query = Query.query(Criteria.where("_id").is(event.credentialId()).andOperator(olderOrAbsent));
        Update update = new Update()
                .set("credentialVersion", snapshot.version())
                .set("status", snapshot.status())
                .set("occurredAt", event.occurredAt())
                .set("eventId", eventId)
                .set("snapshot", json.writeValueAsString(snapshot))
                .set(
                        PROVIDER_ID,
                        snapshot.provider() == null ? null : snapshot.provider().id())
                .set(ACTIVITY_IDS, activityIds(snapshot));
        try {
            mongo.upsert(query, update, ReplicatedCredential.class);
            return true;
        } catch (DuplicateKeyException newerStored) {
            log.debug(
                    "ignored {} of {} v{}: a newer version is stored",
                    eventId,
                    event.credentialId(),
                    snapshot.version());
            return false;
        }
    }
}
