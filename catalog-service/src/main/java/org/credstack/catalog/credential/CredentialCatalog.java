package org.credstack.catalog.credential;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;
import org.credstack.catalog.common.Retry;
import org.credstack.catalog.common.UnknownCatalogEntry;
import org.credstack.catalog.provider.ProviderCatalog;
import org.credstack.runtime.OutboxRelay;
import org.credstack.runtime.PendingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credential use cases: each loads the aggregate, lets it change itself, and saves it together with the
 * events it raised in one document write, retrying on an optimistic-lock conflict; then nudges the relay.
 */
@Service
class CredentialCatalog {

    private static final Logger log = LoggerFactory.getLogger(CredentialCatalog.class);

    private final CredentialRepository credentials;
    private final MongoReferences references;
    private final Clock clock;
    private final JsonMapper json;
    private final OutboxRelay relay;

    CredentialCatalog(
            CredentialRepository credentials,
            ProviderCatalog providers,
            Clock clock,
            JsonMapper json,
            OutboxRelay relay) {
        this.credentials = credentials;
        this.references = new MongoReferences(providers, credentials);
        this.clock = clock;
        this.json = json;
        this.relay = relay;
    }

    Credential create(CredentialDraft content) {
        Credential credential = Credential.draft(UUID.randomUUID().toString(), null, content, references, now());
        return save(credential);
    }

    Credential get(String id) {
        return credentials.findById(id).orElseThrow(() -> new UnknownCatalogEntry("credential", id));
    }

    Credential edit(String id, CredentialDraft content) {
        return update(id, c -> c.edit(content, references, now()));
    }

    Credential publish(String id) {
        return update(id, c -> c.publish(references, now()));
    }

    Credential revise(String id, CredentialDraft content) {
        return update(id, c -> c.revise(content, references, now()));
    }

    Credential retire(String id) {
        return update(id, c -> c.retire(references, now()));
    }

    /** Loads, changes and saves one credential, again from a fresh copy when another writer came first. */
    Credential update(String id, Consumer<Credential> change) {
        return Retry.onConflict(() -> {
            Credential credential = get(id);
            change.accept(credential);
            return save(credential);
        });
    }

    CatalogReferences references() {
        return references;
    }

    /** Saves state and raised events in one write, then publishes them promptly. */
    Credential save(Credential credential) {
        Credential saved = saveWithoutRelay(credential);
        relayNow();
        return saved;
    }

    /** Saves state and raised events in one write; the caller relays. */
    Credential saveWithoutRelay(Credential credential) {
        Instant now = now();
        credential.stageEvents(event -> PendingEvent.of(event, now, json));
        return credentials.save(credential);
    }

    void relayNow() {
        try {
            relay.relay();
        } catch (RuntimeException e) {
            // the events are safe in the document; the scheduled relay sends them later
            log.warn("prompt outbox relay failed, the scheduled one will retry: {}", e.toString());
        }
    }

    /** Now, at the millisecond precision MongoDB stores, so events and reads agree. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
