package org.credstack.badge.verification;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.credstack.badge.signing.Ed25519Keys;
import org.credstack.badge.verification.VerificationReport.IssuerCheck;
import org.credstack.badge.verification.VerificationReport.ProofCheck;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The proof of a credential secured as a VC-JWT, a compact JWS (OB 3.0 §8.2 JSON Web Token Proof Format; VC Data
 * Model 1.1 §6.3.1 JSON Web Token, with the credential in the {@code vc} claim; VC-JOSE-COSE §3.1.1, where the JWT
 * payload is the credential itself, {@code typ} {@code vc+jwt}).
 *
 * <ul>
 *   <li><b>algorithms</b>: {@code EdDSA} (and the fully specified {@code Ed25519}) on Ed25519 keys, checked with
 *       the JDK; {@code ES256} (P-256) and {@code RS256} with nimbus-jose-jwt. {@code alg: none} and the HMAC
 *       algorithms ({@code HS256}, ...) are {@code invalid}: an unsecured JWT has no proof, and a MAC with a shared
 *       secret cannot show a third party who made it, so neither can ever prove an issuer. Any other algorithm is
 *       {@code unverifiable} (unsupported algorithm).
 *   <li><b>key</b>: the {@code jwk} JOSE header when present, else the {@code kid} through {@code keys} (the key
 *       resolution the Data Integrity checks use); no key named is {@code unverifiable} (key not resolvable).
 *   <li><b>claims</b> (OB 3.0 §8.2.6.1): {@code iss} is the issuer id, {@code jti} the credential {@code id},
 *       {@code sub} the {@code credentialSubject.id}, {@code nbf} and {@code exp} the start and end of the
 *       validity period (VC 1.1 {@code issuanceDate}/{@code expirationDate}, VC 2.0 {@code validFrom}/{@code
 *       validUntil}); a claim that contradicts the credential makes the proof {@code invalid}, and a period the
 *       credential leaves out is taken from the claims (VC 1.1 §6.3.1.2 JWT decoding). For the {@code vc} claim
 *       form {@code iss}, {@code jti} and {@code nbf} are required, and {@code sub} when the subject has an id.
 * </ul>
 *
 * Thread-safe.
 */
final class VcJwt {

