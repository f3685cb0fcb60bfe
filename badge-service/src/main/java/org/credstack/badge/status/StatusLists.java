package org.credstack.badge.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.credstack.badge.BadgeProperties;
import org.credstack.badge.issuer.IssuerKey;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.signing.DataIntegritySigner;
import org.credstack.badge.signing.ProofOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The providers' revocation status lists (W3C Bitstring Status List v1.0), in the collection {@code
 * statusLists}, one document per provider and list, read and written by {@code _id} only:
 *
 * <pre>{@code
 * { "_id": "<providerId>/<list>", "providerId": "p-1", "list": 0,
 *   "allocated": 1234,                 // entries handed out; the next index is this value
 *   "revoked": [17, 802],              // the entries whose bit is set
 *   "version": 3,                      // +1 whenever "revoked" changes
 *   "credential": "<signed BitstringStatusListCredential JSON>", "signedVersion": 3 }
 * }</pre>
 *
 * <p><b>Allocation</b> never hands out an entry twice, across threads, instances and restarts: each index comes
 * from one atomic {@code findAndModify} that increments {@code allocated} of the provider's current list (upserted
 * on first use). When that returns more than the list holds, the list is full and the next list is tried; the
 * current list number is remembered per provider in memory, so after a restart the full lists are each passed
 * once. Indexes of a credential whose insert then fails stay unused (gaps, never reuse).
 *
 * <p><b>Signing</b> happens when a revocation changes a list, or on the first read of a list never signed; a
 * read of an unchanged list serves the stored signed JSON. The signature covers the list as of {@code version};
 * a signature made while another revocation landed is stored only if the version is still the one signed.
 */
public class StatusLists {

    static final String COLLECTION = "statusLists";
    static final String PATH = "/status-lists/";

    private final MongoTemplate mongo;
    private final Issuers issuers;
    private final DataIntegritySigner signer;
    private final BadgeProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final int entriesPerList;
    private final Map<String, Integer> currentList = new ConcurrentHashMap<>();

    /**
     * @param entriesPerList how many entries are handed out per list, at most {@link BitstringStatusList#LENGTH}
     *     (fewer only in tests, to fill lists quickly); the bitstring always has {@code LENGTH} bits
     * @throws IllegalArgumentException if {@code entriesPerList} is not in {@code [1, LENGTH]}
     */
    StatusLists(
            MongoTemplate mongo,
            Issuers issuers,
            DataIntegritySigner signer,
            BadgeProperties properties,
            JsonMapper json,
            Clock clock,
            int entriesPerList) {
        if (entriesPerList < 1 || entriesPerList > BitstringStatusList.LENGTH) {
            throw new IllegalArgumentException("entriesPerList must be in [1, " + BitstringStatusList.LENGTH + "]");
        }
        this.mongo = mongo;
        this.issuers = issuers;
        this.signer = signer;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.entriesPerList = entriesPerList;
    }

    /**
     * Hands out the next free entry of the provider's revocation list, opening a new list when the current one is
     * full. One {@code findAndModify} by {@code _id} in the common case.
     *
     * @throws IllegalArgumentException if the provider id is blank
     */
    public StatusListEntry allocate(String providerId) {
        if (providerId == null || providerId.isBlank()) {
            throw new IllegalArgumentException("provider id must not be blank");
        }
        int list = currentList.getOrDefault(providerId, 0);
        while (true) {
            Long allocated = increment(providerId, list);
            if (allocated == null) {
                continue; // two first allocations raced on the upsert; the loser tries again
            }
            if (allocated <= entriesPerList) {
                currentList.merge(providerId, list, Math::max);
                return new StatusListEntry(providerId, list, (int) (allocated - 1), url(providerId, list));
            }
            list++;
        }
    }

    /**
     * Sets the entry's bit and signs the changed list. Idempotent: an entry already set changes nothing.
     *
     * @throws IllegalStateException if the entry was never allocated
     */
    public void revoke(StatusListEntry entry) {
        String id = id(entry.providerId(), entry.list());
        mongo.updateFirst(
                new Query(Criteria.where("_id").is(id).and("revoked").ne(entry.index())),
                new Update().push("revoked", entry.index()).inc("version", 1),
                COLLECTION);
        if (signed(entry.providerId(), entry.list()).isEmpty()) {
            throw new IllegalStateException("status list " + id + " does not exist");
        }
    }

