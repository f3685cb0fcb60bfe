package org.credstack.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.credstack.identity.IdentityProperties;
import org.credstack.identity.RunningIdentity;
import org.credstack.runtime.crypto.LocalKeyEncryptionKey;
import org.credstack.runtime.crypto.SealedValue;
import org.credstack.runtime.crypto.SealedValueException;
import org.credstack.runtime.crypto.SecretCipher;
import org.credstack.testsupport.InfrastructureInitializer;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The private signing keys are stored only sealed under the key-encryption key; plain keys left by an earlier version
 * are sealed and keep signing; a KEK rotation reseals; a wrong KEK or context opens nothing and makes no new key.
 * Besides the service's own store, each test that changes keys runs a key ring of its own on a database of its own.
 */
class SigningKeysAtRestIT extends RunningIdentity {

    private static final List<String> PRIVATE_PARAMETERS = List.of("d", "p", "q", "dp", "dq", "qi");

    @Autowired
    SigningKeys keys;

    @Autowired
    SecretCipher cipher;

    @Autowired
    IdentityProperties properties;

    @Autowired
    MongoClient mongoClient;

    private final TestClock ownClock = new TestClock(Instant.now());
    private MongoTemplate store;

    @BeforeEach
    void ownStore() {
        store = new MongoTemplate(
                mongoClient, "identity-keys-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void dropOwnStore() {
        store.getDb().drop();
    }

    @Test
    void theStoreHoldsNoPrivateParameterInClear() throws Exception {
        String token = partnerToken();
        RSAKey signing = keys.signingKey();
        assertThat(verify(baseUrl(), token).getHeaders()).containsEntry("kid", signing.getKeyID());

        List<Document> stored = mongo.findAll(Document.class, SigningKey.COLLECTION);

        assertThat(stored).isNotEmpty();
        String raw = stored.stream().map(Document::toJson).collect(Collectors.joining());
        for (Base64URL value : privateParameters(signing)) {
            assertThat(raw)
                    .doesNotContain(value.toString())
                    .doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(value.decode()))
                    .doesNotContainIgnoringCase(HexFormat.of().formatHex(value.decode()));
        }
        for (Document key : stored) {
            assertThat(key).doesNotContainKey("jwk").containsKeys("kid", "publicJwk", "sealedJwk", "createdAt");
            Map<String, Object> publicJwk = JSONObjectUtils.parse(key.getString("publicJwk"));
            assertThat(publicJwk)
                    .doesNotContainKeys(PRIVATE_PARAMETERS.toArray(String[]::new))
                    .containsKeys("kty", "kid", "n", "e");
            assertThat(key.getString("sealedJwk")).startsWith("v1." + cipher.currentKekId() + ".");
        }
        Document newest = stored.stream()
                .filter(k -> k.getString("kid").equals(signing.getKeyID()))
                .findFirst()
                .orElseThrow();
        byte[] opened = cipher.decrypt(
                SealedValue.parse(newest.getString("sealedJwk")),
                SigningKeys.context(((Number) newest.get("_id")).longValue(), signing.getKeyID()));
        assertThat(RSAKey.parse(new String(opened, StandardCharsets.UTF_8))).isEqualTo(signing);
    }

    @Test
    void aSealedKeyCopiedToAnotherGenerationDoesNotOpenThere() {
        ring(cipher).rotateIfDue();
        Document first = store.findById(1L, Document.class, SigningKey.COLLECTION);
        Document copy = new Document(first).append("_id", 2L).append("createdAt", ownClock.instant());
        store.insert(copy, SigningKey.COLLECTION);

        assertThatThrownBy(() -> ring(cipher).rotateIfDue())
                .isInstanceOf(SigningKeyUnavailableException.class)
                .hasMessageContaining("generation 2 does not open")
                .hasMessageContaining("sealed for another context");
        assertThatThrownBy(() -> cipher.decrypt(
                        SealedValue.parse(first.getString("sealedJwk")),
                        SigningKeys.context(2, first.getString("kid"))))
                .isInstanceOf(SealedValueException.class);
        assertThat(store.count(new Query(), SigningKey.COLLECTION))
                .as("no key was added")
                .isEqualTo(2);
    }

