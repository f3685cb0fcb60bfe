package org.credstack.enrollment.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.credstack.events.EventEnvelope;
import org.credstack.events.catalog.CatalogEvent;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.runtime.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    /**
     * Which providers' credentials have an assignment for an activity: {@code _id} = activity IRI, {@code providerIds}
     * = the providers, added to as credentials are published and never removed (docs/partner-keys.md).
     */
    static final String ACTIVITIES = "activityProviders";

    private static final Logger log = LoggerFactory.getLogger(CatalogReplica.class);

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final ProcessedEvents processed;

    CatalogReplica(MongoTemplate mongo, JsonMapper json, ProcessedEvents processed) {
        this.mongo = mongo;
        this.json = json;
        this.processed = processed;
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
     * The providers whose credentials have an assignment for each of these activities; one query by {@code _id}.
     *
     * @return for each activity the replica knows, its providers; activities it does not know are left out
     */
    public Map<String, Set<String>> providersOf(Collection<String> activityIds) {
        if (activityIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<String>> providers = new HashMap<>();
        for (Document d : mongo.find(Query.query(Criteria.where("_id").in(activityIds)), Document.class, ACTIVITIES)) {
            providers.put(d.getString("_id"), Set.copyOf(d.getList("providerIds", String.class, List.of())));
        }
        return providers;
    }

    /** Adds the snapshot's provider to each activity of its assignments and renewal requirements; idempotent. */
    void recordActivities(CredentialSnapshot snapshot) {
        if (snapshot.provider() == null || snapshot.provider().id() == null) {
            return;
        }
        Stream<CredentialSnapshot.Assignment> requirements =
                snapshot.renewalPolicy() == null ? Stream.of() : snapshot.renewalPolicy().requirements().stream();
        Stream.concat(snapshot.assignments().stream(), requirements)
                .map(CredentialSnapshot.Assignment::activityId)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(activityId -> mongo.upsert(
                        Query.query(Criteria.where("_id").is(activityId)),
                        new Update().addToSet("providerIds", snapshot.provider().id()),
                        ACTIVITIES));
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
                .set("snapshot", json.writeValueAsString(snapshot));
        try {
            mongo.upsert(query, update, ReplicatedCredential.class);
            recordActivities(snapshot);
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
