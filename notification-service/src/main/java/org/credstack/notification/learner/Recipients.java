package org.credstack.notification.learner;

import java.time.Clock;
import java.time.Instant;
import org.credstack.events.enrollment.LearnerEmailChanged;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The learners' current addresses and e-mail preferences ({@link LearnerSettings}). Every read is by {@code _id};
 * every write is one conditional update (or the insert of a learner not seen before), so no multi-document
 * transaction is needed and a redelivered event changes nothing.
 */
@Service
public class Recipients {

    private final MongoTemplate mongo;
    private final Clock clock;

    Recipients(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Where and whether to e-mail the learner; a learner never seen is reached at the carried address, reminders on. */
    public Recipient of(String learnerId) {
        LearnerSettings settings = mongo.findById(learnerId, LearnerSettings.class);
        if (settings == null) {
            return new Recipient(learnerId, null, true);
        }
        return new Recipient(learnerId, settings.email(), !Boolean.FALSE.equals(settings.reminderEmails()));
    }

    /**
     * Keeps the address of a {@code LearnerEmailChanged} unless a change with a later {@code occurredAt} is kept
     * already (one with the same {@code occurredAt} replaces it: on the learner's partition it came later).
     *
     * @return whether the address was taken
     */
    public boolean emailChanged(LearnerEmailChanged change) {
        Query olderOrNone = Query.query(new Criteria()
                .andOperator(
                        Criteria.where("_id").is(change.learnerId()),
                        new Criteria()
                                .orOperator(
                                        Criteria.where("emailChangedAt").is(null),
                                        Criteria.where("emailChangedAt").lte(change.occurredAt()))));
        Update take = new Update().set("email", change.email()).set("emailChangedAt", change.occurredAt());
        if (mongo.updateFirst(olderOrNone, take, LearnerSettings.class).getMatchedCount() == 1) {
            return true;
        }
        if (insertIfAbsent(new LearnerSettings(change.learnerId(), change.email(), change.occurredAt(), null, null))) {
            return true;
        }
        // another writer stored the learner meanwhile: compare again
        return mongo.updateFirst(olderOrNone, take, LearnerSettings.class).getMatchedCount() == 1;
    }

    /**
     * Turns reminder e-mails on or off for the learner (the last request wins).
     *
     * @return the learner's settings now
     */
    Recipient setReminderEmails(String learnerId, boolean on) {
        Instant now = clock.instant();
        Update set = new Update().set("reminderEmails", on).set("preferencesChangedAt", now);
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(learnerId)), set, LearnerSettings.class)
                        .getMatchedCount()
                == 0) {
            if (!insertIfAbsent(new LearnerSettings(learnerId, null, null, on, now))) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(learnerId)), set, LearnerSettings.class);
            }
        }
        return of(learnerId);
    }

    private boolean insertIfAbsent(LearnerSettings settings) {
        try {
            mongo.insert(settings);
            return true;
        } catch (DuplicateKeyException present) {
            return false;
        }
    }
}
