package org.credstack.enrollment.xapi;

import static org.credstack.enrollment.xapi.Fields.child;
import static org.credstack.enrollment.xapi.Fields.present;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one statement tree into value objects (xAPI Data section 2.4), recording every problem in {@link Fields}.
 * Returns {@code null} where a part could not be read; the caller throws once all problems are known.
 */
final class StatementParser {

    private static final Set<String> STATEMENT_KEYS = Set.of(
            "id",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "stored",
            "authority",
            "version",
            "attachments");
    private static final Set<String> SUB_STATEMENT_KEYS =
            Set.of("objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments");
    private static final Set<String> ACTIVITY_KEYS = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION_KEYS = Set.of(
            "name",
            "description",
            "type",
            "moreInfo",
            "extensions",
            "interactionType",
            "correctResponsesPattern",
            "choices",
            "scale",
            "source",
            "target",
            "steps");
    private static final Pattern VERSION = Pattern.compile("[12]\\.0\\.\\d+");

    /** What a statement tree holds, before the reader adds the id, JSON and content key. */
    record Parts(
            UUID id,
            Actor actor,
            Verb verb,
            StatementObject object,
            Result result,
            Context context,
            Instant timestamp) {}

    private final Fields fields;
    private final ActorParser actors;
    private final ContextParser contexts;

    StatementParser(Fields fields, JsonMapper mapper) {
        this.fields = fields;
        this.actors = new ActorParser(fields);
        this.contexts = new ContextParser(fields, actors, mapper, this);
    }

    /** The parts of a statement, or {@code null} if anything in it is wrong. */
    Parts statement(JsonNode node, String pointer) {
        if (!fields.isObject(node, pointer, "a statement")) {
            return null;
        }
        int mark = fields.mark();
        fields.rejectNulls(node, pointer);
        fields.onlyKeys(node, pointer, STATEMENT_KEYS, "a statement");
        UUID id = fields.uuid(node, "id", pointer);
        Parts parts = parts(node, pointer);
        lrsSetProperties(node, pointer);
        if (!fields.okSince(mark)) {
            return null;
        }
        return new Parts(
                id, parts.actor(), parts.verb(), parts.object(), parts.result(), parts.context(), parts.timestamp());
    }

    private Parts parts(JsonNode node, String pointer) {
        Actor actor = fields.required(node, "actor", pointer, "a statement")
                ? actors.actor(node.get("actor"), child(pointer, "actor"))
                : null;
        Verb verb = fields.required(node, "verb", pointer, "a statement") ? verb(node.get("verb"), pointer) : null;
        StatementObject object = fields.required(node, "object", pointer, "a statement")
                ? object(node.get("object"), child(pointer, "object"), true)
                : null;
        Result result = present(node, "result") ? result(node.get("result"), child(pointer, "result")) : null;
        Context context =
                present(node, "context") ? contexts.context(node.get("context"), child(pointer, "context")) : null;
        String timestamp = fields.string(node, "timestamp", pointer);
        Instant at = timestamp == null
                ? null
                : fields.attempt(child(pointer, "timestamp"), () -> Timestamps.parse(timestamp, ""));
        if (verb != null && verb.isVoiding() && object != null && !(object instanceof StatementRef)) {
            fields.add(
                    child(child(pointer, "object"), "objectType"),
                    "a voiding statement's object is a StatementRef (xAPI Data section 2.3.2)");
        }
        contexts.requireActivityFor(node, object, pointer);
        return new Parts(null, actor, verb, object, result, context, at);
    }

    private void lrsSetProperties(JsonNode node, String pointer) {
        String stored = fields.string(node, "stored", pointer);
        if (stored != null) {
            fields.attempt(child(pointer, "stored"), () -> Timestamps.parse(stored, ""));
        }
        if (present(node, "authority")) {
            actors.actor(node.get("authority"), child(pointer, "authority"));
        }
        String version = fields.string(node, "version", pointer);
        if (version != null && !VERSION.matcher(version).matches()) {
            fields.add(child(pointer, "version"), "version is 1.0.x or 2.0.x");
        }
        if (present(node, "attachments") && !node.get("attachments").isArray()) {
            fields.add(child(pointer, "attachments"), "attachments is a JSON array of attachment objects");
        }
    }

    private Verb verb(JsonNode node, String statementPointer) {
        String pointer = child(statementPointer, "verb");
        if (!fields.isObject(node, pointer, "a verb")) {
            return null;
        }
        int mark = fields.mark();
        fields.onlyKeys(node, pointer, Set.of("id", "display"), "a verb");
        fields.required(node, "id", pointer, "a verb");
        String id = fields.string(node, "id", pointer);
        Map<String, String> display = fields.languageMap(node, "display", pointer);
        return fields.okSince(mark) ? fields.attempt(pointer, () -> new Verb(id, display)) : null;
    }

