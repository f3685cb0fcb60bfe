package org.credstack.enrollment.xapi;

import static org.credstack.enrollment.xapi.StatementRejected.require;

/**
 * An individual, identified by exactly one inverse functional identifier (xAPI Data section 2.4.2.1).
 *
 * @param name full name, or {@code null}
 * @param ifi the identifier; required
 * @throws StatementRejected if the identifier is missing
 */
public record Agent(String name, Ifi ifi) implements Actor, StatementObject {

    public Agent {
        require(ifi != null, "", "an Agent has exactly one of mbox, mbox_sha1sum, openid, account");
    }
}
