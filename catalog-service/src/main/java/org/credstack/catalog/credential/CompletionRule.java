package org.credstack.catalog.credential;

import static org.credstack.catalog.common.CatalogRuleViolation.require;

/**
 * How many of a credential's assignments complete it.
 *
 * @param type {@link Type#ALL} or {@link Type#AT_LEAST}
 * @param minimum for {@code AT_LEAST}, at least 1; {@code null} for {@code ALL}
 * @throws CatalogRuleViolation if the minimum does not fit the type
 */
public record CompletionRule(Type type, Integer minimum) {

    /** All assignments. */
    public static final CompletionRule ALL = new CompletionRule(Type.ALL, null);

    /** The kinds of rule. */
    public enum Type {
        ALL,
        AT_LEAST
    }

    public CompletionRule {
        require(type != null, "type", "a completion rule has a type");
        require(
                type == Type.ALL ? minimum == null : minimum != null && minimum >= 1,
                "minimum",
                "AT_LEAST needs a minimum of 1 or more; ALL takes none");
    }

    /** At least {@code n} assignments. */
    public static CompletionRule atLeast(int n) {
        return new CompletionRule(Type.AT_LEAST, n);
    }

    /** How many of {@code assignmentCount} assignments must be done. */
    public int required(int assignmentCount) {
        return type == Type.ALL ? assignmentCount : minimum;
    }
}
