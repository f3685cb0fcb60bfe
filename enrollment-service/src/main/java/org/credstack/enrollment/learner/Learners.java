package org.credstack.enrollment.learner;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.credstack.events.enrollment.LearnerEmailChanged;
import org.credstack.runtime.ConflictRetry;
import org.credstack.runtime.Outbox;
import org.credstack.runtime.OutboxCollection;
import org.credstack.runtime.StoreQueries;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Registers learners and their identifiers (collection {@value #COLLECTION}) and finds them by id or by an xAPI
 * identifier key. Emails and accounts are unique across learners: the unique multikey index on
 * {@code identifierKeys} decides races. A change of primary address is published as {@code LearnerEmailChanged}
 * through the outbox (the learner document carries it in {@code pendingEvents}).
 */
@Service
public class Learners {

    static final String COLLECTION = "learners";
    static final String FOLDED_KEYS = "foldedKeys";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ConflictRetry conflicts;
    private final Outbox outbox;

    Learners(
            MongoTemplate mongo,
            Clock clock,
            ApplicationEventPublisher events,
            ConflictRetry conflicts,
            Outbox outbox) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
        this.conflicts = conflicts;
        this.outbox = outbox;
        mongo.indexOps(COLLECTION)
                .createIndex(
                        new Index().on("identifierKeys", Sort.Direction.ASC).unique());
        // case-insensitive matching of mbox actors reads learners by folded key, never by scanning
        mongo.indexOps(COLLECTION).createIndex(new Index().on(FOLDED_KEYS, Sort.Direction.ASC));
    }

    /** A learner and whether this request created it. */
    record Registered(Learner learner, boolean created) {}

    /**
     * Registers the learner with this id, or returns the one registered with it already, unchanged (registration is
     * idempotent by id: a learner signing in again, a retried request). The request is validated either way.
     *
     * @param id the learner id (a learner's is their token's {@code sub})
     * @throws InvalidIdentifier naming {@code id}, {@code displayName}, {@code emails[i]} or {@code accounts[i]...}
     * @throws IdentifierTaken naming the first requested identifier another learner holds
     */
    Registered register(String id, String displayName, List<String> emails, List<PartnerAccount> accounts) {
        Learner learner = Learner.register(id, displayName, emails, accounts, clock.instant());
        // insert first: the unique indexes on _id and identifierKeys decide, and only a refusal is diagnosed by reads
        try {
            learner = mongo.insert(learner);
        } catch (DuplicateKeyException refused) {
            Learner existing = mongo.findById(id, Learner.class);
            if (existing != null) {
                return new Registered(existing, false);
            }
            rejectTaken(id, emails, accounts);
            throw refused;
        }
        events.publishEvent(new LearnerIdentified(profile(learner)));
        return new Registered(learner, true);
    }

    Learner addIdentifiers(String learnerId, List<String> emails, List<PartnerAccount> accounts) {
        return conflicts.run(() -> {
            Learner current = get(learnerId);
            Learner updated = current.withIdentifiers(emails, accounts);
            if (updated.identifierKeys().equals(current.identifierKeys())) {
                return current;
            }
            rejectTaken(learnerId, emails, accounts);
            try {
                Learner saved = mongo.save(updated);
                events.publishEvent(new LearnerIdentified(profile(saved)));
                return saved;
            } catch (DuplicateKeyException race) {
                rejectTaken(learnerId, emails, accounts);
                throw race;
            }
        });
    }

    /** Learners carry their events to the outbox relay. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        OutboxCollection learnerOutbox() {
            return new OutboxCollection(COLLECTION);
        }
    }

    /**
     * Makes {@code email} the learner's primary address (see {@link Learner#withPrimaryEmail}) and publishes
     * {@code LearnerEmailChanged}; nothing changes, and nothing is published, when it already is the primary.
     *
     * @throws LearnerNotFound for an unknown learner
     * @throws InvalidIdentifier naming {@code email} when it is not an email address
     * @throws IdentifierTaken naming {@code email} when another learner holds it
     */
    Learner changeEmail(String learnerId, String email) {
        return conflicts.run(() -> {
            Learner current = get(learnerId);
            Learner changed = current.withPrimaryEmail(email);
            if (changed == current) {
                return current;
            }
            rejectTakenEmail(learnerId, email);
            LearnerEmailChanged event =
                    new LearnerEmailChanged(learnerId, changed.primaryEmail(), current.primaryEmail(), clock.instant());
            try {
                Learner saved = mongo.save(changed.withPending(outbox.stage(List.of(event))));
                outbox.publish(COLLECTION, learnerId, saved.pendingEvents());
                events.publishEvent(new LearnerIdentified(profile(saved)));
                return saved;
            } catch (DuplicateKeyException race) {
                rejectTakenEmail(learnerId, email);
                throw race;
            }
        });
    }

    Learner get(String learnerId) {
        return Optional.ofNullable(mongo.findById(learnerId, Learner.class))
                .orElseThrow(() -> new LearnerNotFound(learnerId));
    }

    /**
     * The learner with this id.
     *
     * @throws LearnerNotFound if there is none
     */
    public LearnerProfile profile(String learnerId) {
        return profile(get(learnerId));
    }

    /**
     * The learner an identifier key belongs to.
     *
     * @param key one of {@link IdentifierKeys}
     * @return the learner, or empty if nobody is known by it
     */
    public Optional<LearnerProfile> byIdentifier(String key) {
        return Optional.ofNullable(mongo.findOne(
                        Query.query(Criteria.where("identifierKeys").is(key)), Learner.class))
                .map(Learners::profile);
    }

    /**
     * The learner an xAPI actor's identifier key names: the one holding it exactly; else, for an {@code mbox} key, the
     * one learner holding its {@link IdentifierKeys#folded} form. Two indexed reads at most.
     *
     * @param key one of {@link IdentifierKeys}
     * @return {@link ActorMatch.Found}, {@link ActorMatch.Ambiguous} when several learners hold the folded form and
     *     none the exact key, or {@link ActorMatch.NotFound}
     */
    public ActorMatch match(String key) {
        Optional<LearnerProfile> exact = byIdentifier(key);
        if (exact.isPresent()) {
            return new ActorMatch.Found(exact.get());
        }
        List<Learner> folded = holdingFolded(IdentifierKeys.folded(key));
        return switch (folded.size()) {
            case 0 -> new ActorMatch.NotFound();
            case 1 -> new ActorMatch.Found(profile(folded.getFirst()));
            default -> new ActorMatch.Ambiguous(folded.stream().map(Learner::id).toList());
        };
    }

    /**
     * The folded keys of this learner that no other learner holds: statements whose actor has one of them belong to
     * this learner whatever the case of their address (a statement naming another learner exactly folds to a key that
     * learner holds too, so it is never among them).
     */
    public List<String> foldedKeysHeldAlone(LearnerProfile learner) {
        return learner.foldedKeys().stream()
                .filter(key -> holdingFolded(key).stream().allMatch(l -> l.id().equals(learner.id())))
                .toList();
    }

    /** At most two learners holding a folded key: enough to tell one from several. */
    private List<Learner> holdingFolded(String foldedKey) {
        if (foldedKey == null) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where(FOLDED_KEYS).is(foldedKey)).limit(2), Learner.class);
    }

    /**
     * Throws {@link IdentifierTaken} naming, by its index in the request, the first requested identifier another
     * learner holds. The lists have passed {@link Learner}'s validation (capped, no nulls).
     */
    private void rejectTaken(String learnerId, List<String> emails, List<PartnerAccount> accounts) {
        List<String> requestedEmails = emails == null ? List.of() : emails;
        List<PartnerAccount> requestedAccounts = accounts == null ? List.of() : accounts;
        for (int i = 0; i < requestedEmails.size(); i++) {
            String email = requestedEmails.get(i);
            if (heldByOther(IdentifierKeys.mbox(email), learnerId)) {
                throw new IdentifierTaken("emails[" + i + "]", email);
            }
        }
        for (int i = 0; i < requestedAccounts.size(); i++) {
            PartnerAccount account = requestedAccounts.get(i);
            if (heldByOther(account.key(), learnerId)) {
                throw new IdentifierTaken("accounts[" + i + "]", account.homePage() + " " + account.name());
            }
        }
    }

    private void rejectTakenEmail(String learnerId, String email) {
        if (heldByOther(IdentifierKeys.mbox(email), learnerId)) {
            throw new IdentifierTaken("email", email);
        }
    }

    private boolean heldByOther(String key, String learnerId) {
        return StoreQueries.exists(
                mongo,
                Query.query(Criteria.where("identifierKeys").is(key).and("_id").ne(learnerId)),
                Learner.class);
    }

    private static LearnerProfile profile(Learner learner) {
        return new LearnerProfile(
                learner.id(),
                learner.displayName(),
                learner.primaryEmail(),
                learner.identifierKeys(),
                learner.foldedKeys());
    }
}
