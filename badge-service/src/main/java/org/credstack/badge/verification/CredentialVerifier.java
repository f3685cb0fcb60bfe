package org.credstack.badge.verification;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.credstack.badge.BadgeProperties;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.issuing.IssuedCredentials;
import org.credstack.badge.jsonld.StaticDocumentLoader;
import org.credstack.badge.schema.OpenBadgeSchemaValidator;
import org.credstack.badge.schema.SchemaViolation;
import org.credstack.badge.signing.DataIntegrityVerifier;
import org.credstack.badge.signing.Multikey;
import org.credstack.badge.signing.ProofOptions;
import org.credstack.badge.signing.ProofVerification;
import org.credstack.badge.status.StatusLists;
import org.credstack.badge.verification.VerificationReport.Checks;
import org.credstack.badge.verification.VerificationReport.IssuerCheck;
import org.credstack.badge.verification.VerificationReport.ProofCheck;
import org.credstack.badge.verification.VerificationReport.SchemaCheck;
import org.credstack.badge.verification.VerificationReport.ValidityCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies an Open Badges 3.0 credential (OB 3.0 §9.2 Verification, VC Data Model 2.0 §4.9 Validity Period), whoever
 * issued it, as separate checks (see {@link VerificationReport} and docs/verification.md):
 *
 * <ul>
 *   <li><b>proof</b>: each Data Integrity proof of the proof set ({@code DataIntegrityProof} with {@code
 *       eddsa-rdfc-2022} or the legacy {@code eddsa-2022}, or {@code Ed25519Signature2020}) for {@code
 *       assertionMethod}. Keys: this service's own issuer keys (looked up locally, never over HTTP) and {@code
 *       did:key} Ed25519 Multikeys; any other verification method is {@code unverifiable} (key not resolvable). A
 *       context that is not bundled makes it {@code unverifiable} too; contexts are never fetched.
 *   <li><b>issuer</b>: the verification method's controller is the credential's {@code issuer}.
 *   <li><b>validity</b>: {@code validFrom}/{@code validUntil} (VC v1: {@code issuanceDate}/{@code expirationDate})
 *       against the injected clock.
 *   <li><b>schema</b>: the OB 3.0 AchievementCredential JSON Schema.
 *   <li><b>credentialStatus</b>: see {@link CredentialStatuses}.
 * </ul>
 *
 * <p>A CLR 2.0 {@code ClrCredential} is checked the same way, and so is each credential it holds in {@code
 * credentialSubject.verifiableCredential}: the proof check is valid only when its own proof and every held
 * credential's are, and the schema check applies the OB 3.0 schema to each held credential (no CLR schema is
 * bundled); violations name the held credential by pointer, e.g. {@code /credentialSubject/verifiableCredential/1/issuer}.
 */
@Service
class CredentialVerifier {

    private static final String DID_KEY = "did:key:";

    private static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";

    private static final OpenBadgeSchemaValidator ENDORSEMENT_SCHEMA = OpenBadgeSchemaValidator.endorsementCredential();

    private static final Set<URI> BUNDLED_CONTEXTS =
            StaticDocumentLoader.bundled().urls();

    private final Issuers issuers;
    private final DataIntegrityVerifier proofs;
    private final OpenBadgeSchemaValidator schema;
    private final IssuedCredentials credentials;
    private final String ownIssuers;
    private final CredentialStatuses statuses;
    private final Clock clock;

    @Autowired
    CredentialVerifier(
            Issuers issuers,
            DataIntegrityVerifier proofs,
            OpenBadgeSchemaValidator schema,
            StatusLists statusLists,
            IssuedCredentials credentials,
            BadgeProperties properties,
            ObjectProvider<StatusListSource> statusListSource,
            Clock clock) {
        this(
                issuers,
                proofs,
                schema,
                statusLists,
                credentials,
                properties,
                statusListSource.getIfAvailable(StatusListSource::none),
                clock);
    }

