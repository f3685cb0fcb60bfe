package org.credstack.enrollment.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.credstack.runtime.audit.AuditLog;
import org.credstack.runtime.audit.AuditTarget;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates, lists, rotates and revokes partner keys, and checks a key id and secret (docs/partner-keys.md).
 *
 * <p>Secrets are 32 random bytes, base64url without padding (43 characters), shown once when made; only their
 * {@code DelegatingPasswordEncoder} hash (bcrypt) is stored. Checking a bcrypt hash costs tens of milliseconds, too
 * much per request at 100 statements a second, so a key id and secret that passed are remembered for {@link
 * PartnerKeyProperties#verifiedTtl()} under the SHA-256 of key id, secret and the stored hash they matched. The key's
 * document is still read by {@code _id} on every request, so a revocation, and a rotation (which changes the stored
 * hash and so the remembered entry's name), take effect at once on every instance.
 */
@Service
@EnableConfigurationProperties(PartnerKeyProperties.class)
class PartnerKeys {

    static final String COLLECTION = "partnerKeys";

    /** {@code lastUsedAt} is written at most once a minute per key, not once per request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /** Most remembered verifications; past it they are all forgotten (each is one bcrypt check to relearn). */
    static final int MAX_VERIFIED = 10_000;

    static final int MAX_LABEL = 200;

    private final SecureRandom random = new SecureRandom();
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private final MongoTemplate mongo;
    private final Clock clock;
    private final PartnerKeyProperties properties;
    private final AuditLog auditLog;

    PartnerKeys(MongoTemplate mongo, Clock clock, PartnerKeyProperties properties, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("providerId", Sort.Direction.ASC));
    }

    /** A key with its secret in clear, as answered once when the secret is made. */
    record Issued(PartnerKey key, String secret) {}

    /**
     * Makes a key for the provider.
     *
     * @param label what the provider calls it, at most {@value #MAX_LABEL} characters, may be {@code null}
     * @throws InvalidPartnerKeyRequest naming {@code label}
     */
    Issued create(String providerId, String label) {
        if (label != null && (label.length() > MAX_LABEL || label.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidPartnerKeyRequest(
                    "label", "label is at most " + MAX_LABEL + " characters without control characters");
        }
        String secret = secret();
        PartnerKey key = new PartnerKey(
                "pk-" + HexFormat.of().formatHex(bytes(16)),
                providerId,
                label,
                encoder.encode(secret),
                null,
                null,
                clock.instant(),
                null,
                null,
                null);
        PartnerKey created = mongo.insert(key);
        audit("partner-key.created", created, label == null ? Map.of() : Map.of("label", label));
        return new Issued(created, secret);
    }

    /** Records a change of a key in the audit log; never its secret or hash. */
    private void audit(String action, PartnerKey key, Map<String, ?> details) {
        auditLog.record(
                action,
                AuditTarget.ofProvider(
                        key.providerId(), "/api/v1/providers/" + key.providerId() + "/partner-keys/" + key.id()),
                details);
    }

    /** The provider's keys, oldest first; one indexed query. */
    List<PartnerKey> of(String providerId) {
        Query query = Query.query(Criteria.where("providerId").is(providerId));
        return mongo.find(query, PartnerKey.class).stream()
                .sorted(java.util.Comparator.comparing(PartnerKey::createdAt).thenComparing(PartnerKey::id))
                .toList();
    }

    /**
     * A new secret for the key; the one before keeps working for {@link PartnerKeyProperties#rotationOverlap()}.
     *
     * @throws PartnerKeyNotFound if the provider has no such key
     * @throws PartnerKeyRevoked if it is revoked
     */
    Issued rotate(String providerId, String keyId) {
        PartnerKey key = get(providerId, keyId);
        if (key.revoked()) {
            throw new PartnerKeyRevoked(keyId);
        }
        Instant now = clock.instant();
        String secret = secret();
        PartnerKey rotated = key.rotated(encoder.encode(secret), now, now.plus(properties.rotationOverlap()));
        PartnerKey saved = mongo.save(rotated);
        audit("partner-key.rotated", saved, Map.of("previousValidUntil", saved.previousValidUntil()));
        return new Issued(saved, secret);
    }

    /**
     * Revokes the key: from now on it authenticates nothing. Revoking again changes nothing.
     *
     * @throws PartnerKeyNotFound if the provider has no such key
     */
    PartnerKey revoke(String providerId, String keyId) {
        PartnerKey key = get(providerId, keyId);
        if (key.revoked()) {
            return key;
        }
        boolean revoked = mongo.updateFirst(
                                Query.query(Criteria.where("_id")
                                        .is(keyId)
                                        .and("revokedAt")
                                        .is(null)),
                                Update.update("revokedAt", clock.instant()),
                                PartnerKey.class)
                        .getModifiedCount()
                > 0;
        PartnerKey now = mongo.findById(keyId, PartnerKey.class);
        if (revoked) {
            audit("partner-key.revoked", now, Map.of());
        }
        return now;
    }

    /**
     * The provider a key id and secret report for, when the key exists, is not revoked and the secret is its current
     * one or, during the rotation overlap, its previous one.
     *
     * @return the key, or empty when any of that fails
     */
    Optional<PartnerKey> authenticate(String keyId, String secret) {
        if (keyId == null || secret == null) {
            return Optional.empty();
        }
        PartnerKey key = mongo.findById(keyId, PartnerKey.class);
        if (key == null || key.revoked()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        for (String hash : key.acceptedHashes(now)) {
            if (matches(keyId, secret, hash, now)) {
                touch(key, now);
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private boolean matches(String keyId, String secret, String hash, Instant now) {
        String remembered = sha256(keyId + '\n' + secret + '\n' + hash);
        Instant until = verified.get(remembered);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        if (!encoder.matches(secret, hash)) {
            return false;
        }
        if (properties.verifiedTtl().isPositive()) {
            if (verified.size() >= MAX_VERIFIED) {
                verified.clear();
            }
            verified.put(remembered, now.plus(properties.verifiedTtl()));
        }
        return true;
    }

    private void touch(PartnerKey key, Instant now) {
        if (key.lastUsedAt() == null || !now.isBefore(key.lastUsedAt().plus(LAST_USED_RESOLUTION))) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(key.id())),
                    Update.update("lastUsedAt", now),
                    PartnerKey.class);
        }
    }

    private PartnerKey get(String providerId, String keyId) {
        PartnerKey key = mongo.findById(keyId, PartnerKey.class);
        if (key == null || !key.providerId().equals(providerId)) {
            throw new PartnerKeyNotFound(keyId);
        }
        return key;
    }

    private String secret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    private byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
