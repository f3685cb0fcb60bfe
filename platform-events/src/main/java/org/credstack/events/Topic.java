package org.credstack.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.credstack.events.badge.BadgeEvent;
import org.credstack.events.catalog.CatalogEvent;
import org.credstack.events.enrollment.EnrollmentEvent;
import org.credstack.events.notification.NotificationEvent;
import org.credstack.events.partner.CompletionReported;
import org.credstack.events.partner.PartnerCompletionEvent;

/**
 * The v1 topics of docs/architecture.md ("Topics"): name, owning service, cleanup policy and the sealed event type each
 * carries. Record keys and CloudEvents {@code subject}s are derived here, so every producer keys the
 * same way.
 */
public enum Topic {
    /** {@code catalog.credentials.v1}, written by catalog-service. */
    CATALOG_CREDENTIALS(Topic.CATALOG_CREDENTIALS_V1, "catalog", true, CatalogEvent.class),
    /** {@code partner.completions.v1}, written by the partner integration. */
    PARTNER_COMPLETIONS(Topic.PARTNER_COMPLETIONS_V1, "partner", false, PartnerCompletionEvent.class),
    /** {@code enrollment.events.v1}, written by enrollment-service. */
    ENROLLMENT_EVENTS(Topic.ENROLLMENT_EVENTS_V1, "enrollment", false, EnrollmentEvent.class),
    /** {@code badge.events.v1}, written by badge-service. */
    BADGE_EVENTS(Topic.BADGE_EVENTS_V1, "badge", false, BadgeEvent.class),
    /** {@code notification.events.v1}, written by notification-service. */
    NOTIFICATION_EVENTS(Topic.NOTIFICATION_EVENTS_V1, "notification", false, NotificationEvent.class);

    /** Compacted; key = credential id. */
    public static final String CATALOG_CREDENTIALS_V1 = "catalog.credentials.v1";
    /** Key = partner id + learner reference. */
    public static final String PARTNER_COMPLETIONS_V1 = "partner.completions.v1";
    /** Key = learner id. */
    public static final String ENROLLMENT_EVENTS_V1 = "enrollment.events.v1";
    /** Key = learner id. */
    public static final String BADGE_EVENTS_V1 = "badge.events.v1";
    /** Key = learner id. */
    public static final String NOTIFICATION_EVENTS_V1 = "notification.events.v1";

    private final String topicName;
    private final String service;
    private final boolean compacted;
    private final Class<?> eventType;

    Topic(String topicName, String service, boolean compacted, Class<?> eventType) {
        this.topicName = topicName;
        this.service = service;
        this.compacted = compacted;
        this.eventType = eventType;
    }

    /** The Kafka topic name, e.g. {@code catalog.credentials.v1}. */
    public String topicName() {
        return topicName;
    }

    /** The service that writes the topic (its only writer). */
    public String service() {
        return service;
    }

    /** {@code true} for {@code cleanup.policy=compact}, else {@code delete}. */
    public boolean compacted() {
        return compacted;
    }

    /** The sealed interface of the events on this topic. */
    public Class<?> eventType() {
        return eventType;
    }

    /** The concrete event records this topic carries, in declaration order. */
    public List<Class<?>> eventRecords() {
        return Arrays.asList(eventType.getPermittedSubclasses());
    }

    /** CloudEvents {@code source} of this topic's writer: {@code /credstack/<service>}. */
    public String source() {
        return "/credstack/" + service;
    }

    /** CloudEvents {@code type} of a record on this topic: {@code org.credstack.<service>.<EventName>.v1}. */
    public String typeOf(Class<?> eventRecord) {
        return "org.credstack." + service + "." + eventRecord.getSimpleName() + ".v1";
    }

    /** The record for a CloudEvents {@code type}, if this topic carries it. */
    public Optional<Class<?>> recordOf(String type) {
        return eventRecords().stream().filter(r -> typeOf(r).equals(type)).findFirst();
    }

    /**
     * The topic carrying an event.
     *
     * @throws IllegalArgumentException if no topic carries this class
     */
    public static Topic of(Class<?> eventRecord) {
        return Arrays.stream(values())
                .filter(t -> t.eventType.isAssignableFrom(eventRecord))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + eventRecord.getName()));
    }

    /** Topic by name. @throws IllegalArgumentException for an unknown name */
    public static Topic named(String topicName) {
        return Arrays.stream(values())
                .filter(t -> t.topicName.equals(topicName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + topicName));
    }

    /** The record key of an event (see the topic table in docs/architecture.md). */
    public static String keyOf(Object event) {
        return switch (event) {
            case CatalogEvent e -> e.credentialId();
            case CompletionReported e -> e.partnerId() + "|" + e.learner().key();
            case EnrollmentEvent e -> e.learnerId();
            case BadgeEvent e -> e.learnerId();
            case NotificationEvent e -> e.learnerId();
            default ->
                throw new IllegalArgumentException(
                        "not an event: " + event.getClass().getName());
        };
    }

    /** The CloudEvents {@code subject}: the learner id, or for catalog events the credential id. */
    public static String subjectOf(Object event) {
        return switch (event) {
            case CompletionReported e -> e.learner().key();
            default -> keyOf(event);
        };
    }
}
