package org.credstack.badge.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.credstack.badge.schema.SchemaViolation;

/**
 * The answer of a verification, with each check reported on its own (see docs/verification.md):
 *
 * <pre>{@code
 * { "credentialId": "https://.../credentials/7f...", "status": "verified",
 *   "checkedAt": "2024-03-01T09:00:00Z",
 *   "checks": {
 *     "proof":    { "status": "valid", "verificationMethod": "https://.../issuers/p-1#z6Mk..." },
 *     "issuer":   { "status": "valid", "issuer": "https://.../issuers/p-1" },
 *     "validity": { "status": "valid", "validFrom": "...", "validUntil": "..." },
 *     "schema":   { "status": "valid", "violations": [] },
 *     "credentialStatus": { "status": "valid", "statusPurpose": "revocation",
 *                           "statusListCredential": "https://.../status-lists/p-1/0", "statusListIndex": 17 } } }
 * }</pre>
 *
 * <p>Each check's {@code status} is {@code valid}, {@code invalid} or {@code unverifiable}; the validity check says
 * {@code not yet valid} or {@code expired} instead of {@code invalid} for a readable period that does not hold now,
 * and the status check {@code revoked} or {@code suspended} for a set entry. An {@code unverifiable} check names its
 * {@code cause} ({@link Unverifiable}) and a {@code detail}.
 *
 * <p>The overall {@code status}, first rule that applies:
 *
 * <ol>
 *   <li>{@code invalid}: a check failed on what the credential says (signature, schema, issuer binding, unreadable
 *       dates, malformed status entry);
 *   <li>{@code revoked}, {@code suspended}: its status list has the entry set (a rejection, given even when the
 *       proof or the list's own proof could not be checked offline, since it can only ever turn a credential away);
 *   <li>{@code unverifiable}: the proof, the issuer binding or the status could not be checked (never {@code
 *       verified} without a status that was checked). A schema that could not be applied (no bundled schema for a VC
 *       1.1 credential) is reported in its check but does not hold the answer back: the proof binds the content to
 *       its issuer, the schema only checks its shape;
 *   <li>{@code not yet valid}, {@code expired}: genuine, outside its validity period;
 *   <li>{@code verified}: every check is valid.
 * </ol>
 *
 * @param credentialId the credential's {@code id}, {@code null} if it has none
 * @param status one of {@code verified}, {@code expired}, {@code not yet valid}, {@code revoked}, {@code
 *     suspended}, {@code invalid}, {@code unverifiable}
 * @param checkedAt the instant the validity period was checked against (the service clock)
 * @param checks the separate checks
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(String credentialId, String status, Instant checkedAt, Checks checks) {

    /** Every check passed. */
    public static final String VERIFIED = "verified";
    /** Revoked by its issuer (status list entry with {@code statusPurpose} {@code revocation} set). */
    public static final String REVOKED = "revoked";
    /** Suspended by its issuer (status list entry with {@code statusPurpose} {@code suspension} set). */
    public static final String SUSPENDED = "suspended";
    /** Genuine and well-formed, but past {@code validUntil}. */
    public static final String EXPIRED = "expired";
    /** Genuine and well-formed, but before {@code validFrom}. */
    public static final String NOT_YET_VALID = "not yet valid";
    /** A check failed on what the credential says. */
    public static final String INVALID = "invalid";
    /** Something could not be checked (offline); the credential may be genuine. */
    public static final String UNVERIFIABLE = "unverifiable";

    static final String VALID = "valid";
    static final String NOT_VALID = "invalid";

    static VerificationReport of(String credentialId, Instant checkedAt, Checks checks) {
        return new VerificationReport(credentialId, overall(checks), checkedAt, checks);
    }

    static String overall(Checks checks) {
        String status = checks.credentialStatus() == null
                ? VALID
                : checks.credentialStatus().status();
        String issuer = checks.issuer() == null ? VALID : checks.issuer().status();
        List<String> all = List.of(
                checks.proof().status(),
                issuer,
                checks.schema().status(),
                checks.validity().status(),
                status);
        if (all.contains(NOT_VALID)) {
            return INVALID;
        }
        if (REVOKED.equals(status) || SUSPENDED.equals(status)) {
            return status;
        }
        if (Stream.of(checks.proof().status(), issuer, status).anyMatch(UNVERIFIABLE::equals)) {
            return UNVERIFIABLE;
        }
        return switch (checks.validity().status()) {
            case NOT_YET_VALID -> NOT_YET_VALID;
            case EXPIRED -> EXPIRED;
            default -> VERIFIED;
        };
    }

    /**
     * @param proof the Data Integrity proof (or proof set), checked with the key of its verification method
     * @param validity {@code validFrom} / {@code validUntil} against the service clock
     * @param schema the OB 3.0 AchievementCredential JSON Schema
     * @param credentialStatus the revocation or suspension status; absent when the credential has none and was
     *     not revoked here
     * @param issuer whether the proof's verification method belongs to the credential's {@code issuer}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Checks(
            ProofCheck proof,
            ValidityCheck validity,
            SchemaCheck schema,
            StatusCheck credentialStatus,
            IssuerCheck issuer) {

        /** Checks of a credential without a status to check. */
        public Checks(ProofCheck proof, ValidityCheck validity, SchemaCheck schema) {
            this(proof, validity, schema, null, null);
        }
    }

    /**
     * The credential's status (Bitstring Status List v1.0 §3.2 Validate Algorithm, StatusList2021): this service's
     * own lists are read from the store without HTTP (and a credential issued here counts as revoked as soon as its
     * badge is); another issuer's list comes from a {@link StatusListSource} and must itself verify.
     *
     * @param status {@code valid} (entry not set), {@code revoked}, {@code suspended}, {@code invalid} (malformed
     *     entry) or {@code unverifiable}
     * @param statusPurpose the entry's {@code statusPurpose}, if it names one
     * @param statusListCredential the list the credential names, if it names one
     * @param statusListIndex its entry in that list, if it names one
     * @param revokedAt when it was revoked, if it was revoked here
     * @param reason why, if it was revoked here
     * @param cause why the status could not be checked; absent otherwise
     * @param detail what failed or could not be checked, in words; absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusCheck(
            String status,
            String statusPurpose,
            String statusListCredential,
            Integer statusListIndex,
            Instant revokedAt,
            String reason,
            Unverifiable cause,
            String detail) {}

    /**
     * @param status {@code valid}, {@code invalid} or {@code unverifiable}
     * @param verificationMethod the proof's verification method, if it names one; for a VC-JWT the JOSE header's
     *     {@code kid}, or the RFC 9278 thumbprint URI ({@code urn:ietf:params:oauth:jwk-thumbprint:sha-256:...}) of
     *     the key in its {@code jwk} header
     * @param algorithm a VC-JWT's JOSE {@code alg} ({@code EdDSA}, {@code ES256}, {@code RS256}, ...); absent for
     *     a Data Integrity proof, whose {@code cryptosuite} names its algorithm
     * @param cause why the proof could not be checked; absent otherwise
     * @param detail why the proof failed or could not be checked; absent when valid
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProofCheck(
            String status, String verificationMethod, String algorithm, Unverifiable cause, String detail) {

        /** A Data Integrity proof's check (no JOSE {@code alg}). */
        public ProofCheck(String status, String verificationMethod, Unverifiable cause, String detail) {
            this(status, verificationMethod, null, cause, detail);
        }
    }

    /**
     * Whether the proof's verification method is the issuer's: its controller (the URL or DID before {@code #}) is
     * the credential's {@code issuer} id. A VC-JWT whose key came in its own {@code jwk} header is bound only when
     * that key is one the issuer's id resolves to; otherwise the binding is {@code unverifiable} (anyone can sign
     * with a key of their own and name any issuer).
     *
     * @param status {@code valid}, {@code invalid} or {@code unverifiable}
     * @param issuer the credential's issuer id
     * @param cause why the binding could not be checked; absent otherwise
     * @param detail why it is not the issuer's, how it was bound, or why that could not be told; absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IssuerCheck(String status, String issuer, Unverifiable cause, String detail) {

        /** A binding that could be checked. */
        public IssuerCheck(String status, String issuer, String detail) {
            this(status, issuer, null, detail);
        }
    }

    /**
     * @param status {@code valid}, {@code not yet valid}, {@code expired} or {@code invalid} (unreadable dates)
     * @param validFrom the credential's {@code validFrom}
     * @param validUntil the credential's {@code validUntil}; absent when it never expires
     * @param detail why the dates are unreadable; absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ValidityCheck(String status, Instant validFrom, Instant validUntil, String detail) {}

    /**
     * The OB 3.0 JSON Schema of the credential's type (AchievementCredential or EndorsementCredential), applied to
     * VC 2.0 credentials; a VC 1.1 credential (an OB 3.0 draft shape) has no bundled schema.
     *
     * @param status {@code valid}, {@code invalid} or {@code unverifiable}
     * @param violations what breaks the schema; empty when valid
     * @param cause why no schema could be applied; absent otherwise
     * @param detail which credential had no schema; absent otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SchemaCheck(String status, List<SchemaViolation> violations, Unverifiable cause, String detail) {

        /** A schema check that could be made. */
        public SchemaCheck(String status, List<SchemaViolation> violations) {
            this(status, violations, null, null);
        }
    }
}