    StatementObject object(JsonNode node, String pointer, boolean subStatementAllowed) {
        if (!fields.isObject(node, pointer, "an object")) {
            return null;
        }
        String type = fields.string(node, "objectType", pointer);
        return switch (type == null ? "Activity" : type) {
            case "Activity" -> activity(node, pointer);
            case "Agent" -> actors.agent(node, pointer);
            case "Group" -> actors.group(node, pointer);
            case "StatementRef" -> statementRef(node, pointer);
            case "SubStatement" -> subStatementAllowed ? subStatement(node, pointer) : notNested(pointer);
            default -> {
                fields.add(
                        child(pointer, "objectType"),
                        "an object's objectType is Activity, Agent, Group, StatementRef or SubStatement");
                yield null;
            }
        };
    }

    Activity activity(JsonNode node, String pointer) {
        if (!fields.isObject(node, pointer, "an Activity")) {
            return null;
        }
        int mark = fields.mark();
        fields.onlyKeys(node, pointer, ACTIVITY_KEYS, "an Activity");
        fields.required(node, "id", pointer, "an Activity");
        String id = fields.string(node, "id", pointer);
        String type = null;
        Map<String, String> name = null;
        if (present(node, "definition")) {
            JsonNode definition = node.get("definition");
            String at = child(pointer, "definition");
            if (fields.isObject(definition, at, "an Activity definition")) {
                fields.onlyKeys(definition, at, DEFINITION_KEYS, "an Activity definition");
                name = fields.languageMap(definition, "name", at);
                fields.languageMap(definition, "description", at);
                type = fields.string(definition, "type", at);
                fields.iri(definition, "moreInfo", at);
                contexts.extensions(definition, at);
            }
        }
        String activityType = type;
        Map<String, String> names = name;
        return fields.okSince(mark) ? fields.attempt(pointer, () -> new Activity(id, activityType, names)) : null;
    }

    StatementRef statementRef(JsonNode node, String pointer) {
        int mark = fields.mark();
        fields.onlyKeys(node, pointer, Set.of("objectType", "id"), "a StatementRef");
        fields.required(node, "id", pointer, "a StatementRef");
        UUID id = fields.uuid(node, "id", pointer);
        return fields.okSince(mark) ? fields.attempt(pointer, () -> new StatementRef(id)) : null;
    }

    private SubStatement subStatement(JsonNode node, String pointer) {
        int mark = fields.mark();
        fields.onlyKeys(node, pointer, SUB_STATEMENT_KEYS, "a SubStatement (it has no id, stored, version, authority)");
        Parts parts = parts(node, pointer);
        return fields.okSince(mark)
                ? fields.attempt(
                        pointer,
                        () -> new SubStatement(
                                parts.actor(),
                                parts.verb(),
                                parts.object(),
                                parts.result(),
                                parts.context(),
                                parts.timestamp()))
                : null;
    }

    private StatementObject notNested(String pointer) {
        fields.add(child(pointer, "objectType"), "a SubStatement's object is not another SubStatement");
        return null;
    }

    private Result result(JsonNode node, String pointer) {
        if (!fields.isObject(node, pointer, "a result")) {
            return null;
        }
        int mark = fields.mark();
        fields.onlyKeys(
                node,
                pointer,
                Set.of("score", "success", "completion", "response", "duration", "extensions"),
                "a result");
        Score score = present(node, "score") ? score(node.get("score"), child(pointer, "score")) : null;
        Boolean success = fields.bool(node, "success", pointer);
        Boolean completion = fields.bool(node, "completion", pointer);
        String response = fields.string(node, "response", pointer);
        String duration = fields.string(node, "duration", pointer);
        contexts.extensions(node, pointer);
        return fields.okSince(mark)
                ? fields.attempt(pointer, () -> new Result(score, success, completion, response, duration))
                : null;
    }

    private Score score(JsonNode node, String pointer) {
        if (!fields.isObject(node, pointer, "a score")) {
            return null;
        }
        int mark = fields.mark();
        fields.onlyKeys(node, pointer, Set.of("scaled", "raw", "min", "max"), "a score");
        Double scaled = fields.number(node, "scaled", pointer);
        Double raw = fields.number(node, "raw", pointer);
        Double min = fields.number(node, "min", pointer);
        Double max = fields.number(node, "max", pointer);
        return fields.okSince(mark) ? fields.attempt(pointer, () -> new Score(scaled, raw, min, max)) : null;
    }
}
