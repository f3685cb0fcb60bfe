package org.credstack.catalog.credential;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.credstack.catalog.common.UnknownCatalogEntry;
import org.credstack.catalog.provider.ProviderCatalog;
import org.credstack.runtime.ConflictRetry;
import org.credstack.runtime.Outbox;
import org.credstack.runtime.audit.AuditLog;
import org.credstack.runtime.audit.AuditTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Credential use cases: each loads the aggregate, lets it change itself, and saves it together with the
 * events it raised in one document write, retrying on an optimistic-lock conflict; then publishes them. Publishing,
 * revising and retiring are recorded in the audit log once saved (docs/audit-log.md).
 */
@Service
class CredentialCatalog {

    private static final Logger log = LoggerFactory.getLogger(CredentialCatalog.class);

    private final CredentialRepository credentials;
    private final MongoReferences references;
    private final Clock clock;
    private final Outbox outbox;
    private final ConflictRetry conflicts;
    private final AuditLog auditLog;

    CredentialCatalog(
            CredentialRepository credentials,
            ProviderCatalog providers,
            Clock clock,
            Outbox outbox,
            ConflictRetry conflicts,
            AuditLog auditLog) {
        this.credentials = credentials;
        this.references = new MongoReferences(providers, credentials);
        this.clock = clock;
        this.outbox = outbox;
        this.conflicts = conflicts;
        this.auditLog = auditLog;
    }

    /**
     * Creates a draft, once {@code mayWrite} accepted the provider the draft names.
     *
     * @param mayWrite throws to refuse writing for a provider id ({@code ""} when the draft names none)
     */
    Credential create(CredentialDraft content, Consumer<String> mayWrite) {
        mayWrite.accept(providerOf(content));
        Credential credential = Credential.draft(UUID.randomUUID().toString(), null, content, references, now());
        return save(credential);
    }

    Credential get(String id) {
        return credentials.findById(id).orElseThrow(() -> new UnknownCatalogEntry("credential", id));
    }

    /** Replaces the draft; {@code mayWrite} must accept the stored provider and the one the content names. */
    Credential edit(String id, CredentialDraft content, Consumer<String> mayWrite) {
        return update(id, mayWrite, c -> {
            mayWrite.accept(providerOf(content));
            c.edit(content, references, now());
        });
    }

    Credential publish(String id, Consumer<String> mayWrite) {
        return audited("credential.published", null, update(id, mayWrite, c -> c.publish(references, now())));
    }

    /** Publishes the next version; {@code mayWrite} must accept the stored provider and the one it names. */
    Credential revise(String id, CredentialDraft content, Consumer<String> mayWrite) {
        return audited("credential.revised", null, update(id, mayWrite, c -> {
            mayWrite.accept(providerOf(content));
            c.revise(content, references, now());
        }));
    }

    Credential retire(String id, Consumer<String> mayWrite) {
        return audited("credential.retired", null, update(id, mayWrite, c -> c.retire(references, now())));
    }

    /**
     * Records a saved lifecycle change in the audit log: target {@code /api/v1/credentials/{id}}, the credential's
     * provider, and its latest published version.
     *
     * @param via how, when not by the credential endpoints ({@code import}); else {@code null}
     * @return the credential
     */
    Credential audited(String action, String via, Credential credential) {
        Map<String, Object> details = new LinkedHashMap<>();
        credential.latest().ifPresent(v -> details.put("version", v.version()));
        details.put("via", via);
        auditLog.record(
                action,
                AuditTarget.ofProvider(credential.content().providerId(), "/api/v1/credentials/" + credential.id()),
                details);
        return credential;
    }

    /**
     * Loads, checks, changes and saves one credential, again from a fresh copy when another writer came first.
     * {@code mayWrite} sees the provider of the stored record (of each fresh copy), before anything changes.
     */
    Credential update(String id, Consumer<String> mayWrite, Consumer<Credential> change) {
        return conflicts.run(() -> {
            Credential credential = get(id);
            mayWrite.accept(providerOf(credential.content()));
            change.accept(credential);
            return save(credential);
        });
    }

    private static String providerOf(CredentialDraft content) {
        return content.providerId() == null ? "" : content.providerId();
    }

    CatalogReferences references() {
        return references;
    }

    /** Saves state and raised events in one write, then publishes them promptly. */
    Credential save(Credential credential) {
        Credential saved = saveWithoutPublishing(credential);
        publishEvents(List.of(saved));
        return saved;
    }

    /** Saves state and raised events in one write; the caller then calls {@link #publishEvents}. */
    Credential saveWithoutPublishing(Credential credential) {
        credential.stageEvents(outbox::stage);
        return credentials.save(credential);
    }

    /** Publishes the saved credentials' events now; what fails stays in their documents for the outbox sweep. */
    void publishEvents(List<Credential> saved) {
        for (Credential credential : saved) {
            try {
                outbox.publish(Credential.COLLECTION, credential.id(), credential.pendingEvents());
            } catch (RuntimeException e) {
                log.warn("prompt outbox publish failed, the sweep will retry: {}", e.toString());
            }
        }
    }

    /** Now, at the millisecond precision MongoDB stores, so events and reads agree. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
