package org.credstack.badge.issuing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When an award stops being valid: {@code validFrom} plus the credential's ISO 8601 validity period,
 * added on the issuer's calendar (docs/architecture.md, "Time"). The period is added to the local date-time in the
 * provider's zone ({@link java.time.ZonedDateTime#plus}), so a month or a year ends on the same local
 * day, clamped to the end of a shorter month (2024-01-31 + P1M = 2024-02-29; 2024-02-29 + P1Y =
 * 2025-02-28), and a day is a calendar day even across a daylight-saving change.
 */
final class ValidityPeriod {

    private ValidityPeriod() {}

    /**
     * {@code validUntil} for an award.
     *
     * @param validFrom the start of validity, UTC
     * @param period ISO 8601 period such as {@code P2Y}, {@code P18M}, {@code P1Y6M}, {@code P90D};
     *     {@code null} or blank for an award that never expires
     * @param timeZone IANA zone id of the issuer, e.g. {@code Europe/Berlin}; {@code null} or blank means UTC
     * @return the end of validity, or empty when the award never expires
     * @throws IllegalArgumentException naming the value if the period is not a positive ISO 8601 period
     *     or the zone is unknown
     */
    static Optional<Instant> validUntil(Instant validFrom, String period, String timeZone) {
        if (period == null || period.isBlank()) {
            return Optional.empty();
        }
        Period parsed = parse(period);
        return Optional.of(validFrom.atZone(zone(timeZone)).plus(parsed).toInstant());
    }

    private static Period parse(String period) {
        try {
            Period parsed = Period.parse(period.trim());
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalArgumentException("validity period must be positive: " + period);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("validity period is not an ISO 8601 period (PnYnMnD): " + period, e);
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
