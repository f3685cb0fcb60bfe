package org.credstack.badge.verification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.credstack.badge.issuing.Revocation;
import org.credstack.badge.status.StatusListEntry;
import org.credstack.badge.status.StatusLists;
import org.credstack.badge.verification.VerificationReport.ProofCheck;
import org.credstack.badge.verification.VerificationReport.StatusCheck;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code credentialStatus} check: W3C Bitstring Status List v1.0 ({@code BitstringStatusListEntry}, purposes
 * {@code revocation} and {@code suspension}) and its predecessor StatusList2021 ({@code StatusList2021Entry}). This
 * service's own revocation lists are read from the store; any other list comes from the {@link StatusListSource},
 * and its credential must be a status list of the entry's purpose, within its validity period, with a proof that
 * checks (by {@code listProof}). A set entry counts even when that proof could not be checked offline (a rejection
 * only); an unset entry counts only when the list's proof is valid.
 */
final class CredentialStatuses {

    private static final Set<String> ENTRY_TYPES = Set.of("BitstringStatusListEntry", "StatusList2021Entry");
    private static final Set<String> LIST_TYPES = Set.of("BitstringStatusListCredential", "StatusList2021Credential");
    private static final String SUSPENSION = "suspension";
    private static final String GZIP_BASE64URL = "H4sI";

    private final StatusLists ownLists;
    private final StatusListSource source;
    private final Function<ObjectNode, ProofCheck> listProof;

    CredentialStatuses(StatusLists ownLists, StatusListSource source, Function<ObjectNode, ProofCheck> listProof) {
        this.ownLists = ownLists;
        this.source = source;
        this.listProof = listProof;
    }

