package org.credstack.events.badge;

import java.time.Instant;

/** Events on {@code badge.events.v1} (key = learner id). */
public sealed interface BadgeEvent permits BadgeIssued, BadgeRevoked {

    /** The issued credential's id (a URL or {@code urn:uuid:}). */
    String badgeId();

    /** The learner; the record key. */
    String learnerId();

    /** Business time of the fact, UTC. */
    Instant occurredAt();
}
