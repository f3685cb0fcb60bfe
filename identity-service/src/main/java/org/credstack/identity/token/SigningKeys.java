package org.credstack.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.credstack.identity.IdentityProperties;
import org.credstack.runtime.crypto.SealedValue;
import org.credstack.runtime.crypto.SealedValueException;
import org.credstack.runtime.crypto.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The key ring of RSA signing keys (RS256), kept in the store ({@link SigningKey}) so that tokens stay valid across
 * restarts and instances. The newest key signs ({@link #signingKey()}); as a {@link JWKSource} the ring offers the
 * <em>published</em> keys, the ones the JWKS endpoint shows and this service's own API verifies with: the newest, and
 * each older one until its successor has signed for {@link #retirementGrace()} (the longest token lifetime plus five
 * minutes of clock skew), so every token it signed has expired. After that it is deleted.
 *
 * <p><b>Keys at rest.</b> The private keys are stored only sealed by the platform's {@link SecretCipher} (envelope
 * encryption under {@code credstack.crypto.kek}) with the context {@link #context(long, String)}, so a sealed key
 * copied to another generation does not open there; the public key is stored in clear beside it. Each check opens
 * every stored key, seals a key a store written before this kept in plain (conditional on the plain key still being
 * there, so two instances seal it once), and reseals a key sealed under a previous KEK. A key that does not open stops
 * the check with {@link SigningKeyUnavailableException} before anything is changed: no new key is made while tokens
 * of the stored ones may be valid.
 *
 * <p>The ring is checked when the context is ready (a key that does not open stops the start, before the server
 * answers), and then by the periodic check ({@code key-check-interval}), which also reloads the ring another
 * instance changed. A key older than {@code credstack.identity.key-rotation} is replaced by the next generation. The
 * ring holds a handful of documents, read whole on each check, never per request; the opened keys are kept in memory.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext>, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration ID_TOKEN_TTL = Duration.ofMinutes(30);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final IdentityProperties properties;
    private final Clock clock;
    private final SecretCipher cipher;
    private volatile List<OpenKey> ring;

    SigningKeys(MongoTemplate mongo, IdentityProperties properties, Clock clock, SecretCipher cipher) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.cipher = cipher;
    }

    /** The key that signs new tokens now, private parameters included. */
    public RSAKey signingKey() {
        return ring().getFirst().key();
    }

    /** The public keys the JWKS shows: the signing key first, then the retiring ones, newest first. */
    public List<RSAKey> published() {
        List<OpenKey> keys = ring();
        Instant now = clock.instant();
        List<RSAKey> published = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (i == 0 || !retired(keys.get(i - 1), now)) {
                published.add(keys.get(i).key().toPublicJWK());
            }
        }
        return published;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(List.copyOf(published())));
    }

    /** Checks the ring at start, so a key that does not open stops the start with the settings to look at. */
    @Override
    public void afterSingletonsInstantiated() {
        rotateIfDue();
    }

    /**
     * Opens every stored key (sealing plain ones, resealing those under a previous KEK), makes a new signing key when
     * there is none or the newest is older than {@code key-rotation}, deletes the keys retired longer than {@link
     * #retirementGrace()} ago, and reloads the ring. Safe to run on several instances at once: a generation is added
     * by one of them only, and a key is sealed or resealed by one of them only.
     *
     * @throws SigningKeyUnavailableException if a stored key does not open; nothing was changed then
     */
    @Scheduled(
            initialDelayString = "${credstack.identity.key-check-interval:1m}",
            fixedDelayString = "${credstack.identity.key-check-interval:1m}")
    public synchronized void rotateIfDue() {
        Instant now = clock.instant();
        List<OpenKey> keys = open(load());
        if (keys.isEmpty()
                || !keys.getFirst().createdAt().plus(properties.keyRotation()).isAfter(now)) {
            long generation = keys.isEmpty() ? 1 : keys.getFirst().generation() + 1;
            try {
                mongo.insert(seal(generation, newKey(), now));
                log.info("signing key generation {} created", generation);
            } catch (DuplicateKeyException e) {
                log.info("signing key generation {} was created by another instance", generation);
            }
            keys = open(load());
        }
        List<OpenKey> kept = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0 && retired(keys.get(i - 1), now)) {
                mongo.remove(Query.query(Criteria.where("_id").is(keys.get(i).generation())), SigningKey.class);
            } else {
                kept.add(keys.get(i));
            }
        }
        ring = List.copyOf(kept);
    }

    /** How long a replaced key stays published: the longest token lifetime plus clock skew. */
    Duration retirementGrace() {
        Duration longest =
                properties.accessTokenTtl().compareTo(ID_TOKEN_TTL) > 0 ? properties.accessTokenTtl() : ID_TOKEN_TTL;
        return longest.plus(CLOCK_SKEW);
    }

    /**
     * Binds a sealed key pair to its generation and key id: a sealed value copied to another generation (or given
     * another key's id) does not open there.
     */
    static String context(long generation, String kid) {
        return "identity/signing-key/" + generation + "#" + kid;
    }

    /** Whether the successor of a key, {@code successor}, has signed long enough for that key to go. */
    private boolean retired(OpenKey successor, Instant now) {
        return !successor.createdAt().plus(retirementGrace()).isAfter(now);
    }

    private List<OpenKey> ring() {
        List<OpenKey> keys = ring;
        if (keys == null || keys.isEmpty()) {
            synchronized (this) {
                if (ring == null || ring.isEmpty()) {
                    rotateIfDue();
                }
                keys = ring;
            }
        }
        return keys;
    }

    private List<SigningKey> load() {
        return mongo.findAll(SigningKey.class);
    }

    /**
     * The stored keys opened, newest first. Opens every sealed key before resealing or sealing any, so a key that
     * does not open stops the check with nothing changed.
     */
    private List<OpenKey> open(List<SigningKey> stored) {
        List<SigningKey> sealed = stored.stream().filter(k -> !k.plain()).toList();
        List<OpenKey> opened =
                new ArrayList<>(sealed.stream().map(this::openSealed).toList());
        for (int i = 0; i < sealed.size(); i++) {
            if (!cipher.isCurrent(SealedValue.parse(sealed.get(i).sealedJwk()))) {
                reseal(sealed.get(i), opened.get(i).key());
            }
        }
        for (SigningKey key : stored) {
            if (key.plain()) {
                opened.add(sealPlain(key));
            }
        }
        opened.sort(Comparator.comparingLong(OpenKey::generation).reversed());
        return opened;
    }

    /** Opens a sealed key and checks it is the stored public key's. */
    private OpenKey openSealed(SigningKey stored) {
        SealedValue sealed;
        byte[] json;
        try {
            sealed = SealedValue.parse(stored.sealedJwk());
        } catch (SealedValueException e) {
            throw new SigningKeyUnavailableException(stored.generation(), "(unreadable)", e);
        }
        try {
            json = cipher.decrypt(sealed, context(stored.generation(), stored.kid()));
        } catch (SealedValueException e) {
            throw new SigningKeyUnavailableException(stored.generation(), sealed.kekId(), e);
        }
        try {
            RSAKey key = parse(stored.generation(), new String(json, StandardCharsets.UTF_8));
            RSAKey expected = parse(stored.generation(), stored.publicJwk());
            if (!key.isPrivate()
                    || !Objects.equals(key.getKeyID(), stored.kid())
                    || !thumbprint(key).equals(thumbprint(expected))) {
                throw new SigningKeyUnavailableException(
                        stored.generation(),
                        sealed.kekId(),
                        new IllegalStateException("the sealed key pair is not the stored public key's"));
            }
            return new OpenKey(stored.generation(), key, stored.createdAt());
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /** Moves a key sealed under a previous KEK under the current one, unless another instance did so first. */
    private void reseal(SigningKey stored, RSAKey key) {
        byte[] json = key.toJSONString().getBytes(StandardCharsets.UTF_8);
        String resealed;
        try {
            resealed = cipher.encrypt(json, context(stored.generation(), stored.kid()))
                    .encoded();
        } finally {
            Arrays.fill(json, (byte) 0);
        }
        long changed = mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(stored.generation())
                                .and(SigningKey.SEALED_JWK)
                                .is(stored.sealedJwk())),
                        Update.update(SigningKey.SEALED_JWK, resealed),
                        SigningKey.class)
                .getModifiedCount();
        if (changed > 0) {
            log.info(
                    "signing key generation {} resealed under key-encryption key {}",
                    stored.generation(),
                    cipher.currentKekId());
        }
    }

    /**
     * Replaces a plain key pair (a store written before keys were sealed) by the sealed form, keeping the key and its
     * {@code kid}, so tokens it signed still validate; conditional on the plain key still being there.
     */
    private OpenKey sealPlain(SigningKey stored) {
        RSAKey key = parse(stored.generation(), stored.jwk());
        if (!key.isPrivate() || key.getKeyID() == null) {
            throw new IllegalStateException(
                    "signing key generation " + stored.generation() + " is not an RSA key pair with a kid");
        }
        SigningKey sealed = seal(stored.generation(), key, stored.createdAt());
        long changed = mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(stored.generation())
                                .and(SigningKey.PLAIN_JWK)
                                .is(stored.jwk())),
                        new Update()
                                .set("kid", sealed.kid())
                                .set("publicJwk", sealed.publicJwk())
                                .set(SigningKey.SEALED_JWK, sealed.sealedJwk())
                                .unset(SigningKey.PLAIN_JWK),
                        SigningKey.class)
                .getModifiedCount();
        if (changed > 0) {
            log.info(
                    "signing key generation {} stored in plain was sealed under key-encryption key {}",
                    stored.generation(),
                    cipher.currentKekId());
        }
        return new OpenKey(stored.generation(), key, stored.createdAt());
    }

    /** The document of a key: its public part in clear, the key pair sealed for its generation and kid. */
    private SigningKey seal(long generation, RSAKey key, Instant createdAt) {
        byte[] json = key.toJSONString().getBytes(StandardCharsets.UTF_8);
        try {
            String sealed =
                    cipher.encrypt(json, context(generation, key.getKeyID())).encoded();
            return SigningKey.sealed(
                    generation, key.getKeyID(), key.toPublicJWK().toJSONString(), sealed, createdAt);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }

    private static RSAKey parse(long generation, String jwk) {
        if (jwk == null) {
            throw new IllegalStateException("signing key generation " + generation + " has no JWK");
        }
        try {
            return RSAKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("signing key generation " + generation + " is not an RSA JWK", e);
        }
    }

    private static String thumbprint(RSAKey key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute a JWK thumbprint", e);
        }
    }

    /** A stored key, opened: the key pair, private parameters included. */
    private record OpenKey(long generation, RSAKey key, Instant createdAt) {}
}