    CredentialVerifier(
            Issuers issuers,
            DataIntegrityVerifier proofs,
            OpenBadgeSchemaValidator schema,
            StatusLists statusLists,
            IssuedCredentials credentials,
            BadgeProperties properties,
            StatusListSource statusListSource,
            Clock clock) {
        this.issuers = issuers;
        this.proofs = proofs;
        this.schema = schema;
        this.credentials = credentials;
        this.ownIssuers = properties.url("/issuers/");
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
                issuer(credential));
        return VerificationReport.of(id, now, checks);
    }

    /** A status list credential's proof, valid only when its issuer's key made it and it is within its period. */
    private ProofCheck statusListProof(ObjectNode list) {
        ProofCheck proof = ownProof(list);
        IssuerCheck issuer = issuer(list);
        if (VerificationReport.VALID.equals(proof.status())
                && issuer != null
                && !VerificationReport.VALID.equals(issuer.status())) {
            return invalid(proof.verificationMethod(), issuer.detail());
        }
        return proof;
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
                return new ProofCheck(
                        check.status(),
                        check.verificationMethod(),
                        check.cause(),
                        "verifiableCredential " + i + ": " + check.detail());
            }
        }
        return own;
    }

    /**
     * The proof set: {@code invalid} if any proof is, else {@code valid} if one is, else the first {@code
     * unverifiable} one (VC Data Integrity §4.3 proof sets: every proof is checked on its own).
     */
    private ProofCheck ownProof(ObjectNode credential) {
        JsonNode proof = credential.get("proof");
        List<JsonNode> set = proof == null
                ? List.of()
                : proof.isArray() ? proof.valueStream().toList() : List.of(proof);
        if (set.isEmpty()) {
            return invalid(null, "credential has no proof");
        }
        Optional<String> unbundled = unbundledContext(credential);
        if (unbundled.isPresent()) {
            return new ProofCheck(
                    VerificationReport.UNVERIFIABLE,
                    text(set.getFirst().get("verificationMethod")),
                    Unverifiable.CONTEXT_NOT_AVAILABLE_OFFLINE,
                    "@context " + unbundled.get() + " is not bundled; contexts are never fetched");
        }
        List<ProofCheck> checks =
                set.stream().map(member -> oneProof(credential, member)).toList();
        for (String status : List.of(VerificationReport.NOT_VALID, VerificationReport.VALID)) {
            Optional<ProofCheck> found =
                    checks.stream().filter(c -> status.equals(c.status())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        return checks.getFirst();
    }

    private ProofCheck oneProof(ObjectNode credential, JsonNode member) {
        if (!(member instanceof ObjectNode proof)) {
            return invalid(null, "a proof must be a JSON object");
        }
        String method = text(proof.get("verificationMethod"));
        String suite = DataIntegrityVerifier.suite(proof);
        if (!DataIntegrityVerifier.SUPPORTED_SUITES.contains(suite)) {
            return new ProofCheck(
                    VerificationReport.UNVERIFIABLE,
                    method,
                    Unverifiable.UNSUPPORTED_CRYPTOSUITE,
                    "proof type/cryptosuite " + suite + " is not supported");
        }
        if (method == null) {
            return invalid(null, "proof has no verificationMethod");
        }
        if (!ProofOptions.ASSERTION_METHOD.equals(text(proof.get("proofPurpose")))) {
            return invalid(method, "proofPurpose must be assertionMethod for an issuer's proof");
        }
        Optional<PublicKey> key;
        try {
            key = resolve(method);
        } catch (IllegalArgumentException e) {
            return invalid(method, "verification method names no Ed25519 key: " + e.getMessage());
        }
        if (key.isEmpty()) {
            return method.startsWith(ownIssuers)
                    ? invalid(method, "verification method is not one of this service's issuer keys")
                    : new ProofCheck(
                            VerificationReport.UNVERIFIABLE,
                            method,
                            Unverifiable.KEY_NOT_RESOLVABLE,
                            "only did:key and this service's issuer keys are resolved offline");
        }
        ProofVerification result = proofs.verifyProof(credential, proof, key.get());
        return result.verified()
                ? new ProofCheck(VerificationReport.VALID, method, null, null)
                : invalid(method, result.failure());
    }

    private Optional<PublicKey> resolve(String verificationMethod) {
        if (verificationMethod.startsWith(DID_KEY)) {
            int hash = verificationMethod.indexOf('#');
            String multikey =
                    verificationMethod.substring(DID_KEY.length(), hash < 0 ? verificationMethod.length() : hash);
            if (hash >= 0 && !verificationMethod.substring(hash + 1).equals(multikey)) {
                throw new IllegalArgumentException("did:key fragment differs from the key: " + verificationMethod);
            }
            return Optional.of(Multikey.decode(multikey));
        }
        return issuers.publicKey(verificationMethod);
    }

    private static Optional<String> unbundledContext(ObjectNode document) {
        JsonNode context = document.get("@context");
        List<JsonNode> entries = context == null
                ? List.of()
                : context.isArray() ? context.valueStream().toList() : List.of(context);
        return entries.stream()
                .map(CredentialVerifier::text)
                .filter(url -> url != null && !bundled(url))
                .findFirst();
    }

    private static boolean bundled(String url) {
        try {
            return BUNDLED_CONTEXTS.contains(URI.create(url));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The issuer binding: {@code valid} when a proof's verification method has the issuer as its controller (the
     * part before {@code #}); for an issuer id that is a URN (no controller document can exist), a {@code did:key}
     * proof binds it. {@code null} when there is no proof to bind.
     */
    private static IssuerCheck issuer(ObjectNode credential) {
        String issuer = issuerId(credential.get("issuer"));
        JsonNode proof = credential.get("proof");
        List<String> methods = proof == null
                ? List.of()
                : (proof.isArray() ? proof.valueStream() : java.util.stream.Stream.of(proof))
                        .map(p -> text(p.get("verificationMethod")))
                        .filter(m -> m != null)
                        .toList();
        if (methods.isEmpty()) {
            return null;
        }
        if (issuer == null) {
            return new IssuerCheck(VerificationReport.NOT_VALID, null, "credential has no issuer id");
        }
        if (methods.stream().anyMatch(m -> controller(m).equals(issuer))) {
            return new IssuerCheck(VerificationReport.VALID, issuer, null);
        }
        if (issuer.startsWith("urn:") && methods.stream().anyMatch(m -> m.startsWith(DID_KEY))) {
            return new IssuerCheck(
                    VerificationReport.VALID,
                    issuer,
                    "issuer is a URN, which has no controller document; the did:key that signed stands for it");
        }
        return new IssuerCheck(
                VerificationReport.NOT_VALID,
                issuer,
                "verification method " + methods.getFirst() + " is not controlled by the issuer " + issuer);
    }

    private static String controller(String verificationMethod) {
        int hash = verificationMethod.indexOf('#');
        return hash < 0 ? verificationMethod : verificationMethod.substring(0, hash);
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
        if (!isClr(credential)) {
            return schemaOf(credential, "");
        }
        String at = "/credentialSubject/verifiableCredential";
        JsonNode held = credential.path("credentialSubject").path("verifiableCredential");
        if (!held.isArray() || held.isEmpty()) {
            return new SchemaCheck(
                    VerificationReport.NOT_VALID,
                    List.of(new SchemaViolation(at, "required", "a ClrCredential holds at least one credential")));
        }
        List<SchemaViolation> violations = new ArrayList<>();
        SchemaCheck unverifiable = null;
        for (int i = 0; i < held.size(); i++) {
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
                            + "); only the OB 3.0 schemas for VC 2.0 are bundled");
        }
        JsonNode type = credential.path("type");
        boolean endorsement = type.valueStream().anyMatch(t -> "EndorsementCredential".equals(text(t)))
                || "EndorsementCredential".equals(text(type));
        List<SchemaViolation> violations = (endorsement ? ENDORSEMENT_SCHEMA : schema)
                .validate(credential).stream()
                        .map(v -> new SchemaViolation(prefix + v.instanceLocation(), v.keyword(), v.message()))
                        .toList();
        return new SchemaCheck(
                violations.isEmpty() ? VerificationReport.VALID : VerificationReport.NOT_VALID, violations);
    }

    private static ProofCheck invalid(String verificationMethod, String detail) {
        return new ProofCheck(VerificationReport.NOT_VALID, verificationMethod, null, detail);
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