    @Test
    void aPlainKeyLeftByAnEarlierVersionIsSealedOnceAndKeepsSigningAsTheSameKey() throws Exception {
        RSAKey legacy = new RSAKeyGenerator(2048)
                .keyUse(KeyUse.SIGNATURE)
                .keyID(UUID.randomUUID().toString())
                .generate();
        store.insert(
                new Document("_id", 1L)
                        .append("jwk", legacy.toJSONString())
                        .append("createdAt", ownClock.instant().minus(Duration.ofDays(3))),
                SigningKey.COLLECTION);
        String issuedBefore = sign(legacy);
        SigningKeys instanceA = ring(cipher);
        SigningKeys instanceB = ring(cipher);

        instanceA.rotateIfDue();
        Document sealedByA = store.findById(1L, Document.class, SigningKey.COLLECTION);
        instanceB.rotateIfDue();
        Document afterB = store.findById(1L, Document.class, SigningKey.COLLECTION);

        assertThat(afterB).as("sealed once").isEqualTo(sealedByA);
        assertThat(afterB).doesNotContainKey("jwk");
        assertThat(afterB.getString("kid")).isEqualTo(legacy.getKeyID());
        assertThat(afterB.getString("sealedJwk")).startsWith("v1." + cipher.currentKekId() + ".");
        for (Base64URL value : privateParameters(legacy)) {
            assertThat(afterB.toJson()).doesNotContain(value.toString());
        }
        assertThat(store.count(new Query(), SigningKey.COLLECTION))
                .as("no new generation")
                .isEqualTo(1);
        assertThat(instanceA.signingKey()).isEqualTo(legacy);
        assertThat(instanceB.signingKey()).isEqualTo(legacy);
        assertThat(validate(ring(cipher), issuedBefore).getHeaders()).containsEntry("kid", legacy.getKeyID());
        String issuedAfter = sign(ring(cipher).signingKey());
        assertThat(NimbusJwtDecoder.withPublicKey(legacy.toRSAPublicKey())
                        .build()
                        .decode(issuedAfter)
                        .getSubject())
                .isEqualTo("demo-partner");
    }

    @Test
    void afterAKekRotationTheCheckReSealsEveryKeyAndTheOldKekCanBeRetired() {
        LocalKeyEncryptionKey oldKek = LocalKeyEncryptionKey.fromBase64(InfrastructureInitializer.CRYPTO_KEK, "kek");
        LocalKeyEncryptionKey newKek = new LocalKeyEncryptionKey(randomBytes());
        SigningKeys beforeKekRotation = ring(new SecretCipher(oldKek, List.of()));
        beforeKekRotation.rotateIfDue();
        String issuedUnderFirst = sign(beforeKekRotation.signingKey());
        ownClock.advance(properties.keyRotation());
        beforeKekRotation.rotateIfDue();
        RSAKey signing = beforeKekRotation.signingKey();
        List<String> published =
                beforeKekRotation.published().stream().map(RSAKey::getKeyID).toList();
        assertThat(published).hasSize(2);

        SigningKeys afterKekRotation = ring(new SecretCipher(newKek, List.of(oldKek)));
        afterKekRotation.rotateIfDue();

        assertThat(store.findAll(Document.class, SigningKey.COLLECTION))
                .extracting(k -> SealedValue.parse(k.getString("sealedJwk")).kekId())
                .containsOnly(newKek.id());
        SigningKeys oldKekRetired = ring(new SecretCipher(newKek, List.of()));
        assertThat(oldKekRetired.signingKey()).isEqualTo(signing);
        assertThat(oldKekRetired.published()).extracting(RSAKey::getKeyID).containsExactlyElementsOf(published);
        assertThat(validate(oldKekRetired, issuedUnderFirst).getSubject()).isEqualTo("demo-partner");
        assertThatThrownBy(() -> ring(new SecretCipher(oldKek, List.of())).rotateIfDue())
                .isInstanceOf(SigningKeyUnavailableException.class)
                .hasMessageContaining(newKek.id())
                .hasMessageContaining("credstack.crypto.previous-keks");
    }

    @Test
    void aWrongKekOpensNothingAndMakesNoNewKeyEvenWhenARotationIsDue() {
        ring(cipher).rotateIfDue();
        Document stored = store.findById(1L, Document.class, SigningKey.COLLECTION);
        ownClock.advance(properties.keyRotation().plusDays(1));
        SigningKeys wrongKek = ring(new SecretCipher(new LocalKeyEncryptionKey(randomBytes()), List.of()));

        assertThatThrownBy(wrongKek::rotateIfDue)
                .isInstanceOf(SigningKeyUnavailableException.class)
                .hasMessageContaining("generation 1 does not open")
                .hasMessageContaining(cipher.currentKekId())
                .hasMessageContaining("credstack.crypto.kek");
        assertThatThrownBy(wrongKek::signingKey).isInstanceOf(SigningKeyUnavailableException.class);
        assertThat(store.findAll(Document.class, SigningKey.COLLECTION)).containsExactly(stored);
    }

    /** A key ring of its own: this test's database and clock, the given cipher. */
    private SigningKeys ring(SecretCipher secretCipher) {
        return new SigningKeys(store, properties, ownClock, secretCipher);
    }

    private String sign(RSAKey key) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        Instant now = Instant.now();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(),
                        JwtClaimsSet.builder()
                                .subject("demo-partner")
                                .issuedAt(now)
                                .expiresAt(now.plus(Duration.ofMinutes(5)))
                                .build()))
                .getTokenValue();
    }

    /** Validates a token against the published keys of a ring, as the service's own API does. */
    private static Jwt validate(SigningKeys ring, String token) {
        return NimbusJwtDecoder.withJwkSource(ring).build().decode(token);
    }

    private static List<Base64URL> privateParameters(RSAKey key) {
        return List.of(
                key.getPrivateExponent(),
                key.getFirstPrimeFactor(),
                key.getSecondPrimeFactor(),
                key.getFirstFactorCRTExponent(),
                key.getSecondFactorCRTExponent(),
                key.getFirstCRTCoefficient());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
