package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.issuing.IssuedCredentials;
import org.credstack.badge.jsonld.RdfCanonicalizer;
import org.credstack.badge.schema.OpenBadgeSchemaValidator;
import org.credstack.badge.signing.DataIntegrityVerifier;
import org.credstack.badge.signing.Ed25519Keys;
import org.credstack.badge.signing.Multikey;
import org.credstack.badge.status.StatusLists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * VC-JWT credentials (OB 3.0 §8.2) signed here with keys made in the test and signed with the JDK's own
 * signatures (the verifier checks with nimbus-jose-jwt): each algorithm verifies and a tampered copy does not; the
 * claims bind the credential; {@code alg: none} and HMAC are never verified; the 1EdTech {@code simple.jwt}.
 */
class VcJwtTest {

    static final String ISSUER = "https://issuer.elsewhere.example/issuers/1";

    static final KeyPair ED25519 = Ed25519Keys.generate();
    static final String DID_KEY = "did:key:" + Multikey.encode(ED25519.getPublic());
    static final KeyPair ES256 = generate("EC", new ECGenParameterSpec("secp256r1"));
    static final KeyPair RS256 = generate("RSA", null);

    final KeyPair ed25519 = ED25519;
    final String didKey = DID_KEY;
    final KeyPair es256 = ES256;
    final KeyPair rs256 = RS256;
    final VerificationFixturesTest fixtures = new VerificationFixturesTest();
    final Issuers issuers = mock(Issuers.class);
    final CredentialVerifier verifier = verifier();

    CredentialVerifier verifier() {
        // the issuer's EC and RSA keys as JsonWebKeys in its controller document, as it would be fetched
        DocumentSource controller = url -> {
            if (!url.toString().equals(ISSUER)) {
                throw new DocumentUnavailableException(url, DocumentUnavailableException.Reason.UNREACHABLE, "offline");
            }
            ObjectNode document = JsonMapper.shared().createObjectNode();
            document.putArray("@context").add("https://www.w3.org/ns/cid/v1");
            document.put("id", ISSUER);
            var methods = document.putArray("verificationMethod");
            var assertion = document.putArray("assertionMethod");
            for (var key : List.of(
                    new ECKey.Builder(Curve.P_256, (ECPublicKey) es256.getPublic())
                            .keyID(ISSUER + "#es256")
                            .build(),
                    new RSAKey.Builder((RSAPublicKey) rs256.getPublic())
                            .keyID(ISSUER + "#rs256")
                            .build())) {
                ObjectNode method = methods.addObject();
                method.put("id", key.getKeyID());
                method.put("type", "JsonWebKey");
                method.put("controller", ISSUER);
                method.set(
                        "publicKeyJwk",
                        JsonMapper.shared().readTree(key.toPublicJWK().toJSONString()));
                assertion.add(key.getKeyID());
            }
            return document;
        };
        when(issuers.publicKey(any())).thenReturn(Optional.empty());
        StatusLists ownLists = mock(StatusLists.class);
        when(ownLists.isRevoked(any(), anyInt())).thenReturn(Optional.empty());
        IssuedCredentials issued = mock(IssuedCredentials.class);
        when(issued.revocation(any())).thenReturn(Optional.empty());
        return new CredentialVerifier(
                new VerificationMethods(issuers, VerificationFixturesTest.OWN_BASE, controller),
                new DataIntegrityVerifier(RdfCanonicalizer.offline()),
                OpenBadgeSchemaValidator.achievementCredential(),
                ownLists,
                issued,
                url -> Optional.empty(),
                fixtures.clock);
    }

