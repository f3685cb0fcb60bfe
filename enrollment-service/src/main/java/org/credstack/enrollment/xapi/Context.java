package org.credstack.enrollment.xapi;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Context of a statement (xAPI Data section 2.4.6), as far as CredStack reads it. Every part is optional.
 *
 * @param registration the registration (enrollment attempt) the statement belongs to, or {@code null}
 * @param instructor the instructor, or {@code null}
 * @param team the team, or {@code null}
 * @param contextActivities parent, grouping, category and other activities; never {@code null}
 * @param revision revision of the activity, or {@code null}
 * @param platform platform used, or {@code null}
 * @param language RFC 5646 language tag, or {@code null}
 * @param statement a related statement, or {@code null}
 * @param extensions extension IRI to the extension's value as compact JSON text; never {@code null}
 */
public record Context(
        UUID registration,
        Actor instructor,
        Group team,
        ContextActivities contextActivities,
        String revision,
        String platform,
        String language,
        StatementRef statement,
        Map<String, String> extensions) {

    public Context {
        contextActivities = contextActivities == null ? ContextActivities.NONE : contextActivities;
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /**
     * The four lists of context activities (xAPI Data section 2.4.6.2); a single activity sent instead of a list
     * (allowed in 1.0.x) is read as a list of one.
     *
     * @param parent never {@code null}
     * @param grouping never {@code null}
     * @param category never {@code null}
     * @param other never {@code null}
     */
    public record ContextActivities(
            List<Activity> parent, List<Activity> grouping, List<Activity> category, List<Activity> other) {

        /** No context activities. */
        public static final ContextActivities NONE = new ContextActivities(null, null, null, null);

        public ContextActivities {
            parent = parent == null ? List.of() : List.copyOf(parent);
            grouping = grouping == null ? List.of() : List.copyOf(grouping);
            category = category == null ? List.of() : List.copyOf(category);
            other = other == null ? List.of() : List.copyOf(other);
        }

        /** Whether an activity with this id is in the category list. */
        public boolean hasCategory(String activityId) {
            return category.stream().anyMatch(a -> a.id().equals(activityId));
        }
    }
}