    /**
     * The signed {@code BitstringStatusListCredential} of a list as JSON, signed now if the list changed since it
     * was last signed; empty for a list that was never opened.
     */
    public Optional<String> signed(String providerId, int list) {
        Document stored = mongo.findById(id(providerId, list), Document.class, COLLECTION);
        if (stored == null) {
            return Optional.empty();
        }
        long version = number(stored.get("version"));
        String credential = stored.getString("credential");
        if (credential != null
                && stored.get("signedVersion") != null
                && number(stored.get("signedVersion")) == version) {
            return Optional.of(credential);
        }
        String signed = sign(providerId, list, stored.getList("revoked", Integer.class, List.of()));
        mongo.updateFirst(
                new Query(Criteria.where("_id")
                        .is(stored.get("_id"))
                        .and("version")
                        .is(stored.get("version"))),
                new Update().set("credential", signed).set("signedVersion", version),
                COLLECTION);
        return Optional.of(signed);
    }

    /**
     * Whether an entry of one of this service's lists is set, read from the store without HTTP.
     *
     * @param statusListCredential the list URL a {@code credentialStatus} names
     * @param index its {@code statusListIndex}
     * @return empty when the URL is not one of this service's lists, the list does not exist or the entry was
     *     never allocated
     */
    public Optional<Boolean> isRevoked(String statusListCredential, int index) {
        String prefix = properties.url(PATH);
        if (statusListCredential == null || !statusListCredential.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = statusListCredential.substring(prefix.length());
        int slash = rest.lastIndexOf('/');
        if (slash <= 0 || !rest.substring(slash + 1).matches("\\d{1,9}")) {
            return Optional.empty();
        }
        String providerId = UriUtils.decode(rest.substring(0, slash), StandardCharsets.UTF_8);
        int list = Integer.parseInt(rest.substring(slash + 1));
        if (!url(providerId, list).equals(statusListCredential)) {
            return Optional.empty();
        }
        String id = id(providerId, list);
        Query byId = new Query(Criteria.where("_id").is(id));
        byId.fields().include("allocated");
        Document stored = mongo.findOne(byId, Document.class, COLLECTION);
        if (stored == null || index < 0 || index >= Math.min(number(stored.get("allocated")), entriesPerList)) {
            return Optional.empty();
        }
        return Optional.of(mongo.exists(
                new Query(Criteria.where("_id").is(id).and("revoked").is(index)), COLLECTION));
    }

    /** The entry {@code index} of a provider's list {@code list}, as a credential names it. */
    public StatusListEntry entry(String providerId, int list, int index) {
        return new StatusListEntry(providerId, list, index, url(providerId, list));
    }

    /** The list's public URL: {@code <base>/status-lists/{providerId}/{list}}. */
    public String url(String providerId, int list) {
        return properties.url(PATH + UriUtils.encodePathSegment(providerId, StandardCharsets.UTF_8) + "/" + list);
    }

    private Long increment(String providerId, int list) {
        Query byId = new Query(Criteria.where("_id").is(id(providerId, list)));
        byId.fields().include("allocated");
        try {
            Document counted = mongo.findAndModify(
                    byId,
                    new Update()
                            .inc("allocated", 1L)
                            .setOnInsert("providerId", providerId)
                            .setOnInsert("list", list)
                            .setOnInsert("version", 0L),
                    FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class,
                    COLLECTION);
            return number(counted.get("allocated"));
        } catch (DuplicateKeyException concurrentUpsert) {
            return null;
        }
    }

    private String sign(String providerId, int list, List<Integer> revoked) {
        IssuerKey key = issuers.signingKey(providerId);
        var unsigned = StatusListCredentials.unsigned(
                url(providerId, list), key.issuerId(), BitstringStatusList.withSet(revoked), clock.instant());
        return json.writeValueAsString(signer.sign(
                unsigned, ProofOptions.assertionMethod(key.verificationMethod(), clock.instant()), key.privateKey()));
    }

    /** {@code <providerId>/<list>}: a list number has no slash, so two providers never share an id. */
    static String id(String providerId, int list) {
        return providerId + "/" + list;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The service's lists, with the full {@value BitstringStatusList#LENGTH} entries each. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        StatusLists statusLists(
                MongoTemplate mongo,
                Issuers issuers,
                DataIntegritySigner signer,
                BadgeProperties properties,
                JsonMapper json,
                Clock clock) {
            return new StatusLists(mongo, issuers, signer, properties, json, clock, BitstringStatusList.LENGTH);
        }
    }
}
