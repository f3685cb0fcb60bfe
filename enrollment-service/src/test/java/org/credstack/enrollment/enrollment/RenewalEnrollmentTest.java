package org.credstack.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.selfPaced;
import static org.credstack.enrollment.Credentials.snapshot;
import static org.credstack.enrollment.Credentials.tracked;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.credstack.enrollment.Credentials;
import org.credstack.enrollment.enrollment.Enrollment.Recipient;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.Assignment;
import org.credstack.events.catalog.CredentialSnapshot.RenewalPolicy;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.events.enrollment.EnrollmentKind;
import org.credstack.events.enrollment.LearnerEnrolled;
import org.credstack.runtime.PendingEvent;
import org.junit.jupiter.api.Test;

class RenewalEnrollmentTest {

    private static final Instant STARTED = Instant.parse("2027-02-01T08:00:00Z");
    private static final Recipient ADA = new Recipient("ada@example.com", "Ada Lovelace");
    private static final String BADGE = "https://badges.example/credentials/b-1";

    @Test
    void takesTheRenewalPolicysRequirementsAsItsAssignmentsAndNamesTheBadge() {
        Enrollment renewal = Enrollment.renew(
                "r-1", "l-1", renewable(tracked("refresh", "Passed", 0.8), selfPaced("read")), BADGE, STARTED);

        assertThat(renewal.raised())
                .containsExactly(
                        new LearnerEnrolled("r-1", "l-1", "cred-1", 3, EnrollmentKind.RENEWAL, BADGE, STARTED));
        assertThat(renewal.kind()).isEqualTo(EnrollmentKind.RENEWAL);
        assertThat(renewal.renewalOf()).isEqualTo(BADGE);
        assertThat(renewal.assignments())
                .extracting(AssignmentProgress::assignmentId)
                .containsExactly("refresh", "read");
    }

    @Test
    void completesAsARenewalOfTheBadgeWhenEveryRequirementIsDone() {
        Enrollment renewal = loaded(Enrollment.renew(
                "r-1", "l-1", renewable(tracked("refresh", "Passed", 0.8), selfPaced("read")), BADGE, STARTED));
        Instant passed = Instant.parse("2027-02-03T10:00:00Z");

        renewal.markDoneByLearner("read", STARTED.plusSeconds(60), ADA);
        renewal.markDone("refresh", ReportedBy.PARTNER, passed, "s-1", null, ADA);

        assertThat(renewal.raised())
                .last()
                .isEqualTo(new EnrollmentCompleted(
                        "r-1",
                        "l-1",
                        "cred-1",
                        3,
                        EnrollmentKind.RENEWAL,
                        BADGE,
                        "ada@example.com",
                        "Ada Lovelace",
                        passed));
        assertThat(renewal.status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void aRenewalWithoutRequirementsWaitsForTheLearnersAttestationThenCompletesAtIt() {
        Enrollment renewal = loaded(Enrollment.renew("r-1", "l-1", renewable(), BADGE, STARTED));
        Instant attested = STARTED.plusSeconds(3600);

        assertThat(renewal.status()).isEqualTo(Status.IN_PROGRESS);
        renewal.attest(attested, ADA);
        renewal.attest(attested.plusSeconds(5), ADA);

        assertThat(renewal.raised())
                .singleElement()
                .isEqualTo(new EnrollmentCompleted(
                        "r-1",
                        "l-1",
                        "cred-1",
                        3,
                        EnrollmentKind.RENEWAL,
                        BADGE,
                        "ada@example.com",
                        "Ada Lovelace",
                        attested));
    }

    @Test
    void refusesAttestationOfARenewalWithRequirementsAndOfAnInitialEnrollment() {
        Enrollment renewal = Enrollment.renew("r-1", "l-1", renewable(selfPaced("read")), BADGE, STARTED);
        Enrollment initial = Enrollment.enroll("e-1", "l-1", renewable(), ADA, STARTED);

        assertThatThrownBy(() -> renewal.attest(STARTED, ADA)).isInstanceOf(AttestationNotAccepted.class);
        assertThatThrownBy(() -> initial.attest(STARTED, ADA)).isInstanceOf(AttestationNotAccepted.class);
    }

    private static CredentialSnapshot renewable(Assignment... requirements) {
        return Credentials.renewable(
                snapshot("cred-1", 3, "PUBLISHED", all(), tracked("a1", "Completed", null)),
                "P2Y",
                new RenewalPolicy("P60D", "Show you still know it", List.of(requirements), List.of(), "P30D"));
    }

    private static Enrollment loaded(Enrollment enrollment) {
        enrollment.stage(raised -> raised.stream()
                .map(e -> new PendingEvent("id", "t", e.learnerId(), Map.of(), ""))
                .toList());
        return enrollment;
    }
}