    /** The JOSE algorithms checked. */
    static final Set<JWSAlgorithm> SUPPORTED =
            Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519, JWSAlgorithm.ES256, JWSAlgorithm.RS256);

    private static final String THUMBPRINT_URN = "urn:ietf:params:oauth:jwk-thumbprint:sha-256:";
    private static final String DID_KEY = "did:key:";
    private static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final Function<String, Optional<PublicKey>> keys;

    /**
     * @param keys the public key of a {@code kid}, empty when it cannot be resolved; throws {@link
     *     IllegalArgumentException} for a {@code kid} that names no usable key
     */
    VcJwt(Function<String, Optional<PublicKey>> keys) {
        this.keys = keys;
    }

    /**
     * A VC-JWT read and its proof checked.
     *
     * @param credential the credential it secures, with a validity period the claims supply where it has none
     * @param proof the JWS signature and the claims
     * @param issuer whether the key is the issuer's; {@code null} when the JWT is unsecured
     */
    record Checked(ObjectNode credential, ProofCheck proof, IssuerCheck issuer) {}

    /**
     * Reads and checks a compact JWS.
     *
     * @param compact {@code header.payload.signature}, each base64url; white space around it is ignored
     * @throws UnverifiableRequestException when it is not a compact JWS whose payload is (or holds in {@code vc}) a
     *     credential as a JSON object
     */
    Checked check(String compact) {
        Base64URL[] parts;
        try {
            parts = JOSEObject.split(compact.strip());
        } catch (ParseException e) {
            throw notAJws();
        }
        if (parts.length != 3) {
            throw new UnverifiableRequestException("", "a VC-JWT is a compact JWS of three parts, not a JWE");
        }
        ObjectNode payload = payload(parts[1]);
        boolean vcClaim = payload.get("vc") instanceof ObjectNode;
        ObjectNode credential = vcClaim ? ((ObjectNode) payload.get("vc")).deepCopy() : payload.deepCopy();
        String claimsFailure = claims(payload, credential, vcClaim);
        if (privateJwk(parts[0])) {
            // nimbus refuses such a header outright; it is a credential whose proof breaks OB 3.0 §8.2.3
            return new Checked(
                    credential,
                    invalid(null, null, "the jwk header holds a private key (OB 3.0 §8.2.3: never \"d\")"),
                    null);
        }
        Header header;
        try {
            header = Header.parse(parts[0]);
        } catch (ParseException e) {
            throw notAJws();
        }
        if (!(header instanceof JWSHeader jws)) {
            return new Checked(
                    credential,
                    new ProofCheck(
                            VerificationReport.NOT_VALID,
                            null,
                            header.getAlgorithm().getName(),
                            null,
                            "an unsecured JWT (alg none) carries no proof"),
                    null);
        }
        return signed(jws, parts, credential, claimsFailure);
    }

    private static UnverifiableRequestException notAJws() {
        return new UnverifiableRequestException(
                "", "not a compact JWS (VC-JWT): base64url header.payload.signature with a JOSE header");
    }

    private static boolean privateJwk(Base64URL header) {
        try {
            return JSON.readTree(header.decodeToString()).path("jwk").has("d");
        } catch (JacksonException e) {
            return false; // Header.parse answers it
        }
    }

    private Checked signed(JWSHeader header, Base64URL[] parts, ObjectNode credential, String claimsFailure) {
        String alg = header.getAlgorithm().getName();
        String kid = header.getKeyID();
        JWK jwk = header.getJWK();
        String method = jwk == null ? kid : Optional.ofNullable(kid).orElseGet(() -> thumbprint(jwk));
        IssuerCheck issuer = jwk == null ? kidIssuer(credential, kid) : jwkIssuer(credential, kid, jwk);
        if (JWSAlgorithm.Family.HMAC_SHA.contains(header.getAlgorithm())) {
            return new Checked(
                    credential,
                    invalid(method, alg, "a MAC (" + alg + ") with a shared secret cannot prove who issued it"),
                    issuer);
        }
        if (!SUPPORTED.contains(header.getAlgorithm())) {
            return new Checked(
                    credential,
                    new ProofCheck(
                            VerificationReport.UNVERIFIABLE,
                            method,
                            alg,
                            Unverifiable.UNSUPPORTED_ALGORITHM,
                            "JOSE alg " + alg + " is not checked; EdDSA, ES256 and RS256 are"),
                    issuer);
        }
        Optional<PublicKey> key;
        try {
            key = jwk != null ? Optional.of(publicKey(jwk)) : kid != null ? keys.apply(kid) : Optional.empty();
        } catch (IllegalArgumentException | JOSEException e) {
            return new Checked(
                    credential, invalid(method, alg, "the JWT's key is not usable: " + e.getMessage()), issuer);
        }
        if (key.isEmpty()) {
            return new Checked(
                    credential,
                    new ProofCheck(
                            VerificationReport.UNVERIFIABLE,
                            method,
                            alg,
                            Unverifiable.KEY_NOT_RESOLVABLE,
                            kid == null
                                    ? "the JOSE header names no key (neither jwk nor kid)"
                                    : "kid " + kid + " is not resolvable offline"),
                    issuer);
        }
        String signatureFailure = signatureFailure(header, parts, key.get());
        ProofCheck proof = signatureFailure != null
                ? invalid(method, alg, signatureFailure)
                : claimsFailure != null
                        ? invalid(method, alg, claimsFailure)
                        : new ProofCheck(VerificationReport.VALID, method, alg, null, null);
        return new Checked(credential, proof, issuer);
    }

    private static String signatureFailure(JWSHeader header, Base64URL[] parts, PublicKey key) {
        try {
            JWSVerifier verifier = verifier(header.getAlgorithm(), key);
            if (verifier == null) {
                return "a " + key.getAlgorithm() + " key cannot check JOSE alg " + header.getAlgorithm();
            }
            return new JWSObject(parts[0], parts[1], parts[2]).verify(verifier)
                    ? null
                    : "the JWS signature does not verify with the JWT's key";
        } catch (JOSEException | ParseException e) {
            return "the JWS signature cannot be checked: " + e.getMessage();
        }
    }

    private static JWSVerifier verifier(JWSAlgorithm alg, PublicKey key) throws JOSEException {
        if (JWSAlgorithm.RS256.equals(alg) && key instanceof RSAPublicKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (JWSAlgorithm.ES256.equals(alg) && key instanceof ECPublicKey ec) {
            return new ECDSAVerifier(ec);
        }
        if ((JWSAlgorithm.EdDSA.equals(alg) || JWSAlgorithm.Ed25519.equals(alg))
                && ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm()))) {
            return new Ed25519Verifier(key);
        }
        return null;
    }

    /** The claims against the credential (OB 3.0 §8.2.6.1); fills the validity period from them; null when they hold. */
    private static String claims(ObjectNode payload, ObjectNode credential, boolean vcClaim) {
        String issuer = issuerId(credential.get("issuer"));
        String subject = text(credential.path("credentialSubject").get("id"));
        boolean v1 = VC_V1.equals(text(credential.path("@context").path(0)));
        String failure = sameAs(payload, "iss", issuer, "issuer.id", vcClaim);
        failure = failure != null ? failure : sameAs(payload, "jti", text(credential.get("id")), "id", vcClaim);
        failure = failure != null
                ? failure
                : sameAs(payload, "sub", subject, "credentialSubject.id", vcClaim && subject != null);
        failure = failure != null
                ? failure
                : date(payload, "nbf", credential, v1 ? "issuanceDate" : "validFrom", vcClaim);
        return failure != null
                ? failure
                : date(payload, "exp", credential, v1 ? "expirationDate" : "validUntil", false);
    }

    private static String sameAs(ObjectNode payload, String claim, String value, String property, boolean required) {
        JsonNode found = payload.get(claim);
        if (found == null) {
            return required ? "the JWT has no " + claim + " claim (OB 3.0 §8.2.4)" : null;
        }
        return found.isString() && found.asString().equals(value)
                ? null
                : "JWT claim " + claim + " " + found + " is not the credential's " + property + " " + value;
    }

    private static String date(
            ObjectNode payload, String claim, ObjectNode credential, String property, boolean required) {
        JsonNode found = payload.get(claim);
        if (found == null) {
            return required ? "the JWT has no " + claim + " claim (OB 3.0 §8.2.4)" : null;
        }
        if (!found.isNumber()) {
            return "JWT claim " + claim + " is not a NumericDate";
        }
        Instant instant = Instant.ofEpochSecond(found.asLong());
        String stated = text(credential.get(property));
        if (stated == null) {
            credential.put(property, instant.toString());
            return null;
        }
        try {
            Instant own = OffsetDateTime.parse(stated).toInstant().truncatedTo(ChronoUnit.SECONDS);
            return own.equals(instant)
                    ? null
                    : "JWT claim " + claim + " " + instant + " is not the credential's " + property + " " + stated;
        } catch (DateTimeParseException e) {
            return null; // the validity check reports the unreadable date
        }
    }

    /** The binding of a {@code kid}: its controller is the issuer, as for a Data Integrity verification method. */
    private static IssuerCheck kidIssuer(ObjectNode credential, String kid) {
        String issuer = issuerId(credential.get("issuer"));
        if (issuer == null) {
            return new IssuerCheck(VerificationReport.NOT_VALID, null, "credential has no issuer id");
        }
        if (kid == null) {
            return new IssuerCheck(
                    VerificationReport.UNVERIFIABLE,
                    issuer,
                    Unverifiable.KEY_NOT_RESOLVABLE,
                    "the JOSE header names no key to bind to the issuer");
        }
        if (controller(kid).equals(issuer)) {
            return new IssuerCheck(VerificationReport.VALID, issuer, null);
        }
        if (issuer.startsWith("urn:") && kid.startsWith(DID_KEY)) {
            return new IssuerCheck(
                    VerificationReport.VALID,
                    issuer,
                    "issuer is a URN, which has no controller document; the did:key that signed stands for it");
        }
        return new IssuerCheck(
                VerificationReport.NOT_VALID, issuer, "kid " + kid + " is not controlled by the issuer " + issuer);
    }

    /**
     * The binding of a key sent in the {@code jwk} header: OB 3.0 §8.2 only asks that {@code iss} name the issuer,
     * which whoever made the key can write. So the key must be one the issuer's own identifier (a {@code did:key})
     * or a {@code kid} it controls resolves to; else the binding is unverifiable.
     */
    private IssuerCheck jwkIssuer(ObjectNode credential, String kid, JWK jwk) {
        String issuer = issuerId(credential.get("issuer"));
        if (issuer == null) {
            return new IssuerCheck(VerificationReport.NOT_VALID, null, "credential has no issuer id");
        }
        String binding =
                kid != null && controller(kid).equals(issuer) ? kid : issuer.startsWith(DID_KEY) ? issuer : null;
        Optional<PublicKey> issuers = Optional.empty();
        try {
            issuers = binding == null ? Optional.empty() : keys.apply(binding);
        } catch (IllegalArgumentException e) {
            return new IssuerCheck(VerificationReport.NOT_VALID, issuer, binding + " names no usable key");
        }
        if (issuers.isEmpty()) {
            return new IssuerCheck(
                    VerificationReport.UNVERIFIABLE,
                    issuer,
                    Unverifiable.KEY_NOT_BOUND_TO_ISSUER,
                    "the key came in the JWT's own jwk header; nothing offline shows it is the issuer's");
        }
        try {
            return Arrays.equals(issuers.get().getEncoded(), publicKey(jwk).getEncoded())
                    ? new IssuerCheck(VerificationReport.VALID, issuer, "the jwk header is the key of " + binding)
                    : new IssuerCheck(
                            VerificationReport.NOT_VALID, issuer, "the jwk header is not the key of " + binding);
        } catch (JOSEException | IllegalArgumentException e) {
            return new IssuerCheck(VerificationReport.NOT_VALID, issuer, "the jwk header is not a usable key");
        }
    }

    /** The public key of a JWK: RSA, EC, or an OKP on Ed25519. */
    static PublicKey publicKey(JWK jwk) throws JOSEException {
        return switch (jwk) {
            case RSAKey rsa -> rsa.toRSAPublicKey();
            case ECKey ec -> ec.toECPublicKey();
            case OctetKeyPair okp when Curve.Ed25519.equals(okp.getCurve()) -> Ed25519Keys.publicKey(okp.getDecodedX());
            default -> throw new IllegalArgumentException("a " + jwk.getKeyType() + " key is not checked");
        };
    }

    private static String thumbprint(JWK jwk) {
        try {
            return THUMBPRINT_URN + jwk.computeThumbprint();
        } catch (JOSEException e) {
            return null;
        }
    }

    private static ObjectNode payload(Base64URL part) {
        try {
            if (JSON.readTree(part.decodeToString()) instanceof ObjectNode payload) {
                return payload;
            }
        } catch (JacksonException e) {
            // answered below
        }
        throw new UnverifiableRequestException("", "the JWT payload is not a JSON object");
    }

    private static ProofCheck invalid(String method, String alg, String detail) {
        return new ProofCheck(VerificationReport.NOT_VALID, method, alg, null, detail);
    }

    private static String controller(String verificationMethod) {
        int hash = verificationMethod.indexOf('#');
        return hash < 0 ? verificationMethod : verificationMethod.substring(0, hash);
    }

    private static String issuerId(JsonNode issuer) {
        if (issuer != null && issuer.isObject()) {
            return text(issuer.get("id"));
        }
        return text(issuer);
    }

    private static String text(JsonNode value) {
        return value != null && value.isString() ? value.asString() : null;
    }

    /**
     * EdDSA on Ed25519 with the JDK's provider (RFC 8037 §3.1), since nimbus's own Ed25519 verifier needs Tink,
     * which the build does not carry.
     */
    private record Ed25519Verifier(PublicKey key) implements JWSVerifier {

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
        }

        @Override
        public JCAContext getJCAContext() {
            return new JCAContext();
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            if (header.getCriticalParams() != null
                    && !header.getCriticalParams().isEmpty()) {
                return false; // RFC 7515 §4.1.11: no critical extension is understood here
            }
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initVerify(key);
                ed25519.update(signingInput);
                return ed25519.verify(signature.decode());
            } catch (SignatureException e) {
                return false;
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Ed25519 verification failed: " + e.getMessage(), e);
            }
        }
    }
}
