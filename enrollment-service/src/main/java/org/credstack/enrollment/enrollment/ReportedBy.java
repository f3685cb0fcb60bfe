package org.credstack.enrollment.enrollment;

/** Who reported an assignment done; {@code AssignmentCompleted.reportedBy}. */
public enum ReportedBy {
    /** The learner marked a self-paced assignment done. */
    LEARNER,
    /** The provider marked it done. */
    PROVIDER,
    /** A partner reported it (xAPI statement or {@code partner.completions.v1}). */
    PARTNER
}
