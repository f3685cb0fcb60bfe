package org.credstack.badge.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.credstack.badge.BadgeProperties;
import org.credstack.badge.TestClockConfig;
import org.credstack.badge.signing.Ed25519Keys;
import org.credstack.badge.signing.Multikey;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.credstack.runtime.crypto.LocalKeyEncryptionKey;
import org.credstack.runtime.crypto.SealedValue;
import org.credstack.runtime.crypto.SecretCipher;
import org.credstack.testsupport.InfrastructureInitializer;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Issuer private keys are stored only sealed, plain ones left by earlier versions are sealed on start. */
@Import(TestClockConfig.class)
class IssuerKeysAtRestIT extends ServiceIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    Issuers issuers;

    @Autowired
    SecretCipher cipher;

    @Autowired
    TestClock clock;

    @Autowired
    BadgeProperties properties;

    @Test
    void aSigningKeyIsOpenedOnceAndOpenedAgainAfterARotation() {
        String providerId = "prov-" + UUID.randomUUID();
        issuers.register(provider(providerId), Instant.parse("2024-01-01T00:00:00Z"));

        IssuerKey first = issuers.signingKey(providerId);
        IssuerKey again = issuers.signingKey(providerId);
        issuers.rotate(providerId);
        IssuerKey rotated = issuers.signingKey(providerId);

        assertThat(again).isSameAs(first);
        assertThat(rotated.verificationMethod()).isNotEqualTo(first.verificationMethod());
        String signingKey =
                mongo.findById(providerId, Document.class, "issuers").getString("signingKey");
        assertThat(rotated.verificationMethod()).endsWith("#" + signingKey);
        assertThat(Multikey.encode(
                        Ed25519Keys.fromSeed(seed(rotated.privateKey())).getPublic()))
                .isEqualTo(signingKey);
    }

    @Test
    void theStoreHoldsEveryIssuerPrivateKeyOnlySealed() {
        String providerId = "prov-" + UUID.randomUUID();
        issuers.register(provider(providerId), Instant.parse("2024-01-01T00:00:00Z"));
        byte[] firstSeed = seed(issuers.signingKey(providerId).privateKey());
        issuers.rotate(providerId);
        byte[] secondSeed = seed(issuers.signingKey(providerId).privateKey());

        Document stored = mongo.findById(providerId, Document.class, "issuers");

        String raw = stored.toJson();
        for (byte[] seed : List.of(firstSeed, secondSeed)) {
            assertThat(raw)
                    .doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(seed))
                    .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(seed))
                    .doesNotContainIgnoringCase(HexFormat.of().formatHex(seed));
        }
        assertThat(stored).doesNotContainKey("privateKeySeed");
        List<Document> keys = stored.getList("keys", Document.class);
        assertThat(keys).hasSize(2);
        for (Document key : keys) {
            assertThat(key.keySet())
                    .containsExactlyInAnyOrder("publicKeyMultibase", "sealedPrivateKeySeed", "createdAt");
            assertThat(key.getString("sealedPrivateKeySeed")).startsWith("v1." + cipher.currentKekId() + ".");
        }
        assertThat(cipher.decrypt(
                        SealedValue.parse(keys.get(1).getString("sealedPrivateKeySeed")),
                        Issuers.context(providerId, keys.get(1).getString("publicKeyMultibase"))))
                .isEqualTo(secondSeed);
    }

    @Test
    void aSealedKeyCopiedToAnotherIssuerDoesNotOpenThere() {
        String victim = "prov-" + UUID.randomUUID();
        String thief = "prov-" + UUID.randomUUID();
        issuers.register(provider(victim), Instant.parse("2024-01-01T00:00:00Z"));
        issuers.register(provider(thief), Instant.parse("2024-01-01T00:00:00Z"));
        Document victimKey = mongo.findById(victim, Document.class, "issuers")
                .getList("keys", Document.class)
                .getFirst();
        mongo.getCollection("issuers")
                .updateOne(
                        new Document("_id", thief),
                        new Document(
                                "$set",
                                new Document("keys", List.of(victimKey))
                                        .append("signingKey", victimKey.getString("publicKeyMultibase"))));

        assertThatThrownBy(() -> issuers.signingKey(thief)).hasMessageContaining("sealed for another context");
    }

    @Test
    void aPlainKeyLeftByAnEarlierVersionIsSealedOnStartAndKeepsSigningAsTheSameKey() throws Exception {
        String providerId = "prov-" + UUID.randomUUID();
        byte[] seed = randomSeed();
        KeyPair legacy = Ed25519Keys.fromSeed(seed);
        String publicKey = Multikey.encode(legacy.getPublic());
        mongo.insert(
                new Document("_id", providerId)
                        .append("publicKeyMultibase", publicKey)
                        .append("privateKeySeed", Base64.getEncoder().encodeToString(seed))
                        .append("keyCreatedAt", Instant.parse("2023-06-01T00:00:00Z"))
                        .append("name", "Legacy Academy"),
                "issuers");

        new StoredKeySealing(issuers).run(null);

        Document stored = mongo.findById(providerId, Document.class, "issuers");
        assertThat(stored).doesNotContainKeys("privateKeySeed", "publicKeyMultibase", "keyCreatedAt");
        assertThat(stored.toJson()).doesNotContain(Base64.getEncoder().encodeToString(seed));
        assertThat(stored.getString("signingKey")).isEqualTo(publicKey);
        assertThat(stored.getString("name")).isEqualTo("Legacy Academy");
        Document key = stored.getList("keys", Document.class).getFirst();
        assertThat(key.getString("publicKeyMultibase")).isEqualTo(publicKey);
        assertThat(key.get("createdAt")).isNotNull();
        IssuerKey signing = issuers.signingKey(providerId);
        assertThat(signing.verificationMethod()).isEqualTo(issuers.issuerId(providerId) + "#" + publicKey);
        assertThat(verifies(signing.privateKey(), legacy)).isTrue();
        assertThat(issuers.find(providerId).orElseThrow().verificationMethods())
                .containsExactly(signing.verificationMethod());
        assertThat(issuers.sealStoredKeys()).as("nothing left to seal").isZero();
    }

    @Test
    void aPlainKeyMetBeforeTheStartMigrationIsSealedOnFirstUse() {
        String providerId = "prov-" + UUID.randomUUID();
        byte[] seed = randomSeed();
        String publicKey = Multikey.encode(Ed25519Keys.fromSeed(seed).getPublic());
        mongo.insert(
                new Document("_id", providerId)
                        .append("publicKeyMultibase", publicKey)
                        .append("privateKeySeed", Base64.getEncoder().encodeToString(seed))
                        .append("keyCreatedAt", Instant.parse("2023-06-01T00:00:00Z")),
                "issuers");

        assertThat(issuers.find(providerId).orElseThrow().signingMethod()).endsWith("#" + publicKey);
        IssuerKey signing = issuers.signingKey(providerId);

        assertThat(signing.verificationMethod()).endsWith("#" + publicKey);
        assertThat(mongo.findById(providerId, Document.class, "issuers")).doesNotContainKey("privateKeySeed");
    }

    @Test
    void afterAKekRotationTheStartReSealsEveryKeyUnderTheNewKekAndTheOldKekCanBeRetired() {
        // a store of its own: resealing touches every issuer, and the service's issuers use the JVM's KEK
        MongoTemplate store = new MongoTemplate(mongoClient, "badge-kek-rotation-" + UUID.randomUUID());
        LocalKeyEncryptionKey oldKek = LocalKeyEncryptionKey.fromBase64(InfrastructureInitializer.CRYPTO_KEK, "kek");
        LocalKeyEncryptionKey newKek = new LocalKeyEncryptionKey(randomSeed());
        Issuers beforeKekRotation = new Issuers(store, clock, properties, new SecretCipher(oldKek, List.of()));
        beforeKekRotation.register(provider("p-1"), Instant.parse("2024-01-01T00:00:00Z"));
        beforeKekRotation.rotate("p-1");
        List<String> methods = beforeKekRotation.find("p-1").orElseThrow().verificationMethods();
        String signingMethod = beforeKekRotation.signingKey("p-1").verificationMethod();

        Issuers afterKekRotation = new Issuers(store, clock, properties, new SecretCipher(newKek, List.of(oldKek)));
        assertThat(afterKekRotation.signingKey("p-1").verificationMethod())
                .as("opens under the previous KEK before resealing")
                .isEqualTo(signingMethod);
        assertThat(afterKekRotation.sealStoredKeys()).isEqualTo(1);

        Document stored = store.findById("p-1", Document.class, "issuers");
        assertThat(stored.getList("keys", Document.class))
                .extracting(k ->
                        SealedValue.parse(k.getString("sealedPrivateKeySeed")).kekId())
                .containsOnly(newKek.id());
        Issuers oldKekRetired = new Issuers(store, clock, properties, new SecretCipher(newKek, List.of()));
        assertThat(oldKekRetired.signingKey("p-1").verificationMethod()).isEqualTo(signingMethod);
        assertThat(oldKekRetired.find("p-1").orElseThrow().verificationMethods())
                .containsExactlyElementsOf(methods);
        assertThatThrownBy(() ->
                        new Issuers(store, clock, properties, new SecretCipher(oldKek, List.of())).sealStoredKeys())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("of issuer p-1 does not open")
                .hasMessageContaining(newKek.id())
                .hasMessageContaining("credstack.crypto.previous-keks");
        store.getDb().drop();
    }

    private static ProviderSnapshot provider(String providerId) {
        return new ProviderSnapshot(providerId, "Example Academy", "https://academy.example.org", null, "UTC");
    }

    /** The 32-byte seed of a JDK Ed25519 private key: the last bytes of its PKCS#8 encoding (RFC 8410 §7). */
    private static byte[] seed(PrivateKey privateKey) {
        byte[] encoded = privateKey.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static byte[] randomSeed() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    private static boolean verifies(PrivateKey privateKey, KeyPair expected) throws Exception {
        byte[] message = "credential".getBytes();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(message);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(expected.getPublic());
        verifier.update(message);
        return verifier.verify(signer.sign());
    }
}
