package org.credstack.runtime.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.credstack.runtime.problem.Problems;
import org.credstack.runtime.security.Access;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators read the service's audit log (docs/audit-log.md):
 *
 * <pre>{@code
 * GET /api/v1/audit-log?action=credential.published&actorId=u-1&providerId=p-1
 *                      &from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&limit=50&cursor=1234
 * → 200 {"entries": [{"id": 1233, "at": "2026-01-31T09:00:00Z",
 *                     "actor": {"id": "u-1", "roles": ["provider_staff"], "providerIds": ["p-1"]},
 *                     "action": "credential.published", "target": "/api/v1/credentials/3f2a...",
 *                     "providerId": "p-1", "details": {"version": 1}}],
 *        "next": "1233"}
 * }</pre>
 *
 * Newest first. Every filter is optional and exact; {@code from} (inclusive) and {@code to} (exclusive) are RFC 3339
 * date-times with an offset; {@code limit} is 1 to {@value AuditLog#MAX_LIMIT} (default {@value
 * AuditLog#DEFAULT_LIMIT}). {@code next} is the {@code cursor} for the following page, {@code null} at the end; a page
 * may hold fewer entries than the limit and still have a {@code next} (a filtered read looks at most {@value
 * AuditLog#MAX_EXAMINED} entries per page). 400 {@code invalid-request} naming the parameter; 401 without a token, 403
 * for anyone but an operator.
 */
@RestController
class AuditLogController {

    private final AuditLog auditLog;
    private final Access access;

    AuditLogController(AuditLog auditLog, Access access) {
        this.auditLog = auditLog;
        this.access = access;
    }

    @GetMapping("/api/v1/audit-log")
    AuditPage read(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actorId,
            @RequestParam(required = false) String providerId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        access.requireOperator();
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidParameter("to", "to must be after from");
        }
        return auditLog.read(new AuditQuery(
                blankToNull(action),
                blankToNull(actorId),
                blankToNull(providerId),
                since,
                until,
                limit(limit),
                cursor(cursor)));
    }

    @ExceptionHandler(InvalidParameter.class)
    ProblemDetail invalidParameter(InvalidParameter e) {
        return Problems.invalidRequest(e.field, e.getMessage());
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(
                    field, field + " is an RFC 3339 date-time with an offset, e.g. 2026-01-31T09:00:00Z");
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return AuditLog.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= AuditLog.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter("limit", "limit is a whole number from 1 to " + AuditLog.MAX_LIMIT);
    }

    private static Long cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long cursor = Long.parseLong(value);
            if (cursor >= 1) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter("cursor", "cursor is the next of an earlier page");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static final class InvalidParameter extends RuntimeException {

        private final String field;

        InvalidParameter(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
