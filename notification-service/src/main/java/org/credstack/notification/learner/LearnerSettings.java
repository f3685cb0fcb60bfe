package org.credstack.notification.learner;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service keeps about a learner (collection {@value #COLLECTION}, {@code _id} = learner id): the current
 * e-mail address learned from {@code LearnerEmailChanged}, and whether the learner wants reminder e-mails. Written
 * only by conditional single-document updates, read by {@code _id}.
 *
 * @param learnerId the learner
 * @param email the address of the latest e-mail change, or {@code null} while none is known (then e-mails go to the
 *     address the credential event carried)
 * @param emailChangedAt {@code occurredAt} of that change, UTC; a change with an older one is ignored
 * @param reminderEmails {@code false} once the learner turned reminder e-mails off; {@code null} means on
 * @param preferencesChangedAt when {@code reminderEmails} was last set, UTC
 */
@Document(LearnerSettings.COLLECTION)
record LearnerSettings(
        @Id String learnerId,
        String email,
        Instant emailChangedAt,
        Boolean reminderEmails,
        Instant preferencesChangedAt) {

    static final String COLLECTION = "learners";
}
