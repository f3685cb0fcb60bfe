package org.credstack.testsupport.security;

import static org.credstack.testsupport.security.CallerKind.ANONYMOUS;
import static org.credstack.testsupport.security.CallerKind.LEARNER_SELF;
import static org.credstack.testsupport.security.CallerKind.OPERATOR;
import static org.credstack.testsupport.security.CallerKind.PARTNER_OWN_PROVIDER;
import static org.credstack.testsupport.security.CallerKind.STAFF_OWN_PROVIDER;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who may call one operation, and how the {@link AuthorizationMatrix} calls it. Start from the rule of
 * docs/security.md that fits and adjust:
 *
 * <pre>{@code
 * Rule.learner()                                    // the learner themselves and operators
 * Rule.providerStaff().body(CREDENTIAL_JSON)        // staff of the provider and operators; a valid body
 * Rule.partner().and(STAFF_OWN_PROVIDER)            // also the provider's staff
 * Rule.learner().with("enrollmentId", enrollmentId) // a path variable of this operation
 * }</pre>
 *
 * <p>Rules are immutable: every method returns a new one.
 */
public final class Rule {

    private final Map<CallerKind, Outcome> expected;
    private final String body;
    private final String contentType;
    private final String query;
    private final Map<String, String> headers;
    private final Map<String, Function<CallerKind, String>> variables;
    private final List<Supplier<?>> storedState;

    private Rule(
            Map<CallerKind, Outcome> expected,
            String body,
            String contentType,
            String query,
            Map<String, String> headers,
            Map<String, Function<CallerKind, String>> variables,
            List<Supplier<?>> storedState) {
        this.expected = expected;
        this.body = body;
        this.contentType = contentType;
        this.query = query;
        this.headers = headers;
        this.variables = variables;
        this.storedState = storedState;
    }

    /** Anyone, without a token too: a public read. */
    public static Rule anyone() {
        return refusedExcept(Outcome.ALLOWED, CallerKind.values());
    }

    /** Any caller with a valid token; anonymous is 401. */
    public static Rule anyCaller() {
        return anyone().and(Outcome.UNAUTHORIZED, ANONYMOUS);
    }

    /** The learner the path names and operators; anonymous 401, everyone else 403. */
    public static Rule learner() {
        return refusedExcept(Outcome.FORBIDDEN, LEARNER_SELF, OPERATOR);
    }

    /** Staff of the provider the path names and operators; anonymous 401, everyone else 403. */
    public static Rule providerStaff() {
        return refusedExcept(Outcome.FORBIDDEN, STAFF_OWN_PROVIDER, OPERATOR);
    }

    /** Partner systems of the provider the path names and operators; anonymous 401, everyone else 403. */
    public static Rule partner() {
        return refusedExcept(Outcome.FORBIDDEN, PARTNER_OWN_PROVIDER, OPERATOR);
    }

    /** Operators only; anonymous 401, everyone else 403. */
    public static Rule operator() {
        return refusedExcept(Outcome.FORBIDDEN, OPERATOR);
    }

    /** Exactly these outcomes; every caller kind must have one. */
    public static Rule of(Map<CallerKind, Outcome> expected) {
        EnumMap<CallerKind, Outcome> all = new EnumMap<>(CallerKind.class);
        all.putAll(expected);
        for (CallerKind kind : CallerKind.values()) {
            if (!all.containsKey(kind)) {
                throw new IllegalArgumentException("no outcome for " + kind + " in " + expected);
            }
        }
        return new Rule(all, null, null, null, Map.of(), Map.of(), List.of());
    }

    /** These callers are also allowed. */
    public Rule and(CallerKind... allowed) {
        return and(Outcome.ALLOWED, allowed);
    }

    /** These callers get this outcome instead. */
    public Rule and(Outcome outcome, CallerKind... kinds) {
        EnumMap<CallerKind, Outcome> changed = new EnumMap<>(expected);
        for (CallerKind kind : kinds) {
            changed.put(kind, outcome);
        }
        return new Rule(changed, body, contentType, query, headers, variables, storedState);
    }

    /**
     * The JSON body sent ({@code Content-Type: application/json}). Make it valid: a service that validates the body
     * before it checks the caller answers 400 where the rule expects 403, and the matrix says so.
     */
    public Rule body(String json) {
        return body("application/json", json);
    }

    /** A body of another media type. */
    public Rule body(String contentType, String body) {
        return new Rule(expected, body, contentType, query, headers, variables, storedState);
    }

    /** A query string (without {@code ?}) added to every call. */
    public Rule query(String query) {
        return new Rule(expected, body, contentType, query, headers, variables, storedState);
    }

    /** A header sent with every call ({@code X-Experience-API-Version}, ...). */
    public Rule header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Rule(expected, body, contentType, query, more, variables, storedState);
    }

    /** The value of a path variable for this operation, the same for every caller. */
    public Rule with(String variable, String value) {
        return with(variable, kind -> value);
    }

    /** The value of a path variable for this operation, by caller ({@code kind -> own or other id}). */
    public Rule with(String variable, Function<CallerKind, String> value) {
        Map<String, Function<CallerKind, String>> more = new LinkedHashMap<>(variables);
        more.put(variable, value);
        return new Rule(expected, body, contentType, query, headers, more, storedState);
    }

    /**
     * What must be the same before and after each refused call of this operation (compared with {@code equals}):
     * e.g. {@code () -> notes.count()}. Added to the matrix's own {@link
     * AuthorizationMatrix#storesNothingWhenRefused}.
     */
    public Rule storesNothingWhenRefused(Supplier<?> state) {
        List<Supplier<?>> more = new ArrayList<>(storedState);
        more.add(state);
        return new Rule(expected, body, contentType, query, headers, variables, more);
    }

    Outcome expected(CallerKind kind) {
        return expected.get(kind);
    }

    String body() {
        return body;
    }

    String contentType() {
        return contentType;
    }

    String query() {
        return query;
    }

    Map<String, String> headers() {
        return headers;
    }

    Function<CallerKind, String> variable(String name) {
        return variables.get(name);
    }

    List<Supplier<?>> storedState() {
        return storedState;
    }

    private static Rule refusedExcept(Outcome refusal, CallerKind... allowed) {
        EnumMap<CallerKind, Outcome> expected = new EnumMap<>(CallerKind.class);
        for (CallerKind kind : CallerKind.values()) {
            expected.put(kind, kind == ANONYMOUS ? Outcome.UNAUTHORIZED : refusal);
        }
        for (CallerKind kind : allowed) {
            expected.put(kind, Outcome.ALLOWED);
        }
        return new Rule(expected, null, null, null, Map.of(), Map.of(), List.of());
    }
}
