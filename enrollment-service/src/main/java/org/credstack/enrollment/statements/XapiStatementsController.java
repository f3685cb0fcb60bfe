package org.credstack.enrollment.statements;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.credstack.enrollment.partner.Reporters;
import org.credstack.enrollment.xapi.Statement;
import org.credstack.enrollment.xapi.StatementReader;
import org.credstack.enrollment.xapi.StatementRejected;
import org.credstack.runtime.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The xAPI Statement Resource for partners (xAPI 1.0.3 / 2.0.0 Communication section 2.1), write side.
 *
 * <ul>
 *   <li>{@code POST /xapi/statements} with one statement or an array → 200 with the array of statement ids, in order
 *       (generated for statements sent without one);
 *   <li>{@code PUT /xapi/statements?statementId=<uuid>} with one statement → 204.
 * </ul>
 *
 * Both need {@code X-Experience-API-Version} 1.0.x or 2.0.x ({@link XapiVersionFilter}; 400 otherwise) and
 * {@code Content-Type: application/json}. A batch is all or nothing. Errors as problem+json: 400 for an invalid
 * statement (member {@code errors} lists every JSON pointer and what is wrong, nothing stored; this includes a
 * {@code timestamp} outside {@link PlausibleTimestamps}), a missing or
 * malformed {@code statementId}, or a PUT body whose {@code id} differs from it; 409 when an id is already stored
 * with different content (xAPI Data section 2.3.1), naming that id's pointer. Repeating a stored statement is a
 * no-op.
 *
 * <p>Callers (docs/partner-keys.md): a partner key over HTTP Basic or a bearer token of role {@code partner}, or an
 * operator's token; else 401 (with {@code WWW-Authenticate: Basic realm="xAPI"} and {@code Bearer}) or 403. A partner
 * reports only about its own providers' activities ({@link ReportingScope}): a batch with one statement about another
 * provider's is answered 403 naming that statement's {@code object/id} pointer, and nothing of it is stored.
 */
@RestController
@RequestMapping(path = "/xapi/statements", consumes = MediaType.APPLICATION_JSON_VALUE)
class XapiStatementsController {

    private final StatementReader reader = new StatementReader();
    private final JsonMapper json = JsonMapper.builder().build();
    private final StatementIntake intake;
    private final PlausibleTimestamps timestamps;
    private final Reporters reporters;
    private final ReportingScope scope;

    XapiStatementsController(
            StatementIntake intake, PlausibleTimestamps timestamps, Reporters reporters, ReportingScope scope) {
        this.intake = intake;
        this.timestamps = timestamps;
        this.reporters = reporters;
        this.scope = scope;
    }

    @PostMapping
    List<String> post(@RequestBody byte[] bytes) {
        Caller caller = reporters.current();
        String body = utf8(bytes);
        List<Statement> batch = reader.read(body);
        boolean array = body.stripLeading().startsWith("[");
        timestamps.check(batch, i -> array ? "/" + i + "/timestamp" : "/timestamp");
        List<String> providerIds = scope.check(caller, batch, i -> array ? "/" + i + "/object/id" : "/object/id");
        intake.accept(batch, i -> array ? "/" + i + "/id" : "/id", providerIds);
        return batch.stream().map(s -> s.id().toString()).toList();
    }

    @PutMapping
    ResponseEntity<Void> put(@RequestParam String statementId, @RequestBody byte[] bytes) {
        Caller caller = reporters.current();
        String body = utf8(bytes);
        UUID id = uuid(statementId);
        List<Statement> read = reader.read(body);
        if (read.size() != 1 || body.stripLeading().startsWith("[")) {
            throw new InvalidStatementRequest("", "PUT takes one statement object, not an array");
        }
        Statement statement = read.getFirst();
        if (!hasId(body)) {
            statement = reader.read(withId(body, id)).getFirst();
        } else if (!statement.id().equals(id)) {
            throw new InvalidStatementRequest("/id", "the statement's id differs from the statementId parameter");
        }
        timestamps.check(List.of(statement), i -> "/timestamp");
        List<String> providerIds = scope.check(caller, List.of(statement), i -> "/object/id");
        intake.accept(List.of(statement), i -> "/id", providerIds);
        return ResponseEntity.noContent().build();
    }

    /** JSON is UTF-8 (RFC 8259 section 8.1): malformed bytes are refused, not replaced by U+FFFD and stored. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new StatementRejected(List.of(new StatementRejected.Problem("", "the body is not valid UTF-8")));
        }
    }

    private static UUID uuid(String statementId) {
        try {
            return UUID.fromString(statementId);
        } catch (IllegalArgumentException e) {
            throw new InvalidStatementRequest("statementId", "statementId is a UUID");
        }
    }

    private boolean hasId(String body) {
        try {
            return json.readTree(body).has("id");
        } catch (JacksonException e) {
            return false;
        }
    }

    private JsonNode withId(String body, UUID id) {
        ObjectNode statement = (ObjectNode) json.readTree(body);
        statement.put("id", id.toString());
        return statement;
    }
}
