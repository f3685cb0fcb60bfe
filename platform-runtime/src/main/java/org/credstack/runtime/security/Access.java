package org.credstack.runtime.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The ownership checks a service makes in the code that owns the data (docs/security.md, "who may do what"). Each
 * {@code require...} returns the {@link Caller} when allowed and throws {@link ForbiddenException} (403 {@code
 * urn:credstack:problem:forbidden}) when not; operators pass every check. Call it first in the handler, before
 * anything is read or stored. Without an authenticated caller (on a path declared public) every check throws
 * {@link UnauthorizedException} (401).
 */
public class Access {

    private final CallerClaims claims;

    /**
     * The same checks for a service that runs its own filter chains instead of the kit's (identity-service, which is
     * the authorization server too) but reads its callers' tokens under the identity contract.
     *
     * @param properties where the claims are ({@code credstack.security.*})
     */
    public static Access of(SecurityProperties properties) {
        return new Access(new CallerClaims(properties));
    }

    Access(CallerClaims claims) {
        this.claims = claims;
    }

    /** The caller of the current request. */
    public Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return claims.callerOf(token.getToken());
        }
        throw new UnauthorizedException("a bearer access token is required");
    }

    /** The learner themselves ({@code sub} equals {@code learnerId}) or an operator. */
    public Caller requireLearner(String learnerId) {
        Caller caller = caller();
        if (caller.isOperator() || caller.isLearner(learnerId)) {
            return caller;
        }
        throw new ForbiddenException("only the learner themselves or an operator may act on this learner's data");
    }

    /** Staff of the provider ({@code providerId} in {@code provider_ids}) or an operator. */
    public Caller requireProviderStaff(String providerId) {
        Caller caller = caller();
        if (caller.isOperator() || caller.isStaffOf(providerId)) {
            return caller;
        }
        throw new ForbiddenException("only staff of this provider or an operator may act on this provider's data");
    }

    /** A partner system of the provider or an operator. */
    public Caller requirePartnerOf(String providerId) {
        Caller caller = caller();
        if (caller.isOperator() || caller.isPartnerOf(providerId)) {
            return caller;
        }
        throw new ForbiddenException("only a partner of this provider or an operator may report for its credentials");
    }

    /** An operator. */
    public Caller requireOperator() {
        Caller caller = caller();
        if (caller.isOperator()) {
            return caller;
        }
        throw new ForbiddenException("only an operator may do this");
    }
}
