package org.credstack.enrollment.progress;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.credstack.events.catalog.MoveOn;

/**
 * An assignment's moveOn criteria are met.
 *
 * @param at business time it happened, UTC: the timestamp of the statement that met the criteria, or the enrollment
 *     time for {@link MoveOn#NotApplicable}
 * @param statementId the statement that met the criteria, or {@code null} for {@link MoveOn#NotApplicable}
 */
public record Satisfaction(Instant at, UUID statementId) {

    public Satisfaction {
        Objects.requireNonNull(at, "at");
    }
}
