package org.credstack.enrollment.partner;

import java.util.Set;
import org.credstack.runtime.security.Access;
import org.credstack.runtime.security.Caller;
import org.credstack.runtime.security.ForbiddenException;
import org.credstack.runtime.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who reports statements on {@code /xapi/**}: a partner key (HTTP Basic) as the {@link Caller} with role {@code
 * partner} of its provider and the key id as id, else the bearer token's caller ({@link Access#caller()}).
 */
@Component
public class Reporters {

    private final Access access;

    Reporters(Access access) {
        this.access = access;
    }

    /**
     * The reporting caller: a partner or an operator.
     *
     * @throws ForbiddenException for any other caller (the xAPI filter chain refuses them before already)
     */
    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = authentication instanceof PartnerKeyAuthentication key
                ? new Caller(key.getName(), Set.of(Role.PARTNER), Set.of(key.providerId()))
                : access.caller();
        if (!caller.isOperator() && !caller.has(Role.PARTNER)) {
            throw new ForbiddenException("only a partner system or an operator may report statements");
        }
        return caller;
    }
}
