package org.credstack.enrollment.xapi;

import static org.credstack.enrollment.xapi.StatementRejected.require;

import java.util.List;

/**
 * A group of Agents (xAPI Data section 2.4.2.2). An identified Group has an inverse functional identifier; an
 * anonymous Group has none and then lists at least one member. Member order carries no meaning.
 *
 * @param name name of the group, or {@code null}
 * @param ifi the group's identifier, or {@code null} for an anonymous group
 * @param members the members listed in the statement (possibly a partial list); never {@code null}
 * @throws StatementRejected if an anonymous group lists no members
 */
public record Group(String name, Ifi ifi, List<Agent> members) implements Actor, StatementObject {

    public Group {
        members = members == null ? List.of() : List.copyOf(members);
        require(ifi != null || !members.isEmpty(), "/member", "an anonymous Group lists its members");
    }

    /** Whether the group has its own identifier. */
    public boolean isIdentified() {
        return ifi != null;
    }
}
