package org.credstack.enrollment.xapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical form of a statement used by {@link Statement#sameContentAs}: the statement with what xAPI Data section
 * 2.3.1 lists as exceptions to immutability taken out or normalised, serialised with sorted keys. Works on an already
 * validated tree.
 */
final class StatementContent {

    private static final List<String> LRS_SET = List.of("stored", "authority", "version", "attachments");

    private final JsonMapper sorted;

    StatementContent(JsonMapper mapper) {
        this.sorted =
                mapper.rebuild().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
    }

    String key(JsonNode statement, UUID id) {
        ObjectNode copy = (ObjectNode) statement.deepCopy();
        copy.remove(LRS_SET);
        copy.put("id", id.toString());
        normalise(copy);
        return sorted.writeValueAsString(copy);
    }

    private void normalise(ObjectNode statement) {
        if (statement.path("timestamp").isString()) {
            statement.put(
                    "timestamp",
                    Timestamps.parse(statement.get("timestamp").stringValue(), "")
                            .toString());
        }
        if (statement.get("verb") instanceof ObjectNode verb) {
            verb.remove("display");
        }
        normaliseActor(statement.get("actor"));
        if (statement.get("object") instanceof ObjectNode object) {
            switch (object.path("objectType").asString("Activity")) {
                case "Activity" -> object.remove("definition");
                case "StatementRef" -> lowerCase(object, "id");
                case "SubStatement" -> normalise(object);
                default -> normaliseActor(object);
            }
        }
        if (statement.get("context") instanceof ObjectNode context) {
            normaliseContext(context);
        }
    }

    private void normaliseContext(ObjectNode context) {
        lowerCase(context, "registration");
        normaliseActor(context.get("instructor"));
        normaliseActor(context.get("team"));
        if (context.get("statement") instanceof ObjectNode ref) {
            lowerCase(ref, "id");
        }
        if (context.get("contextActivities") instanceof ObjectNode lists) {
            for (String key : List.copyOf(lists.propertyNames())) {
                ArrayNode list = lists.get(key).isArray()
                        ? (ArrayNode) lists.get(key)
                        : lists.arrayNode().add(lists.get(key));
                list.values().forEach(activity -> ((ObjectNode) activity).remove("definition"));
                lists.set(key, list);
            }
        }
    }

    /** Group members form an unordered list (xAPI Data section 2.4.2.2). */
    private void normaliseActor(JsonNode actor) {
        if (actor instanceof ObjectNode group && group.get("member") instanceof ArrayNode members) {
            List<JsonNode> ordered = new ArrayList<>(members.values());
            ordered.sort(Comparator.comparing(sorted::writeValueAsString));
            members.removeAll();
            ordered.forEach(members::add);
        }
    }

    private static void lowerCase(ObjectNode node, String key) {
        if (node.path(key).isString()) {
            node.put(key, node.get(key).stringValue().toLowerCase(Locale.ROOT));
        }
    }
}
