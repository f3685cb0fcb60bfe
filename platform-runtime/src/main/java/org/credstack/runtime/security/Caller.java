package org.credstack.runtime.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who sent the request, as its access token says (docs/security.md, "identity contract").
 *
 * @param id the token's subject ({@code sub}, or the claim {@code credstack.security.id-claim} names): a learner's
 *     id is the {@code learnerId} of their paths; a partner's is its client id
 * @param roles the roles of ours the token carries; unknown role names are left out
 * @param providerIds the providers a {@link Role#PROVIDER_STAFF} or {@link Role#PARTNER} acts for; empty otherwise
 */
public record Caller(String id, Set<Role> roles, Set<String> providerIds) {

    public Caller {
        Objects.requireNonNull(id, "id");
        roles = Set.copyOf(roles);
        providerIds = Set.copyOf(providerIds);
    }

    /** Whether the caller has the role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Operators act platform-wide and pass every check of {@link Access}. */
    public boolean isOperator() {
        return has(Role.OPERATOR);
    }

    /** Whether the caller is the learner with this id. */
    public boolean isLearner(String learnerId) {
        return has(Role.LEARNER) && id.equals(learnerId);
    }

    /** Whether the caller is staff of this provider. */
    public boolean isStaffOf(String providerId) {
        return has(Role.PROVIDER_STAFF) && providerIds.contains(providerId);
    }

    /** Whether the caller is a partner system of this provider. */
    public boolean isPartnerOf(String providerId) {
        return has(Role.PARTNER) && providerIds.contains(providerId);
    }
}
