package org.credstack.events;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.badge.BadgeRevoked;
import org.credstack.events.catalog.CredentialPublished;
import org.credstack.events.catalog.CredentialRetired;
import org.credstack.events.catalog.CredentialRevised;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.Alignment;
import org.credstack.events.catalog.CredentialSnapshot.Assignment;
import org.credstack.events.catalog.CredentialSnapshot.CompletionRule;
import org.credstack.events.catalog.CredentialSnapshot.ComponentRule;
import org.credstack.events.catalog.CredentialSnapshot.Cost;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.RenewalPolicy;
import org.credstack.events.catalog.MoveOn;
import org.credstack.events.enrollment.AssignmentCompleted;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.events.enrollment.EnrollmentKind;
import org.credstack.events.enrollment.EnrollmentWithdrawn;
import org.credstack.events.enrollment.LearnerEmailChanged;
import org.credstack.events.enrollment.LearnerEnrolled;
import org.credstack.events.notification.BadgeExpired;
import org.credstack.events.notification.ReminderSent;
import org.credstack.events.partner.CompletionReported;
import org.credstack.events.partner.CompletionReported.LearnerReference;

/** One fully populated instance of every v1 event record: every component set, every list non-empty. */
final class EventSamples {

    static final Instant OCCURRED = Instant.parse("2026-03-01T09:30:15.250Z");
    static final Instant VALID_UNTIL = Instant.parse("2028-02-29T23:59:59Z");

    private static final Assignment ASSIGNMENT =
            new Assignment("a1", "Build a pipeline", "https://credstack.example/activities/a1", MoveOn.Passed, 0.8);

    static final CredentialSnapshot SNAPSHOT = new CredentialSnapshot(
            "cred-42",
            3,
            "PUBLISHED",
            "ce-5f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "Cloud Data Pipelines",
            "Design and run batch and streaming pipelines.",
            "STACK",
            "TECHNICAL",
            new ProviderSnapshot(
                    "prov-1", "Acme Academy", "https://acme.example", "badges@acme.example", "Europe/London"),
            List.of("Apache Kafka", "SQL"),
            List.of(new Alignment(
                    "O*NET-SOC", "2019", "15-1252.00", "https://www.onetonline.org/link/summary/15-1252.00", "Dev")),
            List.of("ONLINE", "HYBRID"),
            "Intermediate",
            "PT40H",
            new Cost(new BigDecimal("149.90"), "EUR"),
            List.of(ASSIGNMENT),
            new CompletionRule("AT_LEAST", 1),
            "P2Y",
            new RenewalPolicy("P90D", "Pass the refresher quiz", List.of(ASSIGNMENT), List.of(60, 14), "P30D"),
            "https://acme.example/badges/pipelines.png",
            new ComponentRule(
                    "Requires 2 of 3 items",
                    2,
                    List.of("cred-1", "cred-2"),
                    List.of(new ComponentRule("Either elective", 1, List.of("cred-7", "cred-8"), List.of()))),
            OCCURRED);

