package org.credstack.enrollment.xapi;

import static org.credstack.enrollment.xapi.Fields.child;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.credstack.runtime.problem.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates the body of an xAPI {@code POST /statements} (xAPI 1.0.3 and 2.0.0, Data section 2.4;
 * Communication section 2.1.2): one statement object or an array of them.
 *
 * <p>All or nothing: if anything is wrong anywhere, {@link StatementRejected} lists every problem found, each with a
 * JSON pointer into the body ({@code /result/score/scaled} for a single statement, {@code /1/id} for the second of a
 * batch). A batch in which two statements carry the same id is rejected whole. A statement without an id gets a
 * generated one. Unknown properties, JSON {@code null} values (outside extensions) and duplicate keys are rejected.
 * The xAPI 2.0 context properties {@code contextAgents} and {@code contextGroups} are accepted.
 *
 * <p>Thread-safe; one instance can serve all requests.
 */
public final class StatementReader {

    private final JsonMapper mapper;
    private final StatementContent content;
    private final Supplier<UUID> ids;

    /** A reader that generates random (version 4) ids for statements sent without one. */
    public StatementReader() {
        this(UUID::randomUUID);
    }

    StatementReader(Supplier<UUID> ids) {
        this.mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.content = new StatementContent(mapper);
        this.ids = ids;
    }

    /**
     * Reads a request body.
     *
     * @param json UTF-8 text of one statement object or a JSON array of statements
     * @return the statements in the order sent (one for a single object)
     * @throws StatementRejected if the text is not JSON (pointer {@code ""}) or any statement is invalid
     */
    public List<Statement> read(String json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JacksonException e) {
            throw StatementRejected.at("", Problems.syntaxError(e, "the body"));
        }
        return read(tree);
    }

    /**
     * Reads a parsed request body.
     *
     * @param json one statement object or an array of statements
     * @return the statements in the order sent (one for a single object)
     * @throws StatementRejected if any statement is invalid or a batch repeats an id
     */
    public List<Statement> read(JsonNode json) {
        Objects.requireNonNull(json, "json");
        Fields fields = new Fields();
        List<Statement> statements = new ArrayList<>();
        if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                statements.add(statement(json.get(i), child("", i), fields));
            }
            rejectRepeatedIds(json, fields);
        } else if (json.isObject()) {
            statements.add(statement(json, "", fields));
        } else {
            fields.add("", "the body is a statement object or a JSON array of statements");
        }
        if (!fields.problems().isEmpty()) {
            throw new StatementRejected(fields.problems());
        }
        return List.copyOf(statements);
    }

    private Statement statement(JsonNode node, String pointer, Fields fields) {
        StatementParser.Parts parts = new StatementParser(fields, mapper).statement(node, pointer);
        if (parts == null) {
            return null;
        }
        UUID id = parts.id() != null ? parts.id() : ids.get();
        return fields.attempt(
                pointer,
                () -> new Statement(
                        id,
                        parts.actor(),
                        parts.verb(),
                        parts.object(),
                        parts.result(),
                        parts.context(),
                        parts.timestamp(),
                        mapper.writeValueAsString(node),
                        content.key(node, id)));
    }

    /** xAPI Communication section 2.1.1: a batch repeating an id is rejected with 400. */
    private static void rejectRepeatedIds(JsonNode batch, Fields fields) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            JsonNode id = batch.get(i).path("id");
            if (id.isString() && Iris.isUuid(id.stringValue())) {
                Integer first = firstIndex.putIfAbsent(id.stringValue().toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    fields.add(
                            child(child("", i), "id"),
                            "the batch already has a statement with id " + id.stringValue() + " at /" + first);
                }
            }
        }
    }
}
