package org.credstack.testsupport.security;

/**
 * The callers an {@link AuthorizationMatrix} sends every operation as. The path always names the matrix's learner
 * and provider ({@link AuthorizationMatrix#learnerId()}, {@link AuthorizationMatrix#providerId()}); "other" callers
 * are someone else calling that same path.
 */
public enum CallerKind {
    /** No {@code Authorization} header. */
    ANONYMOUS,
    /** The learner the path names. */
    LEARNER_SELF,
    /** Another learner. */
    LEARNER_OTHER,
    /** Staff of the provider the path names. */
    STAFF_OWN_PROVIDER,
    /** Staff of another provider. */
    STAFF_OTHER_PROVIDER,
    /** A partner system of the provider the path names. */
    PARTNER_OWN_PROVIDER,
    /** A partner system of another provider. */
    PARTNER_OTHER_PROVIDER,
    /** An operator. */
    OPERATOR
}
