package org.credstack.badge.verification;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.issuing.IssuedCredentials;
import org.credstack.badge.issuing.Revocation;
import org.credstack.badge.schema.OpenBadgeSchemaValidator;
import org.credstack.badge.schema.SchemaViolation;
import org.credstack.badge.signing.DataIntegrityVerifier;
import org.credstack.badge.signing.Multikey;
import org.credstack.badge.signing.ProofOptions;
import org.credstack.badge.signing.ProofVerification;
import org.credstack.badge.status.StatusListEntry;
import org.credstack.badge.status.StatusLists;
import org.credstack.badge.verification.VerificationReport.Checks;
import org.credstack.badge.verification.VerificationReport.ProofCheck;
import org.credstack.badge.verification.VerificationReport.SchemaCheck;
import org.credstack.badge.verification.VerificationReport.StatusCheck;
import org.credstack.badge.verification.VerificationReport.ValidityCheck;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies an Open Badges 3.0 credential (OB 3.0 §9.2 Verification, VC Data Model 2.0 §4.9 Validity
 * Period) as three separate checks (see {@link VerificationReport}):
 *
 * <ul>
 *   <li><b>proof</b>: an {@code eddsa-rdfc-2022} Data Integrity proof for {@code assertionMethod},
 *       made by a verification method the issuer controls ({@code <issuer id>#...}). The key is this
 *       service's own for its issuers ({@code <base>/issuers/{providerId}#<multikey>}, looked up
 *       locally, never over HTTP), or read from the identifier for {@code did:key}; any other
 *       verification method is reported as unresolvable.
 *   <li><b>validity</b>: {@code validFrom} and {@code validUntil} against the injected clock.
 *   <li><b>schema</b>: the OB 3.0 AchievementCredential JSON Schema.
 *   <li><b>credentialStatus</b>: each {@code BitstringStatusListEntry} (Bitstring Status List v1.0 §3.2) is read
 *       from this service's own lists in the store, never over HTTP; a credential issued here also counts as
 *       revoked as soon as its badge is (its list entry follows within a sweep), and then the report carries the
 *       reason. A status this service cannot read (another issuer's list, another status type) is {@code unknown},
 *       and the credential is not reported verified.
 * </ul>
 *
 * <p>A CLR 2.0 {@code ClrCredential} (type {@code ClrCredential}) is checked the same way, and so is each credential
 * it holds in {@code credentialSubject.verifiableCredential}: the proof check is valid only when its own proof and
 * every held credential's are, and the schema check applies the OB 3.0 schema to each held credential (no CLR
 * schema is bundled); violations name the held credential by pointer, e.g. {@code
 * /credentialSubject/verifiableCredential/1/issuer}.
 */
@Service
class CredentialVerifier {

    private static final String DID_KEY = "did:key:";

    private static final String BITSTRING_STATUS_LIST_ENTRY = "BitstringStatusListEntry";

    private final Issuers issuers;
    private final DataIntegrityVerifier proofs;
    private final OpenBadgeSchemaValidator schema;
    private final StatusLists statusLists;
    private final IssuedCredentials credentials;
    private final Clock clock;

    CredentialVerifier(
            Issuers issuers,
            DataIntegrityVerifier proofs,
            OpenBadgeSchemaValidator schema,
            StatusLists statusLists,
            IssuedCredentials credentials,
            Clock clock) {
        this.issuers = issuers;
        this.proofs = proofs;
        this.schema = schema;
        this.statusLists = statusLists;
        this.credentials = credentials;
        this.clock = clock;
    }

    VerificationReport verify(ObjectNode credential) {
        Instant now = clock.instant();
        Checks checks = new Checks(
                proof(credential), validity(credential, now), schema(credential), credentialStatus(credential));
        return VerificationReport.of(text(credential.get("id")), now, checks);
    }

    private StatusCheck credentialStatus(ObjectNode credential) {
        Optional<Revocation> revocation = credentials.revocation(text(credential.get("id")));
        JsonNode status = credential.get("credentialStatus");
        List<JsonNode> entries = status == null
                ? List.of()
                : status.isArray() ? status.valueStream().toList() : List.of(status);
        List<StatusCheck> checks =
                entries.stream().map(entry -> entry(entry, revocation)).toList();
        return checks.stream()
                .filter(c -> VerificationReport.REVOKED.equals(c.status()))
                .findFirst()
                .or(() -> checks.stream()
                        .filter(c -> VerificationReport.UNKNOWN.equals(c.status()))
                        .findFirst())
                .or(() -> revocation.map(
                        r -> new StatusCheck(VerificationReport.REVOKED, null, null, r.revokedAt(), r.reason(), null)))
                .or(() -> checks.stream().findFirst())
                .orElse(null);
    }

    private StatusCheck entry(JsonNode entry, Optional<Revocation> revocation) {
        String type = text(entry.get("type"));
        if (!BITSTRING_STATUS_LIST_ENTRY.equals(type)) {
            return unknown(null, null, "credentialStatus of type " + type + " cannot be checked");
        }
        String list = text(entry.get("statusListCredential"));
        String indexText = text(entry.get("statusListIndex"));
        if (indexText == null || !indexText.matches("\\d{1,9}")) {
            return unknown(list, null, "statusListIndex must be a non-negative integer in a string: " + indexText);
        }
        int index = Integer.parseInt(indexText);
        if (!StatusListEntry.REVOCATION.equals(text(entry.get("statusPurpose")))) {
            return unknown(list, index, "statusPurpose " + text(entry.get("statusPurpose")) + " cannot be checked");
        }
        Optional<Boolean> set = statusLists.isRevoked(list, index);
        if (set.isEmpty()) {
            return unknown(
                    list, index, "status list cannot be fetched: " + list + " is not one of this service's lists");
        }
        if (set.get() || revocation.isPresent()) {
            return new StatusCheck(
                    VerificationReport.REVOKED,
                    list,
                    index,
                    revocation.map(Revocation::revokedAt).orElse(null),
                    revocation.map(Revocation::reason).orElse(null),
                    null);
        }
        return new StatusCheck(VerificationReport.VALID, list, index, null, null, null);
    }

    private static StatusCheck unknown(String list, Integer index, String detail) {
        return new StatusCheck(VerificationReport.UNKNOWN, list, index, null, null, detail);
    }

    private ProofCheck proof(ObjectNode credential) {
        ProofCheck own = ownProof(credential);
        if (!isClr(credential) || !VerificationReport.VALID.equals(own.status())) {
            return own;
        }
        List<ObjectNode> held = heldCredentials(credential);
        for (int i = 0; i < held.size(); i++) {
            ProofCheck check = ownProof(held.get(i));
            if (!VerificationReport.VALID.equals(check.status())) {
                return invalid(check.verificationMethod(), "verifiableCredential " + i + ": " + check.detail());
            }
        }
        return own;
    }

    private static boolean isClr(ObjectNode credential) {
        JsonNode type = credential.get("type");
        return type != null && type.valueStream().anyMatch(t -> "ClrCredential".equals(text(t)));
    }

    private static List<ObjectNode> heldCredentials(ObjectNode clr) {
        JsonNode held = clr.path("credentialSubject").path("verifiableCredential");
        return held.valueStream()
                .filter(ObjectNode.class::isInstance)
                .map(ObjectNode.class::cast)
                .toList();
    }

    private ProofCheck ownProof(ObjectNode credential) {
        JsonNode proof = credential.get("proof");
        if (proof instanceof ArrayNode set && set.size() == 1) {
            proof = set.get(0);
        }
        if (!(proof instanceof ObjectNode single)) {
            return invalid(null, proof == null ? "credential has no proof" : "expected exactly one proof");
        }
        String method = text(single.get("verificationMethod"));
        if (method == null) {
            return invalid(null, "proof has no verificationMethod");
        }
        if (!ProofOptions.ASSERTION_METHOD.equals(text(single.get("proofPurpose")))) {
            return invalid(method, "proofPurpose must be assertionMethod for an issuer's proof");
        }
        String issuer = issuerId(credential.get("issuer"));
        if (issuer == null || !method.startsWith(issuer + "#")) {
            return invalid(method, "verification method is not controlled by the issuer " + issuer);
        }
        Optional<PublicKey> key;
        try {
            key = resolve(method);
        } catch (IllegalArgumentException e) {
            return invalid(method, "verification method names no Ed25519 key: " + e.getMessage());
        }
        if (key.isEmpty()) {
            return invalid(method, "verification method cannot be resolved: not one of this service's issuer keys");
        }
        ProofVerification result = proofs.verify(credential, key.get());
        return result.verified()
                ? new ProofCheck(VerificationReport.VALID, method, null)
                : invalid(method, result.failure());
    }

    private Optional<PublicKey> resolve(String verificationMethod) {
        if (verificationMethod.startsWith(DID_KEY)) {
            int hash = verificationMethod.indexOf('#');
            String multikey = verificationMethod.substring(DID_KEY.length(), hash);
            if (!verificationMethod.substring(hash + 1).equals(multikey)) {
                throw new IllegalArgumentException("did:key fragment differs from the key: " + verificationMethod);
            }
            return Optional.of(Multikey.decode(multikey));
        }
        return issuers.publicKey(verificationMethod);
    }

    private static ValidityCheck validity(ObjectNode credential, Instant now) {
        Instant validFrom;
        Instant validUntil;
        try {
            validFrom = instant(credential.get("validFrom"));
            validUntil = instant(credential.get("validUntil"));
        } catch (DateTimeParseException e) {
            return new ValidityCheck(
                    VerificationReport.NOT_VALID,
                    null,
                    null,
                    "not an XML Schema dateTimeStamp: " + e.getParsedString());
        }
        if (validFrom == null) {
            return new ValidityCheck(VerificationReport.NOT_VALID, null, validUntil, "credential has no validFrom");
        }
        String status;
        if (now.isBefore(validFrom)) {
            status = VerificationReport.NOT_YET_VALID;
        } else if (validUntil != null && now.isAfter(validUntil)) {
            status = VerificationReport.EXPIRED;
        } else {
            status = VerificationReport.VALID;
        }
        return new ValidityCheck(status, validFrom, validUntil, null);
    }

    private SchemaCheck schema(ObjectNode credential) {
        List<SchemaViolation> violations = isClr(credential) ? clrViolations(credential) : schema.validate(credential);
        return new SchemaCheck(
                violations.isEmpty() ? VerificationReport.VALID : VerificationReport.NOT_VALID, violations);
    }

    private List<SchemaViolation> clrViolations(ObjectNode clr) {
        String at = "/credentialSubject/verifiableCredential";
        JsonNode held = clr.path("credentialSubject").path("verifiableCredential");
        if (!held.isArray() || held.isEmpty()) {
            return List.of(new SchemaViolation(at, "required", "a ClrCredential holds at least one credential"));
        }
        List<SchemaViolation> violations = new java.util.ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            String prefix = at + "/" + i;
            if (!(held.get(i) instanceof ObjectNode credential)) {
                violations.add(new SchemaViolation(prefix, "type", "a held credential must be a JSON object"));
                continue;
            }
            schema.validate(credential).stream()
                    .map(v -> new SchemaViolation(prefix + v.instanceLocation(), v.keyword(), v.message()))
                    .forEach(violations::add);
        }
        return violations;
    }

    private static ProofCheck invalid(String verificationMethod, String detail) {
        return new ProofCheck(VerificationReport.NOT_VALID, verificationMethod, detail);
    }

    private static String issuerId(JsonNode issuer) {
        if (issuer != null && issuer.isObject()) {
            return text(issuer.get("id"));
        }
        return text(issuer);
    }

    private static Instant instant(JsonNode value) {
        String text = text(value);
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }

    private static String text(JsonNode value) {
        return value != null && value.isString() ? value.asString() : null;
    }
}
