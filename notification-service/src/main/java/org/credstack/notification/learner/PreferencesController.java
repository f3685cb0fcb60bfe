package org.credstack.notification.learner;

import org.credstack.runtime.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A learner's notification preferences under {@code /api/v1/learners/{learnerId}/notification-preferences}.
 *
 * <ul>
 *   <li>{@code GET} → {@code {learnerId, reminderEmails, inApp}}; a learner never seen has reminder e-mails on;
 *   <li>{@code PUT} {@code {"reminderEmails": false}} → the same shape; 400 problem naming {@code reminderEmails}
 *       when it is missing. In-app notifications cannot be turned off ({@code inApp} is always {@code true}).
 * </ul>
 *
 * Only that learner ({@code sub}) or an operator: 401 problem without a token, 403 problem for anyone else, checked
 * before the body is looked at; nothing is stored on either.
 */
@RestController
class PreferencesController {

    private final Recipients recipients;
    private final Access access;

    PreferencesController(Recipients recipients, Access access) {
        this.recipients = recipients;
        this.access = access;
    }

    @GetMapping("/api/v1/learners/{learnerId}/notification-preferences")
    PreferencesView get(@PathVariable String learnerId) {
        access.requireLearner(learnerId);
        return PreferencesView.of(recipients.of(learnerId));
    }

    @PutMapping("/api/v1/learners/{learnerId}/notification-preferences")
    PreferencesView put(@PathVariable String learnerId, @RequestBody Preferences body) {
        access.requireLearner(learnerId);
        if (body.reminderEmails() == null) {
            throw new InvalidPreferences("reminderEmails", "reminderEmails is true or false");
        }
        return PreferencesView.of(recipients.setReminderEmails(learnerId, body.reminderEmails()));
    }

    /** The request body. */
    record Preferences(Boolean reminderEmails) {}

    /** The JSON answered. */
    record PreferencesView(String learnerId, boolean reminderEmails, boolean inApp) {

        static PreferencesView of(Recipient recipient) {
            return new PreferencesView(recipient.learnerId(), recipient.reminderEmails(), true);
        }
    }
}
