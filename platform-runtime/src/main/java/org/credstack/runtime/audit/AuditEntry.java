package org.credstack.runtime.audit;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

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
        long id,
        Instant at,
        AuditActor actor,
        String action,
        String target,
        String providerId,
        Map<String, Object> details) {

    AuditEntry {
        details = details == null ? Map.of() : details;
    }

    /**
     * The stored shape, written as a plain document so that its field names stay as documented: {@code {_id, at,
     * actor: {id, roles, providerIds}, action, target, providerId?, details}}.
     */
    Document toDocument() {
        Document document = new Document("_id", id)
                .append("at", Date.from(at))
                .append(
                        "actor",
                        new Document("id", actor.id())
                                .append("roles", actor.roles())
                                .append("providerIds", actor.providerIds()))
                .append("action", action)
                .append("target", target);
        if (providerId != null) {
            document.append("providerId", providerId);
        }
        return document.append("details", new Document(details));
    }

    static AuditEntry of(Document document) {
        Document actor = document.get("actor", Document.class);
        Document details = document.get("details", Document.class);
        return new AuditEntry(
                ((Number) document.get("_id")).longValue(),
                document.getDate("at").toInstant(),
                new AuditActor(
                        actor.getString("id"),
                        actor.getList("roles", String.class, List.of()),
                        actor.getList("providerIds", String.class, List.of())),
                document.getString("action"),
                document.getString("target"),
                document.getString("providerId"),
                details == null ? Map.of() : new LinkedHashMap<>(details));
    }
}
