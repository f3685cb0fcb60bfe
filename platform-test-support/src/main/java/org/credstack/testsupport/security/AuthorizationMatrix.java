package org.credstack.testsupport.security;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization matrix of a running service (issue 8, "Tests"): every operation of its OpenAPI document ({@code
 * /v3/api-docs}) sent as every {@link CallerKind}, each answer checked against the operation's {@link Rule}.
 * {@link #verify()} fails, listing everything at once, when an operation of the document has no rule (so an endpoint
 * cannot be added without one), when a rule names an operation the document lacks, when an answer is not the
 * expected {@link Outcome} (401 and 403 also need their problem body), and when a refused write changed what the
 * test's {@code storesNothingWhenRefused} suppliers report.
 *
 * <pre>{@code
 * @Test
 * void everyOperationAnswersEachCallerAsItsRuleSays() {
 *     AuthorizationMatrix.of(baseUrl())
 *             .storesNothingWhenRefused(() -> mongo.getCollection("enrollments").countDocuments())
 *             .rule("GET /api/v1/credentials/{id}", Rule.anyone())
 *             .rule("POST /api/v1/learners/{learnerId}/enrollments", Rule.learner().body(ENROLL))
 *             .rule("POST /api/v1/providers/{providerId}/credentials", Rule.providerStaff().body(CREDENTIAL))
 *             .rule("GET /api/v1/dead-letters", Rule.operator())
 *             .verify();
 * }
 * }</pre>
 *
 * <p>Path variables: {@code learnerId} is {@link #learnerId()}, {@code providerId} is {@link #providerId()}, others
 * come from {@link #variable} or {@link Rule#with}, and any left is {@code none-<name>}, an id nothing has. The
 * callers are tokens of {@link TestTokens}: the learner and another learner, staff and a partner of the provider and
 * of another provider, an operator; {@link #authorization} replaces one (a partner's HTTP Basic key, ...).
 */
public final class AuthorizationMatrix {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final int SHOWN_BODY = 200;

    private final String baseUrl;
    private final String learnerId;
    private final String otherLearnerId;
    private final String providerId;
    private final String otherProviderId;
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Map<String, Function<CallerKind, String>> variables = new LinkedHashMap<>();
    private final Map<CallerKind, String> authorizations = new EnumMap<>(CallerKind.class);
    private final List<Supplier<?>> storedState = new ArrayList<>();

    private AuthorizationMatrix(String baseUrl, String learnerId, String providerId) {
        this.baseUrl = baseUrl;
        this.learnerId = learnerId;
        this.otherLearnerId = learnerId + "-other";
        this.providerId = providerId;
        this.otherProviderId = providerId + "-other";
        authorizations.put(CallerKind.LEARNER_SELF, TestTokens.bearer(TestTokens.learner(learnerId)));
        authorizations.put(CallerKind.LEARNER_OTHER, TestTokens.bearer(TestTokens.learner(otherLearnerId)));
        authorizations.put(CallerKind.STAFF_OWN_PROVIDER, TestTokens.bearer(TestTokens.staff(providerId)));
        authorizations.put(CallerKind.STAFF_OTHER_PROVIDER, TestTokens.bearer(TestTokens.staff(otherProviderId)));
        authorizations.put(CallerKind.PARTNER_OWN_PROVIDER, TestTokens.bearer(TestTokens.partner(providerId)));
        authorizations.put(CallerKind.PARTNER_OTHER_PROVIDER, TestTokens.bearer(TestTokens.partner(otherProviderId)));
        authorizations.put(CallerKind.OPERATOR, TestTokens.bearer(TestTokens.operator()));
    }

    /** A matrix for the service at {@code baseUrl} ({@code http://localhost:<port>}), with a fresh learner and provider. */
    public static AuthorizationMatrix of(String baseUrl) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return of(baseUrl, "learner-" + suffix, "provider-" + suffix);
    }

    /**
     * A matrix whose paths name this learner and provider (the ones the test stored data for); the other learner
     * and provider are {@code <id>-other}.
     */
    public static AuthorizationMatrix of(String baseUrl, String learnerId, String providerId) {
        return new AuthorizationMatrix(baseUrl, learnerId, providerId);
    }

    /** The learner every {@code {learnerId}} names: the subject of {@link CallerKind#LEARNER_SELF}'s token. */
    public String learnerId() {
        return learnerId;
    }

    /** The provider every {@code {providerId}} names: the provider of the "own provider" callers. */
    public String providerId() {
        return providerId;
    }

    /**
     * The rule of one operation.
     *
     * @param operation {@code "<METHOD> <path template>"} as in the OpenAPI document: {@code "GET
     *     /api/v1/learners/{learnerId}/credentials"}
     */
    public AuthorizationMatrix rule(String operation, Rule rule) {
        String key = normalized(operation);
        if (rules.putIfAbsent(key, rule) != null) {
            throw new IllegalArgumentException("two rules for " + key);
        }
        return this;
    }

    /** The same rule for several operations. */
    public AuthorizationMatrix rule(Rule rule, String... operations) {
        for (String operation : operations) {
            rule(operation, rule);
        }
        return this;
    }

    /** The value of a path variable in every operation, for every caller. */
    public AuthorizationMatrix variable(String name, String value) {
        return variable(name, kind -> value);
    }

    /** The value of a path variable in every operation, by caller. */
    public AuthorizationMatrix variable(String name, Function<CallerKind, String> value) {
        variables.put(name, value);
        return this;
    }

    /** The {@code Authorization} header a kind of caller sends instead of its test token ({@code Basic ...}). */
    public AuthorizationMatrix authorization(CallerKind kind, String header) {
        if (kind == CallerKind.ANONYMOUS) {
            throw new IllegalArgumentException("anonymous callers send no Authorization header");
        }
        authorizations.put(kind, header);
        return this;
    }

    /**
     * What must be the same before and after every refused write ({@code POST}, {@code PUT}, {@code PATCH},
     * {@code DELETE}) of the service, compared with {@code equals}: e.g. the count of each collection and of the
     * outbox.
     */
    public AuthorizationMatrix storesNothingWhenRefused(Supplier<?> state) {
        storedState.add(state);
        return this;
    }

    /** Calls every operation as every caller; fails with everything that is not as the rules say. */
    public void verify() {
        Set<String> documented = operations();
        List<String> problems = new ArrayList<>();
        for (String operation : documented) {
            if (!rules.containsKey(operation)) {
                problems.add("no rule for " + operation + ": add .rule(\"" + operation + "\", Rule....)");
            }
        }
        for (String operation : rules.keySet()) {
            if (!documented.contains(operation)) {
                problems.add("a rule for " + operation + ", which /v3/api-docs does not have");
            }
        }
        int calls = 0;
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            for (Map.Entry<String, Rule> entry : rules.entrySet()) {
                if (documented.contains(entry.getKey())) {
                    for (CallerKind kind : CallerKind.values()) {
                        calls++;
                        String problem = check(http, entry.getKey(), entry.getValue(), kind);
                        if (problem != null) {
                            problems.add(problem);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) in the authorization matrix of " + baseUrl + " (" + calls
                    + " calls):\n  " + String.join("\n  ", problems));
        }
    }

    /** {@code "GET /path"} of every operation of the service's OpenAPI document, sorted. */
    Set<String> operations() {
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = send(
                    http,
                    HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs")).header("Accept", "application/json"));
        }
        if (response.statusCode() != 200) {
            fail("GET /v3/api-docs answered " + response.statusCode() + ": " + shortened(response.body()));
        }
        Set<String> operations = new TreeSet<>();
        JsonNode paths = JsonMapper.shared().readTree(response.body()).path("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                String upper = method.toUpperCase(Locale.ROOT);
                if (METHODS.contains(upper)) {
                    operations.add(upper + " " + path);
                }
            }
        }
        return operations;
    }

    /** One call; a description of what is wrong with its answer, or null. */
    private String check(HttpClient http, String operation, Rule rule, CallerKind kind) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = filled(operation.substring(operation.indexOf(' ') + 1), rule, kind);
        Outcome expected = rule.expected(kind);
        List<Supplier<?>> state = new ArrayList<>(storedState);
        state.addAll(rule.storedState());
        boolean checkStore = expected.refused() && WRITES.contains(method) && !state.isEmpty();
        List<Object> before = checkStore ? snapshot(state) : List.of();

        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(baseUrl + path + (rule.query() == null ? "" : "?" + rule.query())))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "*/*")
                .method(method, body(rule, method));
        if (rule.body() != null || WRITES.contains(method)) {
            request.header("Content-Type", rule.contentType() == null ? "application/json" : rule.contentType());
        }
        rule.headers().forEach(request::header);
        if (kind != CallerKind.ANONYMOUS) {
            request.header("Authorization", authorizations.get(kind));
        }
        HttpResponse<String> response = send(http, request);

        String call = method + " " + path + " as " + kind;
        String mismatch = mismatch(expected, response);
        if (mismatch != null) {
            return call + ": expected " + expected + ", " + mismatch;
        }
        if (checkStore) {
            List<Object> after = snapshot(state);
            if (!before.equals(after)) {
                return call + ": refused, but the stored state changed from " + before + " to " + after;
            }
        }
        return null;
    }

    private static String mismatch(Outcome expected, HttpResponse<String> response) {
        int status = response.statusCode();
        String got = "got " + status + " " + shortened(response.body());
        return switch (expected) {
            case ALLOWED -> status == 401 || status == 403 || status >= 500 ? got : null;
            case UNAUTHORIZED -> {
                if (status != 401) {
                    yield got;
                }
                // one header per scheme (Basic and Bearer on xAPI) or several schemes in one
                List<String> challenges = response.headers().allValues("WWW-Authenticate");
                yield challenges.stream().anyMatch(c -> c.startsWith("Bearer") || c.contains(", Bearer"))
                        ? problemMismatch(response, "unauthorized")
                        : "got 401 without a WWW-Authenticate: Bearer challenge (was " + challenges + ")";
            }
            case FORBIDDEN -> status == 403 ? problemMismatch(response, "forbidden") : got;
        };
    }

    private static String problemMismatch(HttpResponse<String> response, String name) {
        String type = "urn:credstack:problem:" + name;
        boolean problemJson = response.headers()
                .firstValue("Content-Type")
                .filter(value -> value.startsWith("application/problem+json"))
                .isPresent();
        if (!problemJson || !response.body().contains("\"" + type + "\"")) {
            return "got " + response.statusCode() + " without a problem of type " + type + ": "
                    + shortened(response.body());
        }
        return null;
    }

    private String filled(String template, Rule rule, CallerKind kind) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(value(matcher.group(1), rule, kind)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String value(String name, Rule rule, CallerKind kind) {
        Function<CallerKind, String> value = rule.variable(name);
        if (value == null) {
            value = variables.get(name);
        }
        if (value != null) {
            return value.apply(kind);
        }
        return switch (name) {
            case "learnerId" -> learnerId;
            case "providerId" -> providerId;
            default -> "none-" + name;
        };
    }

    /** The rule's body; {@code {}} for a write without one; nothing for a read. */
    private static HttpRequest.BodyPublisher body(Rule rule, String method) {
        if (rule.body() != null) {
            return BodyPublishers.ofString(rule.body());
        }
        return WRITES.contains(method) ? BodyPublishers.ofString("{}") : BodyPublishers.noBody();
    }

    private static List<Object> snapshot(List<Supplier<?>> state) {
        List<Object> values = new ArrayList<>();
        for (Supplier<?> supplier : state) {
            values.add(supplier.get());
        }
        return values;
    }

    private static String normalized(String operation) {
        String[] parts = operation.trim().split("\\s+");
        String method = parts[0].toUpperCase(Locale.ROOT);
        if (parts.length != 2 || !METHODS.contains(method) || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException(
                    "an operation is \"<METHOD> /path/{variable}\", was \"" + operation + "\"");
        }
        return method + " " + parts[1];
    }

    private static String shortened(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= SHOWN_BODY ? flat : flat.substring(0, SHOWN_BODY) + "…";
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
