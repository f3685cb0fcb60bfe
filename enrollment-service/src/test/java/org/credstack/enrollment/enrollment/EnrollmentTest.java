package org.credstack.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.atLeast;
import static org.credstack.enrollment.Credentials.selfPaced;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.enrollment.Credentials.stack;
import static org.credstack.enrollment.Credentials.tracked;

import java.time.Instant;
import java.util.Map;
import org.credstack.enrollment.enrollment.Enrollment.Recipient;
import org.credstack.enrollment.problem.DomainException;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.AssignmentCompleted;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.events.enrollment.EnrollmentKind;
import org.credstack.events.enrollment.EnrollmentWithdrawn;
import org.credstack.events.enrollment.LearnerEnrolled;
import org.credstack.runtime.PendingEvent;
import org.junit.jupiter.api.Test;

class EnrollmentTest {

    private static final Instant ENROLLED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Recipient ADA = new Recipient("ada@example.com", "Ada Lovelace");

    private final CredentialSnapshot twoTracked = snapshot(
            "cred-1",
            3,
            "PUBLISHED",
            all(),
            tracked("a1", "Completed", null),
            tracked("a2", "CompletedAndPassed", 0.8));

    @Test
    void raisesLearnerEnrolledForTheCredentialVersion() {
        Enrollment enrollment = Enrollment.enroll("e-1", "l-1", twoTracked, ADA, ENROLLED);

        assertThat(enrollment.raised())
                .containsExactly(
                        new LearnerEnrolled("e-1", "l-1", "cred-1", 3, EnrollmentKind.INITIAL, null, ENROLLED));
        assertThat(enrollment.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(enrollment.assignments())
                .extracting(AssignmentProgress::done)
                .containsExactly(false, false);
    }

    @Test
    void rejectsEnrollmentInRetiredCredentialNamingCredentialId() {
        CredentialSnapshot retired = snapshot("cred-9", 2, "RETIRED", all(), tracked("a1", "Completed", null));

        assertThatThrownBy(() -> Enrollment.enroll("e-1", "l-1", retired, ADA, ENROLLED))
                .isInstanceOf(CredentialNotOpen.class)
                .hasMessageContaining("RETIRED")
                .extracting(e -> ((DomainException) e).field())
                .isEqualTo("credentialId");
    }

    @Test
    void refusesEnrollmentInAStackNamingItsComponents() {
        CredentialSnapshot pathway = stack("stack-1", "cred-core", "cred-e1", "cred-e2");

        assertThatThrownBy(() -> Enrollment.enroll("e-1", "l-1", pathway, ADA, ENROLLED))
                .isInstanceOf(StackNotEnrollable.class)
                .hasMessageContaining("stack-1 is a stack")
                .hasMessageContaining("cred-core, cred-e1, cred-e2")
                .extracting(e -> ((DomainException) e).field())
                .isEqualTo("credentialId");
    }

    @Test
    void refusesEnrollmentInACredentialWithoutAssignmentsInsteadOfCompletingItAtOnce() {
        CredentialSnapshot empty = snapshot("cred-0", 1, "PUBLISHED", all());

        assertThatThrownBy(() -> Enrollment.enroll("e-1", "l-1", empty, ADA, ENROLLED))
                .isInstanceOf(CredentialWithoutAssignments.class)
                .extracting(e -> ((DomainException) e).field())
                .isEqualTo("credentialId");
    }

    @Test
    void anAtLeastZeroRuleStillNeedsOneAssignmentDone() {
        CredentialSnapshot zeroOfTwo = snapshot(
                "cred-z", 1, "PUBLISHED", atLeast(0), tracked("a1", "Completed", null), tracked("a2", "Passed", null));

        Enrollment enrollment = Enrollment.enroll("e-1", "l-1", zeroOfTwo, ADA, ENROLLED);

        assertThat(enrollment.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(enrollment.raised()).singleElement().isInstanceOf(LearnerEnrolled.class);
        enrollment.markDone("a2", ReportedBy.PARTNER, ENROLLED.plusSeconds(90), "s-2", null, ADA);
        assertThat(enrollment.completedAt()).isEqualTo(ENROLLED.plusSeconds(90));
    }

    @Test
    void theCompletionRuleIsNeverMetWithNothingDone() {
        assertThat(new CompletionRule("ALL", null).metAt(0, java.util.List.of()))
                .isEmpty();
        assertThat(new CompletionRule("AT_LEAST", 0).metAt(3, java.util.List.of()))
                .isEmpty();
        assertThat(new CompletionRule("AT_LEAST", 0).metAt(3, java.util.List.of(ENROLLED)))
                .contains(ENROLLED);
    }

    @Test
    void completesOnceWithTheLatestBusinessTimeWhenEveryAssignmentIsDone() {
        Enrollment enrollment = loaded(Enrollment.enroll("e-1", "l-1", twoTracked, ADA, ENROLLED));
        Instant second = Instant.parse("2026-03-04T10:15:30.123456Z");
        Instant first = Instant.parse("2026-03-02T09:00:00Z");

        enrollment.markDone("a2", ReportedBy.PARTNER, second, "s-2", null, ADA);
        enrollment.markDone("a1", ReportedBy.PROVIDER, first, null, null, ADA);

        assertThat(enrollment.raised())
                .containsExactly(
                        new AssignmentCompleted("e-1", "l-1", "cred-1", "a2", "PARTNER", "s-2", second),
                        new AssignmentCompleted("e-1", "l-1", "cred-1", "a1", "PROVIDER", null, first),
                        new EnrollmentCompleted(
                                "e-1",
                                "l-1",
                                "cred-1",
                                3,
                                EnrollmentKind.INITIAL,
                                null,
                                "ada@example.com",
                                "Ada Lovelace",
                                second));
        assertThat(enrollment.status()).isEqualTo(Status.COMPLETED);
        assertThat(enrollment.completedAt()).isEqualTo(second);
    }

    @Test
    void reportingADoneAssignmentAgainRaisesNothing() {
        Enrollment enrollment = loaded(Enrollment.enroll("e-1", "l-1", twoTracked, ADA, ENROLLED));
        enrollment.markDone("a1", ReportedBy.PARTNER, ENROLLED.plusSeconds(60), "s-1", null, ADA);
        enrollment = loaded(enrollment);

        enrollment.markDone("a1", ReportedBy.PROVIDER, ENROLLED.plusSeconds(120), null, null, ADA);

        assertThat(enrollment.raised()).isEmpty();
        assertThat(enrollment.assignments().getFirst().statementId()).isEqualTo("s-1");
    }

    @Test
    void neverRaisesEnrollmentCompletedTwice() {
        CredentialSnapshot oneOfTwo = snapshot(
                "cred-2", 1, "PUBLISHED", atLeast(1), tracked("a1", "Completed", null), tracked("a2", "Passed", null));
        Enrollment enrollment = loaded(Enrollment.enroll("e-1", "l-1", oneOfTwo, ADA, ENROLLED));
        enrollment.markDone("a1", ReportedBy.PARTNER, ENROLLED.plusSeconds(60), "s-1", null, ADA);
        enrollment = loaded(enrollment);

        enrollment.markDone("a2", ReportedBy.PARTNER, ENROLLED.plusSeconds(30), "s-2", null, ADA);

        assertThat(enrollment.raised()).singleElement().isInstanceOf(AssignmentCompleted.class);
        assertThat(enrollment.completedAt()).isEqualTo(ENROLLED.plusSeconds(60));
    }

    @Test
    void atLeastRuleIsMetAtTheNthCompletionInBusinessTimeNotArrivalOrder() {
        CredentialSnapshot twoOfThree = snapshot(
                "cred-3",
                1,
                "PUBLISHED",
                atLeast(2),
                tracked("a1", "Completed", null),
                tracked("a2", "Completed", null),
                tracked("a3", "Completed", null));
        Enrollment enrollment = loaded(Enrollment.enroll("e-1", "l-1", twoOfThree, ADA, ENROLLED));

        enrollment.markDone("a3", ReportedBy.PARTNER, Instant.parse("2026-03-09T00:00:00Z"), "s-3", null, ADA);
        enrollment.markDone("a1", ReportedBy.PARTNER, Instant.parse("2026-03-05T00:00:00Z"), "s-1", null, ADA);

        assertThat(enrollment.raised())
                .filteredOn(EnrollmentCompleted.class::isInstance)
                .singleElement()
                .extracting(e -> ((EnrollmentCompleted) e).occurredAt())
                .isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
    }

    @Test
    void learnerMarksOnlySelfPacedAssignments() {
        CredentialSnapshot mixed =
                snapshot("cred-4", 1, "PUBLISHED", all(), selfPaced("r1"), tracked("a1", "Completed", null));
        Enrollment enrollment = loaded(Enrollment.enroll("e-1", "l-1", mixed, ADA, ENROLLED));

        enrollment.markDoneByLearner("r1", ENROLLED.plusSeconds(5), ADA);

        assertThat(enrollment.raised())
                .containsExactly(new AssignmentCompleted(
                        "e-1", "l-1", "cred-4", "r1", "LEARNER", null, ENROLLED.plusSeconds(5)));
        assertThatThrownBy(() -> enrollment.markDoneByLearner("a1", ENROLLED, ADA))
                .isInstanceOf(AssignmentNotSelfPaced.class)
                .extracting(e -> ((DomainException) e).field())
                .isEqualTo("assignmentId");
    }

    @Test
    void refusesAnUnknownAssignmentNamingAssignmentId() {
        Enrollment enrollment = loaded(Enrollment.enroll("e-1", "l-1", twoTracked, ADA, ENROLLED));

        assertThatThrownBy(() -> enrollment.markDone("nope", ReportedBy.PROVIDER, ENROLLED, null, null, ADA))
                .isInstanceOf(AssignmentNotFound.class)
                .extracting(e -> ((DomainException) e).field())
                .isEqualTo("assignmentId");
    }

    @Test
    void withdrawnEnrollmentTakesNoCompletionsAndWithdrawsOnce() {
        Enrollment enrollment = loaded(Enrollment.enroll("e-1", "l-1", twoTracked, ADA, ENROLLED));

        enrollment.withdraw(ENROLLED.plusSeconds(10));
        enrollment.withdraw(ENROLLED.plusSeconds(20));

        assertThat(enrollment.raised())
                .containsExactly(new EnrollmentWithdrawn("e-1", "l-1", "cred-1", ENROLLED.plusSeconds(10)));
        assertThat(enrollment.status()).isEqualTo(Status.WITHDRAWN);
        assertThatThrownBy(() -> enrollment.markDone("a1", ReportedBy.PROVIDER, ENROLLED, null, null, ADA))
                .isInstanceOf(EnrollmentNotActive.class);
    }

    @Test
    void completedEnrollmentCannotBeWithdrawn() {
        CredentialSnapshot one = snapshot("cred-5", 1, "PUBLISHED", all(), tracked("a1", "Completed", null));
        Enrollment enrollment = loaded(Enrollment.enroll("e-1", "l-1", one, ADA, ENROLLED));
        enrollment.markDone("a1", ReportedBy.PROVIDER, ENROLLED.plusSeconds(1), null, null, ADA);

        assertThatThrownBy(() -> enrollment.withdraw(ENROLLED.plusSeconds(2)))
                .isInstanceOf(EnrollmentNotActive.class)
                .hasMessageContaining("COMPLETED");
    }

    @Test
    void stagesRaisedEventsIntoTheOutboxOnce() {
        Enrollment enrollment = Enrollment.enroll("e-1", "l-1", twoTracked, ADA, ENROLLED);

        enrollment.stage(raised -> raised.stream()
                .map(e -> new PendingEvent("id", "t", e.learnerId(), Map.of(), e.toString()))
                .toList());

        assertThat(enrollment.raised()).isEmpty();
    }

    /** The aggregate as it is after a save and a reload: nothing raised. */
    private static Enrollment loaded(Enrollment enrollment) {
        enrollment.stage(raised -> raised.stream()
                .map(e -> new PendingEvent("id", "t", e.learnerId(), Map.of(), ""))
                .toList());
        return enrollment;
    }
}
