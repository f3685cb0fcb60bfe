package org.credstack.runtime.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of the CredStack identity contract (docs/security.md), as they appear in a token's {@code roles} claim
 * and as the Spring Security authority each becomes ({@code provider_staff} → {@code ROLE_PROVIDER_STAFF}).
 */
public enum Role {
    /** A person earning credentials; acts only on {@code /api/v1/learners/{learnerId}/**} where learnerId is {@code sub}. */
    LEARNER,
    /** A person acting for the providers in {@code provider_ids}. */
    PROVIDER_STAFF,
    /** A machine (LMS, LRS) reporting completions for the provider in {@code provider_ids}. */
    PARTNER,
    /** A person running the platform: everything, for every learner and provider. */
    OPERATOR;

    /** The value in the {@code roles} claim: {@code provider_staff}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority: {@code ROLE_PROVIDER_STAFF}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * The role a claim value names, ignoring case; empty for a value that is not one of ours (an OIDC provider
     * puts roles of its own there too, such as Keycloak's {@code offline_access}).
     */
    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue().equalsIgnoreCase(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
