package org.credstack.runtime.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;

/**
 * One entry of a service's audit log, as stored in {@value AuditLog#COLLECTION} and as {@code GET
 * /api/v1/audit-log} lists it (docs/audit-log.md). Entries are only ever inserted.
 *
 * @param id the entry's sequence number in this service's log, from 1, in the order entries were written; the
 *     {@code _id}
 * @param at when the action happened (the service's injected clock), UTC, millisecond precision
 * @param actor who did it
 * @param action a stable dotted name, {@code <resource>.<past-tense verb>}: {@code credential.published}, ...
 * @param target the resource's id or path
 * @param providerId the provider the resource belongs to, or {@code null}
 * @param details a few small facts of the action (a version, a reason); never a secret, hash or token
 */
record AuditEntry(
        @Id long id,
        Instant at,
        AuditActor actor,
        String action,
        String target,
        String providerId,
        Map<String, Object> details) {

    public AuditEntry {
        details = details == null ? Map.of() : details;
    }
}
