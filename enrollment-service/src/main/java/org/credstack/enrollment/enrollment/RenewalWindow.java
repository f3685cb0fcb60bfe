package org.credstack.enrollment.enrollment;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.credstack.events.catalog.CredentialSnapshot.RenewalPolicy;

/**
 * When a badge may be renewed: from {@code validUntil} minus the policy's {@code renewalWindow} (from
 * {@code validFrom} when the policy names no window: any time) up to {@code validUntil}, or up to {@code validUntil}
 * plus the policy's {@code gracePeriod} when it has one. Both ends are inclusive, as the verifier counts a badge valid
 * at its {@code validUntil}. Periods are counted on the issuer's calendar (docs/architecture.md, "Time").
 *
 * @param opens first instant a renewal may start, UTC
 * @param validUntil the badge's {@code validUntil}, UTC
 * @param closes last instant a renewal may start, UTC: {@code validUntil}, or the end of the grace period
 */
record RenewalWindow(Instant opens, Instant validUntil, Instant closes) {

    RenewalWindow {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(closes, "closes");
    }

    /**
     * The window of a badge under a renewal policy.
     *
     * @param validFrom the badge's {@code validFrom}
     * @param validUntil the badge's {@code validUntil} (not {@code null}: a badge that never expires is not renewed)
     * @param policy the credential's renewal policy
     * @param timeZone IANA zone of the issuer; {@code null} or blank means UTC
     * @throws IllegalArgumentException if a period of the policy is not an ISO 8601 period
     */
    static RenewalWindow of(Instant validFrom, Instant validUntil, RenewalPolicy policy, String timeZone) {
        ZoneId zone = zone(timeZone);
        Period window = period(policy.renewalWindow());
        Period grace = period(policy.gracePeriod());
        Instant opens = window == null
                ? (validFrom == null ? Instant.MIN : validFrom)
                : validUntil.atZone(zone).minus(window).toInstant();
        Instant closes =
                grace == null ? validUntil : validUntil.atZone(zone).plus(grace).toInstant();
        return new RenewalWindow(opens, validUntil, closes);
    }

    /** Whether a renewal may start at {@code now}. */
    boolean contains(Instant now) {
        return !now.isBefore(opens) && !now.isAfter(closes);
    }

    /** Whether {@code now} is past {@code validUntil}: the badge has lapsed (within or after the grace period). */
    boolean lapsed(Instant now) {
        return now.isAfter(validUntil);
    }

    /** The window in words, for a refusal: "from 2027-01-01T09:00:00Z to 2027-03-01T09:00:00Z". */
    String describe() {
        String from = opens.equals(Instant.MIN) ? "issuance" : opens.toString();
        String until = closes.equals(validUntil)
                ? closes + " (its validUntil)"
                : closes + " (validUntil " + validUntil + " plus the grace period)";
        return "from " + from + " to " + until;
    }

    private static Period period(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Period.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("renewal policy period is not an ISO 8601 period: " + text, e);
        }
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("provider time zone is not an IANA zone id: " + timeZone, e);
        }
    }
}
