package org.credstack.enrollment.xapi;

import java.util.Map;

/**
 * The action of a statement (xAPI Data section 2.4.3).
 *
 * @param id absolute IRI of the verb; required
 * @param display human-readable forms as a language map (language tag to text); never {@code null}
 * @throws StatementRejected if the id is not an absolute IRI
 */
public record Verb(String id, Map<String, String> display) {

    /** The reserved verb of a voiding statement (xAPI Data section 2.3.2). */
    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    public Verb {
        Iris.requireAbsolute(id, "/id", "a verb's id");
        display = display == null ? Map.of() : Map.copyOf(display);
    }

    /** A verb known by its id only. */
    public static Verb of(String id) {
        return new Verb(id, Map.of());
    }

    /** Whether this is the reserved {@code voided} verb. */
    public boolean isVoiding() {
        return VOIDED.equals(id);
    }
}