    /** The status of {@code credential}; {@code null} when it has none and was not revoked here. */
    StatusCheck check(ObjectNode credential, Optional<Revocation> revocation, Instant now) {
        JsonNode status = credential.get("credentialStatus");
        List<JsonNode> entries = status == null
                ? List.of()
                : status.isArray() ? status.valueStream().toList() : List.of(status);
        List<StatusCheck> checks =
                entries.stream().map(entry -> entry(entry, revocation, now)).toList();
        for (String worst : List.of(
                VerificationReport.NOT_VALID,
                VerificationReport.REVOKED,
                VerificationReport.SUSPENDED,
                VerificationReport.UNVERIFIABLE)) {
            Optional<StatusCheck> found =
                    checks.stream().filter(c -> worst.equals(c.status())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (revocation.isPresent()) {
            return new StatusCheck(
                    VerificationReport.REVOKED,
                    StatusListEntry.REVOCATION,
                    null,
                    null,
                    revocation.get().revokedAt(),
                    revocation.get().reason(),
                    null,
                    null);
        }
        return checks.stream().findFirst().orElse(null);
    }

    private StatusCheck entry(JsonNode node, Optional<Revocation> revocation, Instant now) {
        if (!(node instanceof ObjectNode entry)) {
            return new StatusCheck(
                    VerificationReport.NOT_VALID,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "credentialStatus entry is not an object");
        }
        String type = text(entry.get("type"));
        String purpose = text(entry.get("statusPurpose"));
        String list = text(entry.get("statusListCredential"));
        if (!ENTRY_TYPES.contains(type)) {
            return unverifiable(
                    purpose,
                    list,
                    null,
                    Unverifiable.UNSUPPORTED_STATUS,
                    "credentialStatus of type " + type + " is not read");
        }
        Integer index = index(entry.get("statusListIndex"));
        if (index == null || list == null) {
            return new StatusCheck(
                    VerificationReport.NOT_VALID,
                    purpose,
                    list,
                    null,
                    null,
                    null,
                    null,
                    "a " + type + " needs a statusListCredential and a non-negative integer statusListIndex");
        }
        if (!StatusListEntry.REVOCATION.equals(purpose) && !SUSPENSION.equals(purpose)) {
            return unverifiable(
                    purpose, list, index, Unverifiable.UNSUPPORTED_STATUS, "statusPurpose " + purpose + " is not read");
        }
        Optional<Boolean> own =
                StatusListEntry.REVOCATION.equals(purpose) ? ownLists.isRevoked(list, index) : Optional.empty();
        if (own.isPresent()) {
            boolean revoked = own.get() || revocation.isPresent();
            return new StatusCheck(
                    revoked ? VerificationReport.REVOKED : VerificationReport.VALID,
                    purpose,
                    list,
                    index,
                    revocation.map(Revocation::revokedAt).orElse(null),
                    revocation.map(Revocation::reason).orElse(null),
                    null,
                    null);
        }
        Optional<ObjectNode> listCredential;
        String unreachable = "status list " + list + " cannot be obtained";
        try {
            listCredential = source.statusListCredential(list);
        } catch (DocumentUnavailableException e) {
            listCredential = Optional.empty();
            unreachable = "status list " + e.getMessage();
        }
        if (listCredential.isEmpty()) {
            return unverifiable(purpose, list, index, Unverifiable.STATUS_LIST_UNREACHABLE, unreachable);
        }
        return fromList(listCredential.get(), purpose, list, index, now);
    }

    private StatusCheck fromList(ObjectNode listCredential, String purpose, String list, int index, Instant now) {
        byte[] bits;
        try {
            bits = decode(listCredential, purpose, now);
        } catch (IllegalArgumentException e) {
            return unverifiable(
                    purpose,
                    list,
                    index,
                    Unverifiable.STATUS_LIST_INVALID,
                    "status list " + list + ": " + e.getMessage());
        }
        if (index >= bits.length * 8L) {
            return unverifiable(
                    purpose,
                    list,
                    index,
                    Unverifiable.STATUS_LIST_INVALID,
                    "status list " + list + " has " + bits.length * 8L + " entries, the credential names " + index);
        }
        ProofCheck proof = listProof.apply(listCredential);
        if (VerificationReport.NOT_VALID.equals(proof.status())) {
            return unverifiable(
                    purpose,
                    list,
                    index,
                    Unverifiable.STATUS_LIST_INVALID,
                    "status list " + list + " proof: " + proof.detail());
        }
        boolean listVerified = VerificationReport.VALID.equals(proof.status());
        if ((bits[index / 8] & (0x80 >>> (index % 8))) != 0) {
            return new StatusCheck(
                    SUSPENSION.equals(purpose) ? VerificationReport.SUSPENDED : VerificationReport.REVOKED,
                    purpose,
                    list,
                    index,
                    null,
                    null,
                    null,
                    listVerified
                            ? null
                            : "entry set in a status list whose proof could not be checked: " + proof.detail());
        }
        if (!listVerified) {
            return unverifiable(
                    purpose, list, index, proof.cause(), "status list " + list + " proof: " + proof.detail());
        }
        return new StatusCheck(VerificationReport.VALID, purpose, list, index, null, null, null, null);
    }

    private static byte[] decode(ObjectNode listCredential, String purpose, Instant now) {
        JsonNode types = listCredential.path("type");
        if (types.valueStream().noneMatch(t -> LIST_TYPES.contains(text(t)))) {
            throw new IllegalArgumentException("not a BitstringStatusListCredential nor a StatusList2021Credential");
        }
        JsonNode subject = listCredential.path("credentialSubject");
        String listPurpose = text(subject.get("statusPurpose"));
        if (listPurpose != null && !listPurpose.equals(purpose)) {
            throw new IllegalArgumentException("its statusPurpose is " + listPurpose + ", the entry's " + purpose);
        }
        String validUntil = text(listCredential.get("validUntil"));
        try {
            if (validUntil != null
                    && now.isAfter(OffsetDateTime.parse(validUntil).toInstant())) {
                throw new IllegalArgumentException("it expired at " + validUntil);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its validUntil is not a dateTimeStamp: " + validUntil, e);
        }
        String encoded = text(subject.get("encodedList"));
        if (encoded == null || encoded.isEmpty()) {
            throw new IllegalArgumentException("it has no encodedList");
        }
        // Bitstring Status List: multibase "u" + base64url; StatusList2021: base64url alone (a GZIP stream starts
        // "H4sI"). Other issuers' lists shorter than the 131,072 entries our own lists keep are read as they are.
        String base64url = encoded.startsWith(GZIP_BASE64URL) ? encoded : encoded.substring(1);
        try (GZIPInputStream gzip = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(base64url)))) {
            return gzip.readAllBytes();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("its encodedList is not GZIP in base64url: " + e.getMessage(), e);
        }
    }

    private static Integer index(JsonNode value) {
        if (value != null && value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 0) {
            return value.asInt();
        }
        String text = text(value);
        return text != null && text.matches("\\d{1,9}") ? Integer.valueOf(text) : null;
    }

    private static StatusCheck unverifiable(
            String purpose, String list, Integer index, Unverifiable cause, String detail) {
        return new StatusCheck(VerificationReport.UNVERIFIABLE, purpose, list, index, null, null, cause, detail);
    }

    private static String text(JsonNode value) {
        return value != null && value.isString() ? value.asString() : null;
    }
}
