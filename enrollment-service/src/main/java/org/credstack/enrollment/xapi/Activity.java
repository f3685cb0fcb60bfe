package org.credstack.enrollment.xapi;

import java.util.Map;

/**
 * An activity (xAPI Data section 2.4.4.1). Only the parts of its definition that CredStack reads are kept; the
 * full definition stays in {@link Statement#json()}.
 *
 * @param id absolute IRI; required
 * @param type the definition's activity type IRI, or {@code null}
 * @param name the definition's name as a language map; never {@code null}
 * @throws StatementRejected if the id or type is not an absolute IRI
 */
public record Activity(String id, String type, Map<String, String> name) implements StatementObject {

    public Activity {
        Iris.requireAbsolute(id, "/id", "an Activity's id");
        if (type != null) {
            Iris.requireAbsolute(type, "/definition/type", "an activity type");
        }
        name = name == null ? Map.of() : Map.copyOf(name);
    }

    /** An activity known by its id only. */
    public static Activity of(String id) {
        return new Activity(id, null, Map.of());
    }
}
