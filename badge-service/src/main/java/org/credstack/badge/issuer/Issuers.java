package org.credstack.badge.issuer;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.credstack.badge.BadgeProperties;
import org.credstack.badge.signing.Ed25519Keys;
import org.credstack.badge.signing.Multikey;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.credstack.runtime.crypto.SealedValue;
import org.credstack.runtime.crypto.SealedValueException;
import org.credstack.runtime.crypto.SecretCipher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * Issuers are the catalog's providers; each gets an Ed25519 signing key the first time the provider is seen, and a
 * new one at each {@link #rotate rotation}, keeping every earlier key as a verification method. The issuer's id,
 * which is also the controller of its keys, is {@code <base>/issuers/{providerId}}; a key's verification method is
 * {@code <base>/issuers/{providerId}#<publicKeyMultibase>} (see {@link IssuerDocument} for what that URL serves).
 *
 * <p>Stored in the collection {@code issuers}, one document per provider, read and written by {@code _id}:
 *
 * <pre>{@code
 * { "_id": "<providerId>",
 *   "keys": [ { "publicKeyMultibase": "z6Mk...", "sealedPrivateKeySeed": "v1.local-3f1c...", "createdAt": ISODate },
 *             ... ],                 // every key ever used, oldest first
 *   "signingKey": "z6Mk...",         // the key new credentials are signed with
 *   "keysVersion": 2,                // +1 whenever "keys" changes
 *   "name": "...", "url": "...", "email": "...",
 *   "profileAsOf": ISODate(...) }    // business time of the catalog event the profile comes from
 * }</pre>
 *
 * <p><b>Keys at rest.</b> A private key seed is stored only sealed by the platform's {@link SecretCipher} (envelope
 * encryption under the key-encryption key, {@code credstack.crypto.kek}), with the context {@code
 * badge/issuer-key/<providerId>#<publicKeyMultibase>}, so a sealed seed opens only as the key it belongs to. A
 * store written before that holds the seed in plain ({@code privateKeySeed}, {@code publicKeyMultibase}, {@code
 * keyCreatedAt} at the top level): {@link #sealStoredKeys} converts every such document on start, and signing or
 * rotating with one converts it first ({@link #find} shows it as it is).
 *
 * <p>Race-safe: a new provider's document is inserted under its id, so when two instances see it at once one insert
 * fails on the unique {@code _id} and that instance reads the winner's key; converting a plain key is conditional on
 * the plain seed still being there, resealing on {@code keysVersion}.
 */
@Service
public class Issuers {

    static final String COLLECTION = "issuers";

    /** How many opened signing keys are held before the cache starts again (one per issuer and key in use). */
    private static final int OPENED_KEYS_HELD = 1_000;

    static final String KEYS = "keys";
    static final String PUBLIC_KEY = "publicKeyMultibase";
    static final String SEALED_SEED = "sealedPrivateKeySeed";
    static final String SIGNING_KEY = "signingKey";
    static final String KEYS_VERSION = "keysVersion";

    /** The plain seed of a store written before keys were sealed. */
    static final String PLAIN_SEED = "privateKeySeed";

    private static final String PLAIN_CREATED_AT = "keyCreatedAt";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final BadgeProperties properties;
    private final SecretCipher cipher;
    private final SecureRandom random = new SecureRandom();

    /**
     * Signing keys already opened, by {@link #context}: opening one (unsealing the seed, deriving the Ed25519 key
     * pair) cost about 5 % of badge-service's CPU per credential when done for every credential. An entry is used
     * only while the issuer document still holds the same sealed seed, so a rotation or a resealing under a new
     * key-encryption key opens the key again.
     */
    private final Map<String, OpenedKey> opened = new ConcurrentHashMap<>();

    Issuers(MongoTemplate mongo, Clock clock, BadgeProperties properties, SecretCipher cipher) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        this.cipher = cipher;
    }

    /**
     * Makes sure the provider has a key, and takes its name, URL and email as the issuer profile unless
     * a more recent catalog event already gave them.
     *
     * @param provider the provider as a catalog snapshot names it
     * @param asOf business time of that snapshot
     * @throws IllegalArgumentException if the provider has no id
     */
    public void register(ProviderSnapshot provider, Instant asOf) {
        requireId(provider.id());
        ensureKey(provider.id());
        Query notNewer = new Query(Criteria.where("_id")
                .is(provider.id())
                .orOperator(
                        Criteria.where("profileAsOf").lte(asOf),
                        Criteria.where("profileAsOf").exists(false)));
        mongo.updateFirst(
                notNewer,
                new Update()
                        .set("name", provider.name())
                        .set("url", provider.url())
                        .set("email", provider.email())
                        .set("profileAsOf", asOf),
                COLLECTION);
    }

    /**
     * The current key a provider's credentials are signed with, created if the provider has none yet.
     *
     * @throws IllegalArgumentException if the provider id is blank
     * @throws SealedValueException if the stored key does not open (its key-encryption key is not configured)
     */
    public IssuerKey signingKey(String providerId) {
        requireId(providerId);
        Document issuer = ensureKey(providerId);
        String publicKey = issuer.getString(SIGNING_KEY);
        Document key = keys(issuer).stream()
                .filter(k -> publicKey.equals(k.getString(PUBLIC_KEY)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "issuer " + providerId + " signs with " + publicKey + ", which is not among its keys"));
        String sealed = key.getString(SEALED_SEED);
        String context = context(providerId, publicKey);
        OpenedKey open = opened.get(context);
        if (open != null && open.sealedSeed().equals(sealed)) {
            return open.key();
        }
        byte[] seed = cipher.decrypt(SealedValue.parse(sealed), context);
        try {
            KeyPair keys = Ed25519Keys.fromSeed(seed);
            if (!Multikey.encode(keys.getPublic()).equals(publicKey)) {
                throw new IllegalStateException("the sealed seed of " + publicKey + " is another key's");
            }
            String issuerId = issuerId(providerId);
            IssuerKey issuerKey = new IssuerKey(issuerId, issuerId + "#" + publicKey, keys.getPrivate());
            if (opened.size() >= OPENED_KEYS_HELD) {
                opened.clear();
            }
            opened.put(context, new OpenedKey(sealed, issuerKey));
            return issuerKey;
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** A signing key as it was opened from its sealed seed, which it is reused for as long as that is stored. */
    private record OpenedKey(String sealedSeed, IssuerKey key) {}

    /**
     * Gives the provider a new signing key: every credential and status list signed from now on names it, and
     * every earlier key stays one of the issuer's verification methods. One update by {@code _id}.
     *
     * @throws IssuerNotFoundException if the provider is not a known issuer
     */
    public KeyRotation rotate(String providerId) {
        Document issuer = providerId == null || providerId.isBlank()
                ? null
                : mongo.findById(providerId, Document.class, COLLECTION);
        if (issuer == null) {
            throw new IssuerNotFoundException(providerId);
        }
        if (issuer.containsKey(PLAIN_SEED)) {
            issuer = sealPlainKey(issuer);
        }
        Instant now = clock.instant();
        Document key = newKey(providerId, now);
        mongo.updateFirst(
                new Query(Criteria.where("_id").is(providerId)),
                new Update()
                        .push(KEYS, key)
                        .set(SIGNING_KEY, key.getString(PUBLIC_KEY))
                        .inc(KEYS_VERSION, 1),
                COLLECTION);
        String issuerId = issuerId(providerId);
        return new KeyRotation(
                issuerId,
                issuerId + "#" + key.getString(PUBLIC_KEY),
                issuerId + "#" + issuer.getString(SIGNING_KEY),
                now);
    }

    /** The issuer as its profile shows it, if the provider is known. */
    public Optional<Issuer> find(String providerId) {
        return Optional.ofNullable(mongo.findById(providerId, Document.class, COLLECTION))
                .map(issuer -> {
                    boolean plain = issuer.containsKey(PLAIN_SEED);
                    List<String> publicKeys = plain
                            ? List.of(issuer.getString(PUBLIC_KEY))
                            : keys(issuer).stream()
                                    .map(k -> k.getString(PUBLIC_KEY))
                                    .toList();
                    return new Issuer(
                            issuerId(providerId),
                            issuer.getString("name"),
                            issuer.getString("url"),
                            issuer.getString("email"),
                            publicKeys,
                            plain ? issuer.getString(PUBLIC_KEY) : issuer.getString(SIGNING_KEY));
                });
    }

    /**
     * The public key of one of this service's verification methods ({@code
     * <base>/issuers/{providerId}#<publicKeyMultibase>}), the current one or one a rotation replaced; empty when
     * the URL is not ours, the issuer is unknown, or the key named was never the issuer's.
     */
    public Optional<PublicKey> publicKey(String verificationMethod) {
        String prefix = properties.url("/issuers/");
        int hash = verificationMethod == null ? -1 : verificationMethod.indexOf('#');
        if (hash < 0 || !verificationMethod.startsWith(prefix)) {
            return Optional.empty();
        }
        String providerId =
                UriUtils.decode(verificationMethod.substring(prefix.length(), hash), StandardCharsets.UTF_8);
        String multikey = verificationMethod.substring(hash + 1);
        return find(providerId)
                .filter(issuer -> issuer.verificationMethods().contains(verificationMethod))
                .map(issuer -> Multikey.decode(multikey));
    }

    /** The issuer's id and key controller: {@code <base>/issuers/{providerId}}. */
    public String issuerId(String providerId) {
        return properties.url("/issuers/" + UriUtils.encodePathSegment(providerId, StandardCharsets.UTF_8));
    }

    /**
     * The one-time migration to keys at rest, run on every start: seals each key still stored in plain, and reseals
     * each key sealed under a key-encryption key that is no longer the current one (so that KEK can be retired).
     * Reads the whole collection once (one document per provider); does nothing to documents already in order.
     *
     * @return how many issuers' documents it changed
     * @throws IllegalStateException naming the issuer and the KEK when a sealed key opens with no configured KEK
     */
    public int sealStoredKeys() {
        int changed = 0;
        for (Document issuer : mongo.findAll(Document.class, COLLECTION)) {
            if (issuer.containsKey(PLAIN_SEED)) {
                sealPlainKey(issuer);
                changed++;
            } else if (keys(issuer).stream()
                    .anyMatch(k -> !cipher.isCurrent(SealedValue.parse(k.getString(SEALED_SEED))))) {
                changed += reseal(issuer) ? 1 : 0;
            }
        }
        return changed;
    }

    private Document ensureKey(String providerId) {
        Document existing = mongo.findById(providerId, Document.class, COLLECTION);
        if (existing != null) {
            return existing.containsKey(PLAIN_SEED) ? sealPlainKey(existing) : existing;
        }
        Document key = newKey(providerId, clock.instant());
        Document created = new Document("_id", providerId)
                .append(KEYS, List.of(key))
                .append(SIGNING_KEY, key.getString(PUBLIC_KEY))
                .append(KEYS_VERSION, 1L);
        try {
            mongo.insert(created, COLLECTION);
            return created;
        } catch (DuplicateKeyException anotherInstanceWasFaster) {
            return ensureKey(providerId);
        }
    }

    /** A fresh key pair as stored: public key, sealed seed, creation time. */
    private Document newKey(String providerId, Instant createdAt) {
        byte[] seed = new byte[Ed25519Keys.KEY_LENGTH];
        random.nextBytes(seed);
        try {
            String publicKey = Multikey.encode(Ed25519Keys.fromSeed(seed).getPublic());
            return storedKey(providerId, publicKey, seed, createdAt);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private Document storedKey(String providerId, String publicKey, byte[] seed, Object createdAt) {
        return new Document(PUBLIC_KEY, publicKey)
                .append(
                        SEALED_SEED,
                        cipher.encrypt(seed, context(providerId, publicKey)).encoded())
                .append("createdAt", createdAt);
    }

    /** Replaces a plain seed by the sealed form, unless another instance did so first; the document as stored. */
    private Document sealPlainKey(Document issuer) {
        String providerId = issuer.getString("_id");
        String plainSeed = issuer.getString(PLAIN_SEED);
        String publicKey = issuer.getString(PUBLIC_KEY);
        byte[] seed = Base64.getDecoder().decode(plainSeed);
        Document key;
        try {
            key = storedKey(providerId, publicKey, seed, issuer.get(PLAIN_CREATED_AT));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
        mongo.updateFirst(
                new Query(Criteria.where("_id").is(providerId).and(PLAIN_SEED).is(plainSeed)),
                new Update()
                        .set(KEYS, List.of(key))
                        .set(SIGNING_KEY, publicKey)
                        .set(KEYS_VERSION, 1L)
                        .unset(PLAIN_SEED)
                        .unset(PUBLIC_KEY)
                        .unset(PLAIN_CREATED_AT),
                COLLECTION);
        return mongo.findById(providerId, Document.class, COLLECTION);
    }

    /** Reseals every key not under the current KEK; false when a rotation changed the keys meanwhile. */
    private boolean reseal(Document issuer) {
        String providerId = issuer.getString("_id");
        List<Document> resealed = new ArrayList<>();
        for (Document key : keys(issuer)) {
            SealedValue sealed = SealedValue.parse(key.getString(SEALED_SEED));
            if (cipher.isCurrent(sealed)) {
                resealed.add(key);
                continue;
            }
            try {
                String context = context(providerId, key.getString(PUBLIC_KEY));
                resealed.add(new Document(key)
                        .append(SEALED_SEED, cipher.reseal(sealed, context).encoded()));
            } catch (SealedValueException e) {
                throw new IllegalStateException(
                        "the signing key " + key.getString(PUBLIC_KEY) + " of issuer " + providerId
                                + " does not open: " + e.getMessage()
                                + "; configure its key-encryption key in credstack.crypto.previous-keks",
                        e);
            }
        }
        return mongo.updateFirst(
                                new Query(Criteria.where("_id")
                                        .is(providerId)
                                        .and(KEYS_VERSION)
                                        .is(issuer.get(KEYS_VERSION))),
                                new Update().set(KEYS, resealed).inc(KEYS_VERSION, 1),
                                COLLECTION)
                        .getModifiedCount()
                > 0;
    }

    private static List<Document> keys(Document issuer) {
        return issuer.getList(KEYS, Document.class, List.of());
    }

    /** Binds a sealed seed to its issuer and public key: a seed moved elsewhere does not open. */
    static String context(String providerId, String publicKey) {
        return "badge/issuer-key/" + providerId + "#" + publicKey;
    }

    private static void requireId(String providerId) {
        if (providerId == null || providerId.isBlank()) {
            throw new IllegalArgumentException("provider id must not be blank");
        }
    }
}
