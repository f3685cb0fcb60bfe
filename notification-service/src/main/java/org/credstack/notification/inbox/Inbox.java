package org.credstack.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The learners' in-app notifications: added once per business key, listed newest first, marked read. */
@Service
public class Inbox {

    private final MongoTemplate mongo;
    private final Clock clock;

    Inbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Adds a notification unless one with the same key exists.
     *
     * @param key business key, e.g. {@code badge-issued|<badgeId>}
     * @return whether it was added now
     */
    public boolean add(String key, String learnerId, NotificationKind kind, String title, String link, String badgeId) {
        String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        try {
            mongo.insert(new InboxNotification(id, learnerId, kind, title, link, badgeId, clock.instant(), null));
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    List<InboxNotification> list(String learnerId, boolean unreadOnly, int limit) {
        Criteria criteria = Criteria.where("learnerId").is(learnerId);
        if (unreadOnly) {
            criteria.and("readAt").is(null);
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(limit);
        return mongo.find(query, InboxNotification.class);
    }

    /**
     * Marks a notification read; marking it again keeps the first {@code readAt}.
     *
     * @throws NotificationNotFound if the learner has no such notification
     */
    InboxNotification markRead(String learnerId, String id) {
        Criteria mine = Criteria.where("_id").is(id).and("learnerId").is(learnerId);
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(id)
                        .and("learnerId")
                        .is(learnerId)
                        .and("readAt")
                        .is(null)),
                new Update().set("readAt", clock.instant()),
                InboxNotification.class);
        InboxNotification notification = mongo.findOne(Query.query(mine), InboxNotification.class);
        if (notification == null) {
            throw new NotificationNotFound(learnerId, id);
        }
        return notification;
    }
}
