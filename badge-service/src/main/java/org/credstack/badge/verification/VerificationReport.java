package org.credstack.badge.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.credstack.badge.schema.SchemaViolation;

/**
 * The answer of a verification, with each check reported on its own:
 *
 * <pre>{@code
 * { "credentialId": "https://.../credentials/7f...", "status": "verified",  // | "revoked" | "expired" | "invalid"
 *   "checkedAt": "2024-03-01T09:00:00Z",
 *   "checks": {
 *     "proof":    { "status": "valid", "verificationMethod": "https://.../issuers/p-1#z6Mk..." },
 *     "validity": { "status": "valid", "validFrom": "...", "validUntil": "..." },  // | "not yet valid" | "expired" | "invalid"
 *     "schema":   { "status": "valid", "violations": [] },
 *     "credentialStatus": { "status": "valid",                                   // | "revoked" | "unknown"
 *                           "statusListCredential": "https://.../status-lists/p-1/0", "statusListIndex": 17,
 *                           "revokedAt": "...", "reason": "...", "detail": "..." } } }   // when they apply
 * }</pre>
 *
 * <p>{@code status} is {@code verified} when every check is valid; {@code revoked} when the proof and schema are
 * valid but the issuer revoked it (whatever the validity period says); {@code expired} when the proof and
 * schema are valid but {@code validUntil} has passed (the credential was genuine, it has run out); and
 * {@code invalid} otherwise, including a credential whose status list cannot be read (then {@code
 * credentialStatus} is {@code unknown}). A failed check says why in {@code detail} or {@code violations}. {@code
 * credentialStatus} is absent for a credential that has no {@code credentialStatus} and was not revoked here.
 *
 * @param credentialId the credential's {@code id}, {@code null} if it has none
 * @param status {@code verified}, {@code revoked}, {@code expired} or {@code invalid}
 * @param checkedAt the instant the validity period was checked against (the service clock)
 * @param checks the separate checks
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(String credentialId, String status, Instant checkedAt, Checks checks) {

    /** Every check passed. */
    public static final String VERIFIED = "verified";
    /** Genuine and well-formed, but revoked by its issuer (Bitstring Status List entry set). */
    public static final String REVOKED = "revoked";
    /** Genuine and well-formed, but past {@code validUntil}. */
    public static final String EXPIRED = "expired";
    /** The proof or the schema failed, or the credential is not valid yet or has unreadable dates. */
    public static final String INVALID = "invalid";

    static final String VALID = "valid";
    static final String NOT_VALID = "invalid";
    static final String NOT_YET_VALID = "not yet valid";
    static final String UNKNOWN = "unknown";

    static VerificationReport of(String credentialId, Instant checkedAt, Checks checks) {
        return new VerificationReport(credentialId, overall(checks), checkedAt, checks);
    }

    static String overall(Checks checks) {
        boolean genuine = VALID.equals(checks.proof().status())
                && VALID.equals(checks.schema().status());
        if (!genuine) {
            return INVALID;
        }
        if (checks.credentialStatus() != null) {
            switch (checks.credentialStatus().status()) {
                case REVOKED -> {
                    return REVOKED;
                }
                case VALID -> {}
                default -> {
                    return INVALID;
                }
            }
        }
        return switch (checks.validity().status()) {
            case VALID -> VERIFIED;
            case EXPIRED -> EXPIRED;
            default -> INVALID;
        };
    }

    /**
     * @param proof the Data Integrity proof, checked with the key of its verification method
     * @param validity {@code validFrom} / {@code validUntil} against the service clock
     * @param schema the OB 3.0 AchievementCredential JSON Schema
     * @param credentialStatus the revocation status; absent when the credential has none and was not revoked here
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Checks(ProofCheck proof, ValidityCheck validity, SchemaCheck schema, StatusCheck credentialStatus) {

        /** Checks of a credential without a status to check. */
        public Checks(ProofCheck proof, ValidityCheck validity, SchemaCheck schema) {
            this(proof, validity, schema, null);
        }
    }

    /**
     * The credential's revocation status (Bitstring Status List v1.0 §3.2 Validate Algorithm, read from this
     * service's own lists without HTTP, and from the badge when the credential is one issued here).
     *
     * @param status {@code valid} (not revoked), {@code revoked}, or {@code unknown} (the list cannot be read)
     * @param statusListCredential the list the credential names, if it names one
     * @param statusListIndex its entry in that list, if it names one
     * @param revokedAt when it was revoked, if it was revoked here
     * @param reason why, if it was revoked here
     * @param detail why the status is unknown; absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusCheck(
            String status,
            String statusListCredential,
            Integer statusListIndex,
            Instant revokedAt,
            String reason,
            String detail) {}

    /**
     * @param status {@code valid} or {@code invalid}
     * @param verificationMethod the proof's verification method, if it names one
     * @param detail why the proof failed; absent when valid
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProofCheck(String status, String verificationMethod, String detail) {}

    /**
     * @param status {@code valid}, {@code not yet valid}, {@code expired} or {@code invalid} (unreadable dates)
     * @param validFrom the credential's {@code validFrom}
     * @param validUntil the credential's {@code validUntil}; absent when it never expires
     * @param detail why the dates are unreadable; absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ValidityCheck(String status, Instant validFrom, Instant validUntil, String detail) {}

    /**
     * @param status {@code valid} or {@code invalid}
     * @param violations what breaks the schema; empty when valid
     */
    public record SchemaCheck(String status, List<SchemaViolation> violations) {}
}