    private static final Map<Class<?>, Supplier<Object>> SAMPLES = Map.ofEntries(
            Map.entry(CredentialPublished.class, () -> new CredentialPublished("cred-42", SNAPSHOT, OCCURRED)),
            Map.entry(CredentialRevised.class, () -> new CredentialRevised("cred-42", SNAPSHOT, OCCURRED)),
            Map.entry(CredentialRetired.class, () -> new CredentialRetired("cred-42", SNAPSHOT, OCCURRED)),
            Map.entry(
                    CompletionReported.class,
                    () -> new CompletionReported(
                            "acme-academy",
                            new LearnerReference(
                                    "https://lms.acme.example",
                                    "jdoe",
                                    "mailto:jdoe@example.org",
                                    "ebd31e95054c018b10727ccffd2ef2ec3a016ee9"),
                            "https://credstack.example/activities/a1",
                            "2d7d7a1e-4a34-4f6a-9b1a-3d1f4c9b8e11",
                            true,
                            true,
                            0.92,
                            "http://adlnet.gov/expapi/verbs/passed",
                            OCCURRED)),
            Map.entry(
                    LearnerEnrolled.class,
                    () -> new LearnerEnrolled(
                            "enr-7", "learner-9", "cred-42", 3, EnrollmentKind.RENEWAL, "urn:uuid:badge-1", OCCURRED)),
            Map.entry(
                    AssignmentCompleted.class,
                    () -> new AssignmentCompleted(
                            "enr-7", "learner-9", "cred-42", "a1", "PARTNER", "stmt-1", OCCURRED)),
            Map.entry(
                    EnrollmentCompleted.class,
                    () -> new EnrollmentCompleted(
                            "enr-7",
                            "learner-9",
                            "cred-42",
                            3,
                            EnrollmentKind.RENEWAL,
                            "urn:uuid:badge-1",
                            "jdoe@example.org",
                            "Jo Doe",
                            OCCURRED)),
            Map.entry(
                    EnrollmentWithdrawn.class,
                    () -> new EnrollmentWithdrawn("enr-7", "learner-9", "cred-42", OCCURRED)),
            Map.entry(
                    LearnerEmailChanged.class,
                    () -> new LearnerEmailChanged("learner-9", "jo.doe@example.org", "jdoe@example.org", OCCURRED)),
            Map.entry(
                    BadgeIssued.class,
                    () -> new BadgeIssued(
                            "urn:uuid:badge-2",
                            "learner-9",
                            "enr-7",
                            "cred-42",
                            "Cloud Data Pipelines",
                            "jdoe@example.org",
                            "Jo Doe",
                            "https://badges.credstack.example/b/badge-2",
                            OCCURRED,
                            VALID_UNTIL,
                            List.of(30, 7, 1),
                            "urn:uuid:badge-1",
                            OCCURRED)),
            Map.entry(
                    BadgeRevoked.class,
                    () -> new BadgeRevoked("urn:uuid:badge-2", "learner-9", "issued in error", OCCURRED)),
            Map.entry(
                    ReminderSent.class,
                    () -> new ReminderSent("urn:uuid:badge-2", "learner-9", 7, VALID_UNTIL, OCCURRED)),
            Map.entry(
                    BadgeExpired.class,
                    () -> new BadgeExpired("urn:uuid:badge-2", "learner-9", "cred-42", VALID_UNTIL)));

    private EventSamples() {}

    /**
     * The sample of an event record.
     *
     * @throws IllegalArgumentException if the record has none yet (a newly added event needs one here)
     */
    static Object fullyPopulated(Class<?> eventRecord) {
        Supplier<Object> sample = SAMPLES.get(eventRecord);
        if (sample == null) {
            throw new IllegalArgumentException("no sample for " + eventRecord.getName() + ": add one to EventSamples");
        }
        return sample.get();
    }

    /**
     * Components of {@code value} (and of the records inside it) that are {@code null} or empty lists.
     * A record type already seen higher up is not descended into again, so a recursive type such as
     * {@code ComponentRule} may end in an empty list.
     */
    static List<String> unpopulatedComponents(Object value) {
        List<String> missing = new ArrayList<>();
        collectUnpopulated(value, value.getClass().getSimpleName(), new HashSet<>(), missing);
        return missing;
    }

    private static void collectUnpopulated(Object value, String where, Set<Class<?>> seen, List<String> missing) {
        if (!value.getClass().isRecord() || !seen.add(value.getClass())) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object child = read(component, value);
            String path = where + "." + component.getName();
            if (child == null || (child instanceof Collection<?> c && c.isEmpty())) {
                missing.add(path);
            } else if (child instanceof Collection<?> c) {
                c.forEach(element -> collectUnpopulated(element, path + "[]", seen, missing));
            } else {
                collectUnpopulated(child, path, seen, missing);
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
