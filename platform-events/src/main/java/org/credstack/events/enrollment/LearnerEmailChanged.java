package org.credstack.events.enrollment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A learner changed the e-mail address they are reached at: {@code email} is now their primary address (the one
 * reminders and other e-mails go to). Credentials already issued keep the recipient they were issued to.
 *
 * <p>Consumers keep the address of the change with the latest {@code occurredAt}, so a change that arrives late
 * (a replayed dead letter) does not overwrite a newer one.
 *
 * @param learnerId the learner; the record key
 * @param email the new primary address
 * @param previousEmail the primary address before the change
 * @param occurredAt when the change was made, UTC; orders a learner's changes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LearnerEmailChanged(String learnerId, String email, String previousEmail, Instant occurredAt)
        implements EnrollmentEvent {}
