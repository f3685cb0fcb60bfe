package org.credstack.notification.learner;

import org.credstack.events.EventEnvelope;
import org.credstack.events.enrollment.EnrollmentEvent;
import org.credstack.events.enrollment.LearnerEmailChanged;
import org.credstack.runtime.ProcessedEvents;
import org.springframework.stereotype.Service;

/**
 * Applies {@code enrollment.events.v1}: only {@code LearnerEmailChanged} concerns this service (the learner's current
 * address, see {@link Recipients#emailChanged}); the enrollment facts are ignored. Idempotent by {@code ce_id}
 * ({@link ProcessedEvents}) and by business time (an older change never overwrites a newer one).
 */
@Service
public class LearnerEvents {

    private final Recipients recipients;
    private final ProcessedEvents processed;

    LearnerEvents(Recipients recipients, ProcessedEvents processed) {
        this.recipients = recipients;
        this.processed = processed;
    }

    /**
     * Applies one event read from {@code enrollment.events.v1}.
     *
     * @param envelope an envelope whose data is an {@link EnrollmentEvent}
     * @return whether it changed anything here (false: not a learner change, processed before, or older than the
     *     change kept)
     * @throws IllegalArgumentException if the envelope does not carry an enrollment event
     */
    public boolean apply(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof EnrollmentEvent event)) {
            throw new IllegalArgumentException("not an enrollment event: " + envelope.type());
        }
        if (!(event instanceof LearnerEmailChanged change) || processed.contains(envelope.id())) {
            return false;
        }
        boolean taken = recipients.emailChanged(change);
        processed.remember(envelope.id(), envelope.type());
        return taken;
    }
}
