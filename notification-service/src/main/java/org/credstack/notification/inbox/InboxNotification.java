package org.credstack.notification.inbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An in-app notification (collection {@value #COLLECTION}).
 *
 * @param id a name-based UUID of the business key, so one fact makes one notification
 * @param learnerId whose inbox it is in
 * @param kind what it is about
 * @param title one line, the same as the e-mail's subject
 * @param link the credential's public page
 * @param badgeId the credential concerned
 * @param createdAt when it was created, UTC
 * @param readAt when the learner marked it read, UTC; {@code null} while unread
 */
@Document(InboxNotification.COLLECTION)
@CompoundIndex(name = "learner_newest_first", def = "{'learnerId': 1, 'createdAt': -1}")
record InboxNotification(
        @Id String id,
        String learnerId,
        NotificationKind kind,
        String title,
        String link,
        String badgeId,
        Instant createdAt,
        Instant readAt) {

    static final String COLLECTION = "inbox";
}
