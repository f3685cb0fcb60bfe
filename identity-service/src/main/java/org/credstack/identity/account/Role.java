package org.credstack.identity.account;

import java.util.Locale;

/**
 * A role as the {@code roles} claim names it (docs/identity.md; the claim contract is issue 8's security notes):
 * {@code learner}, {@code provider_staff}, {@code operator}, {@code partner}.
 */
public enum Role {
    LEARNER,
    PROVIDER_STAFF,
    OPERATOR,
    PARTNER;

    /** The claim value: {@code provider_staff} for {@link #PROVIDER_STAFF}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Spring Security's authority for it: {@code ROLE_PROVIDER_STAFF}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
