package org.credstack.web.learner;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;

/**
 * One credential the learner holds, as "My credentials" shows it: its standing and whether it may be renewed now.
 *
 * @param id the badge's id at badge-service (its public page is {@code /credentials/{id}})
 * @param publicUrl the credential's id as issued (its public URL), the {@code badgeId} a renewal names
 * @param credentialId the catalog credential
 * @param title the achievement's name as awarded
 * @param issuedAt when it was issued, UTC
 * @param validUntil when it expires, UTC, or {@code null}: never
 * @param standing active, expiring soon, expired, revoked or renewed
 * @param renewal where its renewal stands
 * @param renewalOpensAt when the renewal window opens, UTC, when that is still ahead; else {@code null}
 * @param renewalEnrollmentId the renewal under way, or {@code null}
 */
public record HeldCredential(
        String id,
        String publicUrl,
        String credentialId,
        String title,
        Instant issuedAt,
        Instant validUntil,
        Standing standing,
        Renewal renewal,
        Instant renewalOpensAt,
        String renewalEnrollmentId) {

    /** How long before {@code validUntil} a credential without a renewal window counts as expiring soon. */
    static final Duration SOON = Duration.ofDays(30);

    /** The statuses the issue names, in the order they win. */
    public enum Standing {
        REVOKED("Revoked"),
        RENEWED("Renewed"),
        EXPIRED("Expired"),
        EXPIRING_SOON("Expiring soon"),
        ACTIVE("Active");

        private final String text;

        Standing(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Whether the renewal button is offered, and if not, why. */
    public enum Renewal {
        /** The window is open: the button is shown. */
        OPEN,
        /** A renewal enrollment is under way. */
        IN_PROGRESS,
        /** The window opens later ({@code renewalOpensAt}). */
        NOT_YET,
        /** The window has closed. */
        CLOSED,
        /** No renewal policy, no expiry, revoked or renewed already. */
        NONE,
        /** catalog-service could not say what the renewal policy is. */
        UNKNOWN
    }

    /**
     * The renewal policy of the credential's catalog entry.
     *
     * @param window how long before {@code validUntil} renewal opens (ISO 8601 period), {@code null}: at any time
     * @param gracePeriod how long after {@code validUntil} it may still be renewed, or {@code null}
     */
    record Policy(TemporalAmount window, TemporalAmount gracePeriod) {

        /** Reads {@code renewalWindow} and {@code gracePeriod}; an unreadable period counts as absent. */
        static Policy of(String window, String gracePeriod) {
            return new Policy(amount(window), amount(gracePeriod));
        }

        private static TemporalAmount amount(String iso) {
            if (iso == null || iso.isBlank()) {
                return null;
            }
            try {
                return Period.parse(iso);
            } catch (DateTimeParseException notAPeriod) {
                try {
                    return Duration.parse(iso);
                } catch (DateTimeParseException neither) {
                    return null;
                }
            }
        }
    }

    /**
     * Decides the standing and the renewal. Periods are added in UTC (enrollment-service adds them on the provider's
     * calendar, so near a month's end the button may show a day early or late; its 409 then says why).
     *
     * @param revoked whether the verification said revoked ({@code null}: could not be checked)
     * @param renewed whether another credential of the learner renews this one
     * @param policy the renewal policy; {@code null} when the credential has none
     * @param policyKnown whether catalog-service answered (else the renewal is {@link Renewal#UNKNOWN})
     * @param renewalEnrollmentId the renewal under way, or {@code null}
     */
    static HeldCredential of(
            String id,
            String publicUrl,
            String credentialId,
            String title,
            Instant issuedAt,
            Instant validUntil,
            Boolean revoked,
            boolean renewed,
            Policy policy,
            boolean policyKnown,
            String renewalEnrollmentId,
            Instant now) {
        Instant opens = null;
        Instant closes = null;
        if (policy != null && validUntil != null) {
            opens = policy.window() == null
                    ? Instant.MIN
                    : validUntil.atOffset(ZoneOffset.UTC).minus(policy.window()).toInstant();
            closes = policy.gracePeriod() == null
                    ? validUntil
                    : validUntil
                            .atOffset(ZoneOffset.UTC)
                            .plus(policy.gracePeriod())
                            .toInstant();
        }
        Standing standing;
        if (Boolean.TRUE.equals(revoked)) {
            standing = Standing.REVOKED;
        } else if (renewed) {
            standing = Standing.RENEWED;
        } else if (validUntil != null && now.isAfter(validUntil)) {
            standing = Standing.EXPIRED;
        } else if (validUntil != null && soon(now, validUntil, opens, policy)) {
            standing = Standing.EXPIRING_SOON;
        } else {
            standing = Standing.ACTIVE;
        }
        Renewal renewal;
        if (standing == Standing.REVOKED || standing == Standing.RENEWED || validUntil == null) {
            renewal = Renewal.NONE;
        } else if (renewalEnrollmentId != null) {
            renewal = Renewal.IN_PROGRESS;
        } else if (!policyKnown) {
            renewal = Renewal.UNKNOWN;
        } else if (policy == null) {
            renewal = Renewal.NONE;
        } else if (now.isBefore(opens)) {
            renewal = Renewal.NOT_YET;
        } else if (now.isAfter(closes)) {
            renewal = Renewal.CLOSED;
        } else {
            renewal = Renewal.OPEN;
        }
        return new HeldCredential(
                id,
                publicUrl,
                credentialId,
                title,
                issuedAt,
                validUntil,
                standing,
                renewal,
                renewal == Renewal.NOT_YET ? opens : null,
                renewalEnrollmentId);
    }

    private static boolean soon(Instant now, Instant validUntil, Instant opens, Policy policy) {
        if (policy != null && policy.window() != null) {
            return !now.isBefore(opens);
        }
        return !now.isBefore(validUntil.minus(SOON));
    }
}
