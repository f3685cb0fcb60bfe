package org.credstack.enrollment.enrollment;

/** Where an enrollment stands. */
enum Status {
    /** Enrolled; assignments are being done. */
    IN_PROGRESS,
    /** The completion rule was met; {@code EnrollmentCompleted} was emitted (once). */
    COMPLETED,
    /** The learner withdrew; it earns nothing further. */
    WITHDRAWN
}
