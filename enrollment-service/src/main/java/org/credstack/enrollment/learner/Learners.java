package org.credstack.enrollment.learner;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Registers learners and their identifiers (collection {@value #COLLECTION}) and finds them by id or by an xAPI
 * identifier key. Emails and accounts are unique across learners: the unique multikey index on
 * {@code identifierKeys} decides races.
 */
@Service
public class Learners {

    static final String COLLECTION = "learners";
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Learners(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
        mongo.indexOps(COLLECTION)
                .createIndex(
                        new Index().on("identifierKeys", Sort.Direction.ASC).unique());
    }

    Learner register(String displayName, List<String> emails, List<PartnerAccount> accounts) {
        Learner learner =
                Learner.register(UUID.randomUUID().toString(), displayName, emails, accounts, clock.instant());
        rejectTaken(learner);
        try {
            learner = mongo.insert(learner);
        } catch (DuplicateKeyException race) {
            rejectTaken(learner);
            throw race;
        }
        events.publishEvent(new LearnerIdentified(learner.id()));
        return learner;
    }

    Learner addIdentifiers(String learnerId, List<String> emails, List<PartnerAccount> accounts) {
        for (int attempt = 1; ; attempt++) {
            Learner current = get(learnerId);
            Learner updated = current.withIdentifiers(emails, accounts);
            if (updated.identifierKeys().equals(current.identifierKeys())) {
                return current;
            }
            rejectTaken(updated);
            try {
                Learner saved = mongo.save(updated);
                events.publishEvent(new LearnerIdentified(learnerId));
                return saved;
            } catch (DuplicateKeyException race) {
                rejectTaken(updated);
                throw race;
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
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

    /** Throws {@link IdentifierTaken} naming the first identifier of {@code learner} that another learner holds. */
    private void rejectTaken(Learner learner) {
        for (int i = 0; i < learner.emails().size(); i++) {
            String email = learner.emails().get(i);
            if (heldByOther(IdentifierKeys.mbox(email), learner.id())) {
                throw new IdentifierTaken("emails[" + i + "]", email);
            }
        }
        for (int i = 0; i < learner.accounts().size(); i++) {
            PartnerAccount account = learner.accounts().get(i);
            if (heldByOther(account.key(), learner.id())) {
                throw new IdentifierTaken("accounts[" + i + "]", account.homePage() + " " + account.name());
            }
        }
    }

    private boolean heldByOther(String key, String learnerId) {
        return mongo.exists(
                Query.query(Criteria.where("identifierKeys").is(key).and("_id").ne(learnerId)), Learner.class);
    }

    private static LearnerProfile profile(Learner learner) {
        return new LearnerProfile(
                learner.id(), learner.displayName(), learner.primaryEmail(), learner.identifierKeys());
    }
}
