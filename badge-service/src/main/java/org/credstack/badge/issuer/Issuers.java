package org.credstack.badge.issuer;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.bson.Document;
import org.credstack.badge.BadgeProperties;
import org.credstack.badge.signing.Ed25519Keys;
import org.credstack.badge.signing.Multikey;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * Issuers are the catalog's providers; each gets one Ed25519 signing key, generated the first time the
 * provider is seen and kept for good. The issuer's id, which is also the controller of its key, is
 * {@code <base>/issuers/{providerId}}; its verification method is {@code
 * <base>/issuers/{providerId}#<publicKeyMultibase>} (see {@link IssuerDocument} for what that URL
 * serves).
 *
 * <p>Stored in the collection {@code issuers}, one document per provider:
 *
 * <pre>{@code
 * { "_id": "<providerId>", "publicKeyMultibase": "z6Mk...", "privateKeySeed": "<base64, 32 bytes>",
 *   "keyCreatedAt": ISODate(...), "name": "...", "url": "...", "email": "...",
 *   "profileAsOf": ISODate(...) }   // business time of the catalog event the profile comes from
 * }</pre>
 *
 * <p>Race-safe: the key document is inserted under the provider id, so when two instances see a new
 * provider at once one insert fails on the unique {@code _id} and that instance reads the winner's key.
 * The private key seed is stored as is: protecting it at rest (KMS envelope encryption) is the
 * deployment's job and not done here.
 */
@Service
public class Issuers {

    static final String COLLECTION = "issuers";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final BadgeProperties properties;
    private final SecureRandom random = new SecureRandom();

    Issuers(MongoTemplate mongo, Clock clock, BadgeProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
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
     * The key a provider's credentials are signed with, created if the provider has none yet.
     *
     * @throws IllegalArgumentException if the provider id is blank
     */
    public IssuerKey signingKey(String providerId) {
        requireId(providerId);
        Document issuer = ensureKey(providerId);
        KeyPair keys = Ed25519Keys.fromSeed(Base64.getDecoder().decode(issuer.getString("privateKeySeed")));
        return new IssuerKey(issuerId(providerId), verificationMethod(issuer), keys.getPrivate());
    }

    /** The issuer as its profile shows it, if the provider is known. */
    public Optional<Issuer> find(String providerId) {
        return Optional.ofNullable(mongo.findById(providerId, Document.class, COLLECTION))
                .map(issuer -> new Issuer(
                        issuerId(providerId),
                        issuer.getString("name"),
                        issuer.getString("url"),
                        issuer.getString("email"),
                        verificationMethod(issuer),
                        issuer.getString("publicKeyMultibase")));
    }

    /**
     * The public key of one of this service's verification methods ({@code
     * <base>/issuers/{providerId}#<publicKeyMultibase>}); empty when the URL is not ours, the issuer is
     * unknown, or the key named is not the issuer's key.
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
                .filter(issuer -> issuer.verificationMethod().equals(verificationMethod))
                .map(issuer -> Multikey.decode(multikey));
    }

    /** The issuer's id and key controller: {@code <base>/issuers/{providerId}}. */
    public String issuerId(String providerId) {
        return properties.url("/issuers/" + UriUtils.encodePathSegment(providerId, StandardCharsets.UTF_8));
    }

    private String verificationMethod(Document issuer) {
        return issuerId(issuer.getString("_id")) + "#" + issuer.getString("publicKeyMultibase");
    }

    private Document ensureKey(String providerId) {
        Document existing = mongo.findById(providerId, Document.class, COLLECTION);
        if (existing != null) {
            return existing;
        }
        byte[] seed = new byte[Ed25519Keys.KEY_LENGTH];
        random.nextBytes(seed);
        KeyPair keys = Ed25519Keys.fromSeed(seed.clone());
        Document created = new Document("_id", providerId)
                .append("publicKeyMultibase", Multikey.encode(keys.getPublic()))
                .append("privateKeySeed", Base64.getEncoder().encodeToString(seed))
                .append("keyCreatedAt", clock.instant());
        try {
            mongo.insert(created, COLLECTION);
            return created;
        } catch (DuplicateKeyException anotherInstanceWasFaster) {
            return mongo.findById(providerId, Document.class, COLLECTION);
        }
    }

    private static void requireId(String providerId) {
        if (providerId == null || providerId.isBlank()) {
            throw new IllegalArgumentException("provider id must not be blank");
        }
    }
}
