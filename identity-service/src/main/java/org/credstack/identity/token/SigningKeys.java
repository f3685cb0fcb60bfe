package org.credstack.identity.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.credstack.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The key ring of RSA signing keys (RS256), kept in the store ({@link SigningKey}) so that tokens stay valid across
 * restarts and instances. The newest key signs ({@link #signingKey()}); as a {@link JWKSource} the ring offers the
 * <em>published</em> keys, the ones the JWKS endpoint shows and this service's own API verifies with: the newest, and
 * each older one until its successor has signed for {@link #retirementGrace()} (the longest token lifetime plus five
 * minutes of clock skew), so every token it signed has expired. After that it is deleted.
 *
 * <p>The first start creates generation 1; a key older than {@code credstack.identity.key-rotation} is replaced at
 * start or by the periodic check ({@code key-check-interval}), which also reloads the ring another instance changed.
 * The ring holds a handful of documents, read whole on each check, never per request.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration ID_TOKEN_TTL = Duration.ofMinutes(30);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final IdentityProperties properties;
    private final Clock clock;
    private volatile List<SigningKey> ring;

    SigningKeys(MongoTemplate mongo, IdentityProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** The key that signs new tokens now, private parameters included. */
    public RSAKey signingKey() {
        return parse(ring().getFirst());
    }

    /** The public keys the JWKS shows: the signing key first, then the retiring ones, newest first. */
    public List<RSAKey> published() {
        List<SigningKey> keys = ring();
        Instant now = clock.instant();
        List<RSAKey> published = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (i == 0 || keys.get(i - 1).createdAt().plus(retirementGrace()).isAfter(now)) {
                published.add(parse(keys.get(i)).toPublicJWK());
            }
        }
        return published;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(List.copyOf(published())));
    }

    /**
     * Makes a new signing key when there is none or the newest is older than {@code key-rotation}, deletes the keys
     * retired longer than {@link #retirementGrace()} ago, and reloads the ring. Safe to run on several instances at
     * once: a generation is added by one of them only.
     */
    @Scheduled(
            initialDelayString = "${credstack.identity.key-check-interval:1m}",
            fixedDelayString = "${credstack.identity.key-check-interval:1m}")
    public void rotateIfDue() {
        Instant now = clock.instant();
        List<SigningKey> keys = load();
        if (keys.isEmpty()
                || !keys.getFirst().createdAt().plus(properties.keyRotation()).isAfter(now)) {
            long generation = keys.isEmpty() ? 1 : keys.getFirst().generation() + 1;
            try {
                mongo.insert(new SigningKey(generation, newKey().toJSONString(), now));
                log.info("signing key generation {} created", generation);
            } catch (DuplicateKeyException e) {
                log.info("signing key generation {} was created by another instance", generation);
            }
            keys = load();
        }
        for (int i = 1; i < keys.size(); i++) {
            if (!keys.get(i - 1).createdAt().plus(retirementGrace()).isAfter(now)) {
                mongo.remove(Query.query(Criteria.where("_id").is(keys.get(i).generation())), SigningKey.class);
            }
        }
        ring = load();
    }

    /** How long a replaced key stays published: the longest token lifetime plus clock skew. */
    Duration retirementGrace() {
        Duration longest =
                properties.accessTokenTtl().compareTo(ID_TOKEN_TTL) > 0 ? properties.accessTokenTtl() : ID_TOKEN_TTL;
        return longest.plus(CLOCK_SKEW);
    }

    private List<SigningKey> ring() {
        List<SigningKey> keys = ring;
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
        return mongo.findAll(SigningKey.class).stream()
                .sorted(Comparator.comparingLong(SigningKey::generation).reversed())
                .toList();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }

    private static RSAKey parse(SigningKey key) {
        try {
            return RSAKey.parse(key.jwk());
        } catch (ParseException e) {
            throw new IllegalStateException("signing key generation " + key.generation() + " is not a JWK", e);
        }
    }
}
