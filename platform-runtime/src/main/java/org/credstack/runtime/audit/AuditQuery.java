package org.credstack.runtime.audit;

import java.time.Instant;

/**
 * What an operator asks of the audit log: every filter is optional, all given ones must hold.
 *
 * @param action the exact action name
 * @param actorId the exact actor id
 * @param providerId the exact provider id
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param limit at most this many entries, 1 to {@value AuditLog#MAX_LIMIT}
 * @param before only entries numbered below this (the {@code cursor} of a previous page), or {@code null} for the
 *     newest
 */
record AuditQuery(String action, String actorId, String providerId, Instant from, Instant to, int limit, Long before) {

    /** Whether any filter besides the time range is given. */
    boolean filtered() {
        return action != null || actorId != null || providerId != null;
    }

    boolean matches(AuditEntry entry) {
        return (action == null || action.equals(entry.action()))
                && (actorId == null || actorId.equals(entry.actor().id()))
                && (providerId == null || providerId.equals(entry.providerId()))
                && (from == null || !entry.at().isBefore(from))
                && (to == null || entry.at().isBefore(to));
    }
}
