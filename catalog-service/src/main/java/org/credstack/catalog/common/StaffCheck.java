package org.credstack.catalog.common;

import org.credstack.runtime.security.Access;
import org.credstack.runtime.security.Caller;
import org.credstack.runtime.security.ForbiddenException;
import org.credstack.runtime.security.Role;

/**
 * The first, coarse check of every catalog write: the caller is provider staff (of some provider) or an operator.
 * It runs before the body is validated and before the record is read, so a learner or a partner is told 403
 * rather than 400 or 404; which provider the staff member may act for is checked once the record or body
 * names it, with {@link Access#requireProviderStaff}.
 */
public final class StaffCheck {

    private StaffCheck() {}

    /**
     * @return the caller
     * @throws ForbiddenException (403) for a caller neither provider staff nor operator
     */
    public static Caller requireSomeProviderStaff(Access access) {
        Caller caller = access.caller();
        if (caller.isOperator() || caller.has(Role.PROVIDER_STAFF)) {
            return caller;
        }
        throw new ForbiddenException("only provider staff or an operator may change the catalog");
    }
}
