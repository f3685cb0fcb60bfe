package org.credstack.catalog.credential;

import java.util.Optional;

/**
 * What a learner aims at, as a credential's {@link Alignment} names it: an entry of a framework by its code, such
 * as the occupation {@code O*NET-SOC:15-1252.00}, the industry {@code NAICS:5415} or the skill {@code SFIA:PROG}.
 * Written {@code framework:code} (split at the first colon, so a code may hold colons, as ESCO URIs do) and matched
 * without regard to case or surrounding spaces.
 *
 * @param framework the alignment's framework name, as stored
 * @param code the entry's code in that framework, as stored
 */
public record Goal(String framework, String code) {

    /** The longest {@code framework:code} accepted: both parts at their longest ({@code Alignment}'s limits). */
    public static final int MAX_LENGTH = 2 * org.credstack.catalog.common.Checks.MAX_NAME + 1;

    /** The goal an alignment names; empty when it has no code (a label alone is not a goal to filter by). */
    static Optional<Goal> of(Alignment alignment) {
        if (alignment.code() == null || alignment.code().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(
                new Goal(alignment.framework().strip(), alignment.code().strip()));
    }

    /**
     * Reads {@code framework:code}.
     *
     * @throws IllegalArgumentException saying what is wrong: no colon, an empty framework or code, control
     *     characters, or more than {@link #MAX_LENGTH} characters
     */
    public static Goal parse(String value) {
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a goal is at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a goal has no control characters");
        }
        int colon = value.indexOf(':');
        String framework = colon < 0 ? "" : value.substring(0, colon).strip();
        String code = colon < 0 ? "" : value.substring(colon + 1).strip();
        if (framework.isEmpty() || code.isEmpty()) {
            throw new IllegalArgumentException(
                    "a goal is an alignment's framework and code, 'framework:code', such as 'O*NET-SOC:15-1252.00'");
        }
        return new Goal(framework, code);
    }

    /** The form stored in the credentials' {@code search.goals} and compared: lower case, {@code framework:code}. */
    public String key() {
        return SearchFields.lower(framework + ":" + code);
    }

    /** {@code framework:code}, as the {@code goal} parameter takes it. */
    @Override
    public String toString() {
        return framework + ":" + code;
    }
}
