package org.credstack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem+json contract (RFC 9457) every CredStack service keeps, as tests a service's IT inherits: the same
 * kinds of bad request, answered in the same shape. A service's {@code *ProblemContractIT} implements it next to its
 * usual IT base class (so it shares that Spring context) and names its endpoints.
 *
 * <p>The shape checked on every answer: {@code Content-Type: application/problem+json}; {@code type}
 * {@code urn:credstack:problem:<name>}; a {@code title}; {@code status} equal to the HTTP status; a {@code detail};
 * no top-level {@code field}; when present, {@code errors} is a non-empty list of {@code {field, message}} or
 * {@code {pointer, message}}, nothing else; and no Java exception or package name anywhere.
 */
public interface ProblemContractTests {

    /**
     * A request this contract sends.
     *
     * @param method the HTTP method, e.g. {@code GET}
     * @param path path and query, e.g. {@code /api/v1/learners/x/notifications?limit=0}
     * @param body a JSON body sent as {@code application/json}, or {@code null} for none
     */
    record Call(String method, String path, String body) {

        public static Call get(String path) {
            return new Call("GET", path, null);
        }

        public static Call post(String path, String body) {
            return new Call("POST", path, body);
        }
    }

    /** The port the service under test listens on. */
    int port();

    /**
     * A request for something that does not exist, answered 404 by the service's own handler. Some endpoint has
     * its path, but none answers {@code DELETE} there: the wrong-method check sends that.
     */
    Call missingResource();

    /** A request that breaks a rule of the service's input, answered 400 or 422. */
    Call invalidRequest();

    /** The {@code field} (or {@code pointer}) that the {@link #invalidRequest()}'s {@code errors} name. */
    String invalidRequestNames();

    /**
     * The {@code Authorization} header every request of the contract carries, or {@code null} for none. A service
     * with the security kit answers an anonymous request outside its public paths 401 before anything else, so its
     * contract sends a token that may call {@link #missingResource()} and {@link #invalidRequest()}: {@code
     * TestTokens.bearer(TestTokens.operator())}.
     */
    default String authorization() {
        return null;
    }

    /** A path that takes a JSON body with {@code POST}, or {@code null} when the service has none. */
    default String jsonEndpoint() {
        return null;
    }

    @Test
    default void answersMalformedJsonWith400NamingTheBody() {
        assumeTrue(jsonEndpoint() != null, "the service takes no JSON body");

        JsonNode problem = problem(send("POST", jsonEndpoint(), "application/json", "{\"oops"), 400);

        assertThat(problem.path("errors").isArray()).as("errors of %s", problem).isTrue();
    }

    @Test
    default void answersABodyThatIsNotJsonWithoutTheParsersWords() {
        assumeTrue(jsonEndpoint() != null, "the service takes no JSON body");

        JsonNode problem = problem(send("POST", jsonEndpoint(), "application/json", "not json"), 400);

        assertThat(problem.path("detail").asString()).doesNotContain("Unrecognized token", "was expecting");
    }

    @Test
    default void answersABodyNestedTooDeeplyWithoutTheParsersWords() {
        assumeTrue(jsonEndpoint() != null, "the service takes no JSON body");
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        JsonNode problem = problem(send("POST", jsonEndpoint(), "application/json", deep), 400);

        assertThat(problem.path("detail").asString()).doesNotContain("StreamReadConstraints", "Document nesting");
    }

    @Test
    default void answersAWrongContentTypeWith415() {
        assumeTrue(jsonEndpoint() != null, "the service takes no JSON body");

        JsonNode problem = problem(send("POST", jsonEndpoint(), "text/plain", "hello"), 415);

        assertThat(problem.path("type").asString()).isEqualTo("urn:credstack:problem:unsupported-media-type");
    }

    @Test
    default void answersAWrongMethodWith405() {
        JsonNode problem = problem(send("DELETE", pathOnly(missingResource().path()), null, null), 405);

        assertThat(problem.path("type").asString()).isEqualTo("urn:credstack:problem:method-not-allowed");
        assertThat(problem.path("title").asString())
                .as("the factory's title, not Spring's")
                .isEqualTo("Method not allowed");
    }

    @Test
    default void answersAnUnknownPathWith404() {
        String path = "/no-such-path/" + UUID.randomUUID();
        JsonNode problem = problem(send("GET", path, null, null), 404);

        assertThat(problem.path("type").asString()).isEqualTo("urn:credstack:problem:not-found");
        assertThat(problem.path("title").asString()).isEqualTo("Not found");
        assertThat(problem.path("detail").asString()).isEqualTo("nothing answers GET " + path);
    }

    @Test
    default void answersAMissingResourceWith404() {
        JsonNode problem = problem(send(missingResource()), 404);

        assertThat(problem.path("detail").asString())
                .as("answered by the service, not by Spring MVC")
                .doesNotStartWith("No static resource");
    }

    @Test
    default void answersAnInvalidRequestNamingWhereItIsWrong() {
        HttpResponse<String> response = send(invalidRequest());
        assertThat(response.statusCode()).as(response.body()).isIn(400, 422);

        JsonNode problem = problem(response, response.statusCode());

        List<String> named = problem.path("errors")
                .valueStream()
                .map(error -> error.has("field") ? error.get("field") : error.get("pointer"))
                .map(JsonNode::asString)
                .toList();
        assertThat(named).as("errors of %s", problem).contains(invalidRequestNames());
    }

    /** Checks the shape every problem has and returns it parsed. */
    private static JsonNode problem(HttpResponse<String> response, int status) {
        String body = response.body();
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(body)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body)
                .doesNotContain("Exception", "java.", "org.springframework", "tools.jackson", "StreamReadConstraints");
        JsonNode problem = JsonMapper.shared().readTree(body);
        assertThat(problem.path("type").asString()).as(body).matches("urn:credstack:problem:[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(problem.path("title").asString()).as(body).isNotBlank();
        assertThat(problem.path("status").asInt()).as(body).isEqualTo(status);
        assertThat(problem.path("detail").asString()).as(body).isNotBlank();
        assertThat(problem.has("field")).as("a top-level field in %s", body).isFalse();
        if (problem.has("errors")) {
            assertThat(problem.get("errors").valueStream())
                    .as(body)
                    .isNotEmpty()
                    .allSatisfy(error -> {
                        assertThat(error.has("field") != error.has("pointer"))
                                .as("exactly one of field and pointer in %s", error)
                                .isTrue();
                        assertThat(error.path("message").asString()).as(body).isNotBlank();
                        assertThat(error.propertyNames()).as(body).isSubsetOf(Set.of("field", "pointer", "message"));
                    });
        }
        return problem;
    }

    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private HttpResponse<String> send(Call call) {
        return send(call.method(), call.path(), call.body() == null ? null : "application/json", call.body());
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization() != null) {
            request.header("Authorization", authorization());
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + method + " " + path, e);
        }
    }
}