    static KeyPair generate(String algorithm, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(curve);
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An OB 3.0 credential on VC 2.0 without a proof (a fixture that verifies, its proof removed). */
    static ObjectNode credential(String issuer) {
        ObjectNode credential = VerificationFixturesTest.read(ForeignCredentialsTest.GENUINE);
        credential.remove("proof");
        ((ObjectNode) credential.get("issuer")).put("id", issuer);
        return credential;
    }

    /** The VC-JOSE payload: the credential itself with the JWT claims OB 3.0 §8.2.4 names. */
    static ObjectNode payload(ObjectNode credential) {
        ObjectNode payload = credential.deepCopy();
        payload.put("iss", credential.get("issuer").get("id").asString());
        payload.put("jti", credential.get("id").asString());
        payload.put("sub", credential.get("credentialSubject").get("id").asString());
        payload.put("nbf", 1262304000L); // 2010-01-01T00:00:00Z, its validFrom
        return payload;
    }

    /** A compact JWS signed with the JDK (not nimbus): the verifier under test is not checking its own output. */
    static String sign(Map<String, Object> header, ObjectNode payload, KeyPair key) {
        String signingInput = Base64URL.encode(VerificationFixturesTest.JSON.writeValueAsString(header)) + "."
                + Base64URL.encode(VerificationFixturesTest.JSON.writeValueAsString(payload));
        String jdk = switch (header.get("alg").toString()) {
            case "EdDSA", "Ed25519" -> "Ed25519";
            case "ES256" -> "SHA256withECDSAinP1363Format";
            case "RS256" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException(header.toString());
        };
        try {
            Signature signature = Signature.getInstance(jdk);
            signature.initSign(key.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64URL.encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same JWS with a changed payload and the original signature. */
    static String tampered(String compact) {
        String[] parts = compact.split("\\.");
        ObjectNode payload =
                (ObjectNode) VerificationFixturesTest.JSON.readTree(new Base64URL(parts[1]).decodeToString());
        ObjectNode credential = payload.get("vc") instanceof ObjectNode vc ? vc : payload;
        credential.put("name", "A Badge Never Awarded");
        return parts[0] + "." + Base64URL.encode(VerificationFixturesTest.JSON.writeValueAsString(payload)) + "."
                + parts[2];
    }

    static Stream<Arguments> algorithms() {
        return Stream.of(
                Arguments.of("EdDSA", DID_KEY + "#" + Multikey.encode(ED25519.getPublic()), ED25519),
                Arguments.of("ES256", ISSUER + "#es256", ES256),
                Arguments.of("RS256", ISSUER + "#rs256", RS256));
    }

    String signedWithKid(String alg, String kid, KeyPair key) {
        String issuer = kid.substring(0, kid.indexOf('#'));
        return sign(Map.of("alg", alg, "kid", kid, "typ", "vc+jwt"), payload(credential(issuer)), key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void verifiesEachAlgorithmWithAKidItsIssuerControls(String alg, String kid, KeyPair key) {
        VerificationReport report = verifier.verifyJwt(signedWithKid(alg, kid, key));

        assertThat(report.checks().proof()).isEqualTo(new VerificationReport.ProofCheck("valid", kid, alg, null, null));
        assertThat(report.checks().issuer().status()).isEqualTo("valid");
        assertThat(report.credentialId()).isEqualTo("http://example.com/credentials/3527");
        assertThat(report.status()).as("%s", report.checks()).isEqualTo("verified");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void tamperedPayloadIsInvalidOnTheProof(String alg, String kid, KeyPair key) {
        VerificationReport report = verifier.verifyJwt(tampered(signedWithKid(alg, kid, key)));

        assertThat(report.checks().proof().status()).isEqualTo("invalid");
        assertThat(report.checks().proof().detail()).contains("signature does not verify");
        assertThat(report.status()).isEqualTo("invalid");
    }

    @Test
    void credentialInTheVcClaimIsReadAsVc11() {
        ObjectNode credential = credential(didKey);
        ObjectNode payload = VerificationFixturesTest.JSON.createObjectNode();
        payload.set("vc", credential);
        payload.put("iss", didKey);
        payload.put("jti", credential.get("id").asString());
        payload.put("sub", credential.get("credentialSubject").get("id").asString());
        payload.put("nbf", 1262304000L);
        String kid = didKey + "#" + Multikey.encode(ed25519.getPublic());

        VerificationReport report =
                verifier.verifyJwt(sign(Map.of("alg", "EdDSA", "kid", kid, "typ", "JWT"), payload, ed25519));

        assertThat(report.checks().proof().status()).isEqualTo("valid");
        assertThat(report.status()).as("%s", report.checks()).isEqualTo("verified");
    }

    @Test
    void nbfAndExpSetTheValidityPeriodTheCredentialLeavesOut() {
        ObjectNode credential = credential(ISSUER);
        credential.remove("validFrom");
        ObjectNode payload = payload(credential);
        payload.put("exp", 1577836800L); // 2020-01-01T00:00:00Z, before the test clock

        VerificationReport report =
                verifier.verifyJwt(sign(Map.of("alg", "RS256", "kid", ISSUER + "#rs256"), payload, rs256));

        assertThat(report.checks().validity().validFrom()).hasToString("2010-01-01T00:00:00Z");
        assertThat(report.checks().validity().validUntil()).hasToString("2020-01-01T00:00:00Z");
        assertThat(report.status()).as("%s", report.checks()).isEqualTo("expired");
    }

    @Test
    void claimsThatContradictTheCredentialMakeTheProofInvalid() {
        ObjectNode payload = payload(credential(ISSUER));
        payload.put("iss", "https://someone.else.example/issuers/9");
        ObjectNode otherJti = payload(credential(ISSUER));
        otherJti.put("jti", "urn:uuid:another-credential");
        ObjectNode otherNbf = payload(credential(ISSUER));
        otherNbf.put("nbf", 1262304001L);
        Map<String, Object> header = Map.of("alg", "ES256", "kid", ISSUER + "#es256");

        for (ObjectNode contradicting : java.util.List.of(payload, otherJti, otherNbf)) {
            VerificationReport report = verifier.verifyJwt(sign(header, contradicting, es256));

            assertThat(report.checks().proof().status()).isEqualTo("invalid");
            assertThat(report.checks().proof().detail()).startsWith("JWT claim ");
            assertThat(report.status()).isEqualTo("invalid");
        }
    }

    @Test
    void jwkHeaderVerifiesTheSignatureButDoesNotShowTheIssuer() throws JOSEException {
        JWK jwk = new RSAKey.Builder((RSAPublicKey) rs256.getPublic()).build();
        String compact = sign(Map.of("alg", "RS256", "jwk", jwk.toJSONObject()), payload(credential(ISSUER)), rs256);

        VerificationReport report = verifier.verifyJwt(compact);

        assertThat(report.checks().proof().status()).isEqualTo("valid");
        assertThat(report.checks().proof().verificationMethod())
                .isEqualTo("urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + jwk.computeThumbprint());
        assertThat(report.checks().issuer().status()).isEqualTo("unverifiable");
        assertThat(report.checks().issuer().cause()).isEqualTo(Unverifiable.KEY_NOT_BOUND_TO_ISSUER);
        assertThat(report.status()).isEqualTo("unverifiable");
        assertThat(verifier.verifyJwt(tampered(compact)).checks().proof().status())
                .isEqualTo("invalid");
    }

    @Test
    void jwkHeaderOfTheIssuersDidKeyIsBound() {
        JWK own = new OctetKeyPair.Builder(
                        Curve.Ed25519, Base64URL.encode(Ed25519Keys.rawPublicKey(ed25519.getPublic())))
                .build();
        KeyPair other = Ed25519Keys.generate();
        JWK others = new OctetKeyPair.Builder(
                        Curve.Ed25519, Base64URL.encode(Ed25519Keys.rawPublicKey(other.getPublic())))
                .build();
        ObjectNode payload = payload(credential(didKey));

        VerificationReport bound =
                verifier.verifyJwt(sign(Map.of("alg", "EdDSA", "jwk", own.toJSONObject()), payload, ed25519));
        VerificationReport notBound =
                verifier.verifyJwt(sign(Map.of("alg", "Ed25519", "jwk", others.toJSONObject()), payload, other));

        assertThat(bound.status()).as("%s", bound.checks()).isEqualTo("verified");
        assertThat(notBound.checks().proof().status()).isEqualTo("valid");
        assertThat(notBound.checks().issuer().status()).isEqualTo("invalid");
        assertThat(notBound.status()).isEqualTo("invalid");
    }

    @Test
    void unsecuredJwtIsInvalid() throws java.text.ParseException {
        String unsecured =
                new PlainJWT(JWTClaimsSet.parse(payload(credential(ISSUER)).toString())).serialize();

        VerificationReport report = verifier.verifyJwt(unsecured);

        assertThat(report.checks().proof().status()).isEqualTo("invalid");
        assertThat(report.checks().proof().algorithm()).isEqualTo("none");
        assertThat(report.status()).isEqualTo("invalid");
    }

    @Test
    void hmacJwtIsInvalidEvenWithItsSecretUnknown() throws JOSEException {
        JWSObject mac = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(ISSUER + "#hmac")
                        .build(),
                new Payload(payload(credential(ISSUER)).toString()));
        mac.sign(new MACSigner("a shared secret of at least 256 bits!".getBytes(StandardCharsets.UTF_8)));

        VerificationReport report = verifier.verifyJwt(mac.serialize());

        assertThat(report.checks().proof().status()).isEqualTo("invalid");
        assertThat(report.checks().proof().algorithm()).isEqualTo("HS256");
        assertThat(report.status()).isEqualTo("invalid");
    }

    @Test
    void unsupportedAsymmetricAlgorithmIsUnverifiable() throws JOSEException {
        KeyPair p384 = generate("EC", new ECGenParameterSpec("secp384r1"));
        JWSObject es384 = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES384)
                        .jwk(new ECKey.Builder(Curve.P_384, (ECPublicKey) p384.getPublic()).build())
                        .build(),
                new Payload(payload(credential(ISSUER)).toString()));
        es384.sign(new com.nimbusds.jose.crypto.ECDSASigner((java.security.interfaces.ECPrivateKey) p384.getPrivate()));

        VerificationReport report = verifier.verifyJwt(es384.serialize());

        assertThat(report.checks().proof().status()).isEqualTo("unverifiable");
        assertThat(report.checks().proof().cause()).isEqualTo(Unverifiable.UNSUPPORTED_ALGORITHM);
        assertThat(report.status()).isEqualTo("unverifiable");
    }

    @Test
    void jwkHeaderHoldingAPrivateKeyIsInvalid() {
        JWK leaked = new RSAKey.Builder((RSAPublicKey) rs256.getPublic())
                .privateKey(rs256.getPrivate())
                .build();
        String compact = sign(Map.of("alg", "RS256", "jwk", leaked.toJSONObject()), payload(credential(ISSUER)), rs256);

        VerificationReport report = verifier.verifyJwt(compact);

        assertThat(report.checks().proof().status()).isEqualTo("invalid");
        assertThat(report.checks().proof().detail()).contains("private key");
    }

    @Test
    void keyOfAnotherTypeThanTheAlgorithmIsInvalid() {
        String compact = sign(Map.of("alg", "RS256", "kid", ISSUER + "#es256"), payload(credential(ISSUER)), rs256);

        VerificationReport report = verifier.verifyJwt(compact);

        assertThat(report.checks().proof().status()).isEqualTo("invalid");
        assertThat(report.checks().proof().detail()).contains("cannot check JOSE alg RS256");
    }

    @Test
    void oneEdTechSimpleJwtNamesNoKeyAndIsUnverifiable() {
        String compact = BakedImagesTest.text(VerificationFixturesTest.ONE_EDTECH + "ob30/simple.jwt");

        VerificationReport report = verifier.verifyJwt(compact);

        assertThat(report.checks().proof().status()).isEqualTo("unverifiable");
        assertThat(report.checks().proof().cause()).isEqualTo(Unverifiable.KEY_NOT_RESOLVABLE);
        assertThat(report.checks().proof().algorithm()).isEqualTo("RS256");
        assertThat(report.credentialId()).isEqualTo("http://example.edu/credentials/3732");
        assertThat(report.status()).isEqualTo("unverifiable");
    }

    @Test
    void textThatIsNoCompactJwsIsNotACredential() {
        assertThatThrownBy(() -> verifier.verifyJwt("not.a-jwt")).isInstanceOf(UnverifiableRequestException.class);
        assertThatThrownBy(() -> verifier.verifyJwt(
                        Base64URL.encode("{\"alg\":\"RS256\"}") + "." + Base64URL.encode("[1,2]") + ".c2ln"))
                .isInstanceOf(UnverifiableRequestException.class)
                .hasMessageContaining("payload is not a JSON object");
    }
}
