package org.credstack.notification.delivery;

import java.time.Instant;
import java.util.List;
import org.credstack.runtime.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery log of a learner's e-mails, newest first (bodies left out). It names e-mail addresses, so only that
 * learner ({@code sub}) or an operator may read it: 401 problem without a token, 403 problem for anyone else.
 */
@RestController
class DeliveryLogController {

    private final MailOutbox outbox;
    private final Access access;

    DeliveryLogController(MailOutbox outbox, Access access) {
        this.outbox = outbox;
        this.access = access;
    }

    @GetMapping("/api/v1/learners/{learnerId}/deliveries")
    List<DeliveryView> list(@PathVariable String learnerId) {
        access.requireLearner(learnerId);
        return outbox.deliveriesOf(learnerId, 200).stream()
                .map(DeliveryView::of)
                .toList();
    }

    /** The JSON of one delivery. */
    record DeliveryView(
            String id,
            String recipient,
            String subject,
            DeliveryStatus status,
            int attempts,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant sentAt,
            String lastError) {

        static DeliveryView of(EmailDelivery d) {
            return new DeliveryView(
                    d.id(),
                    d.recipient(),
                    d.subject(),
                    d.status(),
                    d.attempts(),
                    d.createdAt(),
                    d.nextAttemptAt(),
                    d.sentAt(),
                    d.lastError());
        }
    }
}
