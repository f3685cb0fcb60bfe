package org.credstack.events.enrollment;

/** Whether an enrollment earns a credential for the first time or renews an award. */
public enum EnrollmentKind {
    INITIAL,
    RENEWAL
}
