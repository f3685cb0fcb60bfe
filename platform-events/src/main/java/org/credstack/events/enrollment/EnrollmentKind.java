package org.credstack.events.enrollment;

/** Whether an enrollment earns a credential for the first time or renews an award. */
public enum EnrollmentKind {
    /** Earns the credential for the first time. */
    INITIAL,
    /** Renews an award before (or at) its {@code validUntil}; carries {@code renewalOf}. */
    RENEWAL
}
