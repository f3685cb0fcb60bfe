package org.credstack.enrollment.xapi;

import static org.credstack.enrollment.xapi.Fields.child;
import static org.credstack.enrollment.xapi.Fields.present;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.credstack.enrollment.xapi.Context.ContextActivities;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a statement's context (xAPI Data section 2.4.6) and extensions (section 4.3). */
final class ContextParser {

    private static final Set<String> CONTEXT_KEYS = Set.of(
            "registration",
            "instructor",
            "team",
            "contextActivities",
            "contextAgents",
            "contextGroups",
            "revision",
            "platform",
            "language",
            "statement",
            "extensions");
    private static final List<String> ACTIVITY_LISTS = List.of("parent", "grouping", "category", "other");

    private final Fields fields;
    private final ActorParser actors;
    private final JsonMapper mapper;
    private final StatementParser statements;

    ContextParser(Fields fields, ActorParser actors, JsonMapper mapper, StatementParser statements) {
        this.fields = fields;
        this.actors = actors;
        this.mapper = mapper;
        this.statements = statements;
    }

    Context context(JsonNode node, String pointer) {
        if (!fields.isObject(node, pointer, "a context")) {
            return null;
        }
        int mark = fields.mark();
        fields.onlyKeys(node, pointer, CONTEXT_KEYS, "a context");
        UUID registration = fields.uuid(node, "registration", pointer);
        Actor instructor =
                present(node, "instructor") ? actors.actor(node.get("instructor"), child(pointer, "instructor")) : null;
        Group team = team(node, pointer);
        ContextActivities activities = contextActivities(node, pointer);
        arrayOfObjects(node, "contextAgents", pointer);
        arrayOfObjects(node, "contextGroups", pointer);
        String revision = fields.string(node, "revision", pointer);
        String platform = fields.string(node, "platform", pointer);
        String language = fields.string(node, "language", pointer);
        if (language != null && !Iris.isLanguageTag(language)) {
            fields.add(child(pointer, "language"), "language is an RFC 5646 language tag");
        }
        StatementRef statement = statementRef(node, pointer);
        Map<String, String> extensions = extensions(node, pointer);
        return fields.okSince(mark)
                ? new Context(
                        registration, instructor, team, activities, revision, platform, language, statement, extensions)
                : null;
    }

    /** {@code context.revision} and {@code context.platform} are only for statements about an Activity. */
    void requireActivityFor(JsonNode statement, StatementObject object, String pointer) {
        JsonNode context = statement.path("context");
        if (object == null || object instanceof Activity || !context.isObject()) {
            return;
        }
        for (String key : List.of("revision", "platform")) {
            if (present(context, key)) {
                fields.add(
                        child(child(pointer, "context"), key),
                        "context." + key + " is only used when the statement's object is an Activity");
            }
        }
    }

    /** Extension IRI to the value as compact JSON text (xAPI Data section 4.3); values are free-form. */
    Map<String, String> extensions(JsonNode parent, String pointer) {
        if (!present(parent, "extensions")) {
            return Map.of();
        }
        JsonNode node = parent.get("extensions");
        String at = child(pointer, "extensions");
        if (!fields.isObject(node, at, "extensions")) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (Iris.isAbsolute(e.getKey())) {
                values.put(e.getKey(), mapper.writeValueAsString(e.getValue()));
            } else {
                fields.add(child(at, e.getKey()), "an extension's key is an absolute IRI");
            }
        });
        return values;
    }

    private Group team(JsonNode node, String pointer) {
        if (!present(node, "team")) {
            return null;
        }
        String at = child(pointer, "team");
        Actor team = actors.actor(node.get("team"), at);
        if (team instanceof Agent) {
            fields.add(child(at, "objectType"), "context.team is a Group");
        }
        return team instanceof Group group ? group : null;
    }

    private StatementRef statementRef(JsonNode node, String pointer) {
        if (!present(node, "statement")) {
            return null;
        }
        JsonNode ref = node.get("statement");
        String at = child(pointer, "statement");
        if (!fields.isObject(ref, at, "context.statement")) {
            return null;
        }
        if (!"StatementRef".equals(ref.path("objectType").asString(null))) {
            fields.add(child(at, "objectType"), "context.statement is a StatementRef");
            return null;
        }
        return statements.statementRef(ref, at);
    }

    private ContextActivities contextActivities(JsonNode node, String pointer) {
        if (!present(node, "contextActivities")) {
            return ContextActivities.NONE;
        }
        JsonNode lists = node.get("contextActivities");
        String at = child(pointer, "contextActivities");
        if (!fields.isObject(lists, at, "contextActivities")) {
            return ContextActivities.NONE;
        }
        fields.onlyKeys(lists, at, Set.copyOf(ACTIVITY_LISTS), "contextActivities");
        List<List<Activity>> read =
                ACTIVITY_LISTS.stream().map(key -> activities(lists, key, at)).toList();
        return new ContextActivities(read.get(0), read.get(1), read.get(2), read.get(3));
    }

    private List<Activity> activities(JsonNode lists, String key, String pointer) {
        if (!present(lists, key)) {
            return List.of();
        }
        JsonNode value = lists.get(key);
        String at = child(pointer, key);
        List<Activity> activities = new ArrayList<>();
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                activities.add(activity(value.get(i), child(at, i)));
            }
        } else {
            activities.add(activity(value, at));
        }
        return activities.contains(null) ? List.of() : activities;
    }

    private Activity activity(JsonNode node, String pointer) {
        if (node.isObject()
                && present(node, "objectType")
                && !"Activity".equals(node.path("objectType").asString(null))) {
            fields.add(child(pointer, "objectType"), "a context activity's objectType is Activity");
            return null;
        }
        return statements.activity(node, pointer);
    }

    private void arrayOfObjects(JsonNode node, String key, String pointer) {
        if (present(node, key)
                && !(node.get(key).isArray() && node.get(key).values().stream().allMatch(JsonNode::isObject))) {
            fields.add(child(pointer, key), key + " is a JSON array of objects (xAPI 2.0)");
        }
    }
}
