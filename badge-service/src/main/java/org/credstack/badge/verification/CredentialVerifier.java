package org.credstack.badge.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.credstack.badge.issuing.IssuedCredentials;
import org.credstack.badge.schema.OpenBadgeSchemaValidator;
import org.credstack.badge.schema.SchemaViolation;
import org.credstack.badge.signing.DataIntegrityVerifier;
import org.credstack.badge.status.StatusLists;
import org.credstack.badge.verification.VerificationReport.Checks;
import org.credstack.badge.verification.VerificationReport.IssuerCheck;
import org.credstack.badge.verification.VerificationReport.ProofCheck;
import org.credstack.badge.verification.VerificationReport.SchemaCheck;
import org.credstack.badge.verification.VerificationReport.ValidityCheck;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies an Open Badges 3.0 credential (OB 3.0 §9.2 Verification, VC Data Model 2.0 §4.9 Validity Period), whoever
 * issued it, as separate checks (see {@link VerificationReport} and docs/verification.md):
 *
 * <ul>
 *   <li><b>proof</b>: each Data Integrity proof of the proof set ({@code DataIntegrityProof} with {@code
 *       eddsa-rdfc-2022} or the legacy {@code eddsa-2022}, or {@code Ed25519Signature2020}) for {@code
 *       assertionMethod}. Keys from {@link VerificationMethods}: this service's own issuer keys (looked up locally,
 *       never over HTTP), {@code did:key} Ed25519 Multikeys, and {@code did:web} and {@code https} controller
 *       documents fetched by {@link RemoteDocuments}; a key that cannot be obtained is {@code unverifiable} (key
 *       not resolvable). A context that is not bundled makes it {@code unverifiable} too; contexts are never
 *       fetched (see {@link ProofChecks}).
 *   <li><b>issuer</b>: the verification method's controller is the credential's {@code issuer}.
 *   <li>a credential secured as a VC-JWT ({@link #verifyJwt}) has the JWS and its claims as its proof instead, and
 *       the issuer binding of its key (see {@link VcJwt}).
 *   <li><b>validity</b>: {@code validFrom}/{@code validUntil} (VC v1: {@code issuanceDate}/{@code expirationDate})
 *       against the injected clock.
 *   <li><b>schema</b>: the OB 3.0 AchievementCredential (or EndorsementCredential) JSON Schema for a VC 2.0
 *       credential, the CLR 2.0 ClrCredential schema for a {@code ClrCredential}; {@code unverifiable} (schema not
 *       available) for a VC 1.1 one.
 *   <li><b>credentialStatus</b>: see {@link CredentialStatuses}.
 * </ul>
 *
 * <p>A CLR 2.0 {@code ClrCredential} is checked the same way, and so is each credential it holds in {@code
 * credentialSubject.verifiableCredential}: the proof check is valid only when its own proof and every held
 * credential's are, and the schema check applies the CLR 2.0 schema to the ClrCredential (CredStack's own, written
 * from the CLR 2.0 data model: see {@link OpenBadgeSchemaValidator#clrCredential()}) and the OB 3.0 schema to each
 * held credential; violations name the held credential by pointer, e.g. {@code
 * /credentialSubject/verifiableCredential/1/issuer}.
 */
@Service
class CredentialVerifier {

    private static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String VERIFIABLE_CREDENTIAL = "VerifiableCredential";

    private static final OpenBadgeSchemaValidator ENDORSEMENT_SCHEMA = OpenBadgeSchemaValidator.endorsementCredential();

    private static final OpenBadgeSchemaValidator CLR_SCHEMA = OpenBadgeSchemaValidator.clrCredential();

    private final ProofChecks proofChecks;
    private final VcJwt jwt;
    private final OpenBadgeSchemaValidator schema;
    private final IssuedCredentials credentials;
    private final CredentialStatuses statuses;
    private final Clock clock;

    CredentialVerifier(
            VerificationMethods keys,
            DataIntegrityVerifier proofs,
            OpenBadgeSchemaValidator schema,
            StatusLists statusLists,
            IssuedCredentials credentials,
            StatusListSource statusListSource,
            Clock clock) {
        this.proofChecks = new ProofChecks(keys, proofs);
        // a VC-JWT's kid is resolved exactly as a Data Integrity verification method is
        this.jwt = new VcJwt(kid -> switch (keys.resolve(kid)) {
            case KeyResolution.Found found -> Optional.of(found.key().publicKey());
            case KeyResolution.Unresolvable unresolvable -> Optional.empty();
            case KeyResolution.Refused refused -> throw new IllegalArgumentException(refused.reason());
        });
        this.schema = schema;
        this.credentials = credentials;
        this.statuses = new CredentialStatuses(statusLists, statusListSource, this::statusListProof);
        this.clock = clock;
    }

    VerificationReport verify(ObjectNode credential) {
        Instant now = clock.instant();
        String id = text(credential.get("id"));
        Checks checks = new Checks(
                proof(credential),
                validity(credential, now),
                schema(credential),
                statuses.check(credential, credentials.revocation(id), now),
                ProofChecks.issuer(credential));
        return VerificationReport.of(id, now, checks);
    }

    /**
     * Verifies a credential secured as a VC-JWT (OB 3.0 §8.2): the JWS and its claims as the proof (see {@link
     * VcJwt}), then validity, schema and status on the credential it secures, as for {@link #verify}.
     *
     * @param compact the compact JWS
     * @throws UnverifiableRequestException when it is not a compact JWS holding a credential
     */
    VerificationReport verifyJwt(String compact) {
        VcJwt.Checked checked = jwt.check(compact);
        ObjectNode credential = checked.credential();
        Instant now = clock.instant();
        String id = text(credential.get("id"));
        Checks checks = new Checks(
                checked.proof(),
                validity(credential, now),
                schema(credential),
                statuses.check(credential, credentials.revocation(id), now),
                checked.issuer());
        return VerificationReport.of(id, now, checks);
    }

    /**
     * Verifies a credential given as text, as a baked image or an uploaded file holds it: JSON (it starts with
     * {@code {}) by {@link #verify}, else a VC-JWT by {@link #verifyJwt}.
     *
     * @throws UnverifiableRequestException when it is neither a JSON object nor a compact JWS holding a credential
     */
    VerificationReport verifyText(String text) {
        String stripped = text.strip();
        if (!stripped.startsWith("{")) {
            return verifyJwt(stripped);
        }
        ObjectNode credential;
        try {
            credential = (ObjectNode) JSON.readTree(stripped);
        } catch (JacksonException | ClassCastException e) {
            throw new UnverifiableRequestException("", "the credential is not a well-formed JSON object");
        }
        return verify(requireCredential(credential));
    }

    /**
     * The object, when it is meant as a credential: it has an {@code @context} or a {@code type} that includes
     * {@code VerifiableCredential}. A credential with only one of them, or a broken one, still gets a report; an
     * object with neither ({@code {}}, {@code {"name": "x"}}) holds no credential.
     *
     * @throws UnverifiableRequestException (400 {@code not-a-credential}) for an object with neither
     */
    static ObjectNode requireCredential(ObjectNode object) {
        JsonNode type = object.path("type");
        boolean typed = type.isArray()
                ? type.valueStream().anyMatch(t -> VERIFIABLE_CREDENTIAL.equals(t.asString("")))
                : VERIFIABLE_CREDENTIAL.equals(type.asString(""));
        if (!typed && !object.has("@context")) {
            throw new UnverifiableRequestException(
                    "",
                    "the body holds no credential: it has neither @context nor a type that includes "
                            + VERIFIABLE_CREDENTIAL);
        }
        return object;
    }

    /** A status list credential's proof, valid only when its issuer's key made it and it is within its period. */
    private ProofCheck statusListProof(ObjectNode list) {
        ProofCheck proof = proofChecks.check(list);
        IssuerCheck issuer = ProofChecks.issuer(list);
        if (VerificationReport.VALID.equals(proof.status())
                && issuer != null
                && !VerificationReport.VALID.equals(issuer.status())) {
            return ProofChecks.invalid(proof.verificationMethod(), issuer.detail());
        }
        return proof;
    }

    private ProofCheck proof(ObjectNode credential) {
        ProofCheck own = proofChecks.check(credential);
        if (!isClr(credential) || !VerificationReport.VALID.equals(own.status())) {
            return own;
        }
        List<ObjectNode> held = heldCredentials(credential);
        for (int i = 0; i < held.size(); i++) {
            ProofCheck check = proofChecks.check(held.get(i));
            if (!VerificationReport.VALID.equals(check.status())) {
                return new ProofCheck(
                        check.status(),
                        check.verificationMethod(),
                        check.cause(),
                        "verifiableCredential " + i + ": " + check.detail());
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

    private static ValidityCheck validity(ObjectNode credential, Instant now) {
        Instant validFrom;
        Instant validUntil;
        try {
            validFrom =
                    instant(credential.has("validFrom") ? credential.get("validFrom") : credential.get("issuanceDate"));
            validUntil = instant(
                    credential.has("validUntil") ? credential.get("validUntil") : credential.get("expirationDate"));
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
        SchemaCheck own = schemaOf(credential, "");
        if (!isClr(credential)) {
            return own;
        }
        List<SchemaViolation> violations = new ArrayList<>(own.violations());
        SchemaCheck unverifiable = VerificationReport.UNVERIFIABLE.equals(own.status()) ? own : null;
        String at = "/credentialSubject/verifiableCredential";
        JsonNode held = credential.path("credentialSubject").path("verifiableCredential");
        for (int i = 0; held.isArray() && i < held.size(); i++) {
            String prefix = at + "/" + i;
            if (!(held.get(i) instanceof ObjectNode member)) {
                violations.add(new SchemaViolation(prefix, "type", "a held credential must be a JSON object"));
                continue;
            }
            SchemaCheck check = schemaOf(member, prefix);
            violations.addAll(check.violations());
            if (unverifiable == null && VerificationReport.UNVERIFIABLE.equals(check.status())) {
                unverifiable = check;
            }
        }
        if (!violations.isEmpty()) {
            return new SchemaCheck(VerificationReport.NOT_VALID, violations);
        }
        return unverifiable != null ? unverifiable : new SchemaCheck(VerificationReport.VALID, List.of());
    }

    /** The schema of one credential; violations' locations start with {@code prefix}. */
    private SchemaCheck schemaOf(ObjectNode credential, String prefix) {
        JsonNode context = credential.path("@context");
        String first = text(context.isArray() ? context.path(0) : context);
        if (!VC_V2.equals(first)) {
            return new SchemaCheck(
                    VerificationReport.UNVERIFIABLE,
                    List.of(),
                    Unverifiable.SCHEMA_NOT_AVAILABLE,
                    "credential" + (prefix.isEmpty() ? "" : " at " + prefix) + " is a VC 1.1 credential (" + first
                            + "); only the OB 3.0 and CLR 2.0 schemas for VC 2.0 are bundled");
        }
        JsonNode type = credential.path("type");
        boolean endorsement = type.valueStream().anyMatch(t -> "EndorsementCredential".equals(text(t)))
                || "EndorsementCredential".equals(text(type));
        OpenBadgeSchemaValidator validator = isClr(credential) ? CLR_SCHEMA : endorsement ? ENDORSEMENT_SCHEMA : schema;
        List<SchemaViolation> violations = validator.validate(credential).stream()
                .map(v -> new SchemaViolation(prefix + v.instanceLocation(), v.keyword(), v.message()))
                .toList();
        return new SchemaCheck(
                violations.isEmpty() ? VerificationReport.VALID : VerificationReport.NOT_VALID, violations);
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
