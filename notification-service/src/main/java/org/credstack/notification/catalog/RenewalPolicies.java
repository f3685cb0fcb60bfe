package org.credstack.notification.catalog;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.credstack.events.EventEnvelope;
import org.credstack.events.catalog.CatalogEvent;
import org.credstack.events.catalog.CredentialSnapshot;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A replica of one fact of the catalog, rebuilt from {@code catalog.credentials.v1} (compacted, read from its start
 * by this service's consumer group): which credentials can be renewed. A credential is renewable when its latest
 * version is {@code PUBLISHED} and has a renewal policy (an empty list of requirements included: renewal by
 * attestation). Idempotent by catalog version: an event about an older version than the one kept changes nothing.
 */
@Service
public class RenewalPolicies {

    private final MongoTemplate mongo;

    RenewalPolicies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies one event read from {@code catalog.credentials.v1}.
     *
     * @throws IllegalArgumentException if the envelope does not carry a catalog event
     */
    public void apply(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof CatalogEvent event)) {
            throw new IllegalArgumentException("not a catalog event: " + envelope.type());
        }
        CredentialSnapshot credential = event.credential();
        boolean renewable = "PUBLISHED".equals(credential.status()) && credential.renewalPolicy() != null;
        Query olderOrSame = Query.query(new Criteria()
                .andOperator(
                        Criteria.where("_id").is(event.credentialId()),
                        Criteria.where("version").lte(credential.version())));
        Update take = new Update()
                .set("version", credential.version())
                .set("status", credential.status())
                .set("renewable", renewable);
        if (mongo.updateFirst(olderOrSame, take, RenewableCredential.class).getMatchedCount() == 1) {
            return;
        }
        try {
            mongo.insert(new RenewableCredential(
                    event.credentialId(), credential.version(), credential.status(), renewable));
        } catch (DuplicateKeyException known) {
            mongo.updateFirst(olderOrSame, take, RenewableCredential.class);
        }
    }

    /**
     * Which of these credentials can be renewed now; one read by {@code _id}.
     *
     * @param credentialIds catalog credential ids ({@code null}s are ignored)
     * @return the renewable ones among them; unknown credentials are not
     */
    public Set<String> renewable(Collection<String> credentialIds) {
        Query query = Query.query(
                Criteria.where("_id").in(credentialIds).and("renewable").is(true));
        return mongo.find(query, RenewableCredential.class).stream()
                .map(RenewableCredential::credentialId)
                .collect(Collectors.toSet());
    }
}
