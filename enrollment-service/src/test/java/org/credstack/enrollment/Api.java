package org.credstack.enrollment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credstack.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the service under test; never throws on 4xx/5xx.
 *
 * <p>Every request carries a bearer token ({@link TestTokens}). Unless {@link #as} names the caller, it is the caller
 * the path belongs to: the learner of {@code /api/v1/learners/{learnerId}/**}, staff of the provider of
 * {@code /api/v1/providers/{providerId}/**}, and an operator for everything else (registering a learner without an
 * id, the unmatched inbox, xAPI statements until partners have their own credentials). {@link #anonymous()} sends
 * none.
 */
public final class Api {

    private static final Pattern LEARNER_PATH = Pattern.compile("^/api/v1/learners/([^/?]+)");
    private static final Pattern PROVIDER_PATH = Pattern.compile("^/api/v1/providers/([^/?]+)");

    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final boolean byPath;
    private final String authorization;

    public Api(int port) {
        this(HttpClient.newHttpClient(), "http://localhost:" + port, true, null);
    }

    private Api(HttpClient http, String base, boolean byPath, String authorization) {
        this.http = http;
        this.base = base;
        this.byPath = byPath;
        this.authorization = authorization;
    }

    /** This client calling as the caller of {@code token} (from {@link TestTokens}). */
    public Api as(String token) {
        return withAuthorization(TestTokens.bearer(token));
    }

    /**
     * This client sending {@code Authorization: <value>} on every request (a Basic partner key, say); a request's own
     * {@code Authorization} header replaces it.
     */
    public Api withAuthorization(String authorization) {
        return new Api(http, base, false, authorization);
    }

    /** This client without an {@code Authorization} header. */
    public Api anonymous() {
        return new Api(http, base, false, null);
    }

    /** What came back. */
    public record Response(int status, HttpResponse<String> raw, JsonNode body) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public Response get(String path) {
        return get(path, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        return send(path, HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public Response post(String path, String body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, String body, Map<String, String> headers) {
        return send(
                path,
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    public Response delete(String path) {
        return send(path, HttpRequest.newBuilder(URI.create(base + path)).DELETE(), Map.of());
    }

    public Response put(String path, String body, Map<String, String> headers) {
        return send(
                path,
                HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    /** The token of the caller a path belongs to (see the class comment). */
    static String ownerToken(String path) {
        Matcher learner = LEARNER_PATH.matcher(path);
        if (learner.find()) {
            return TestTokens.learner(learner.group(1));
        }
        Matcher provider = PROVIDER_PATH.matcher(path);
        if (provider.find()) {
            return TestTokens.staff(provider.group(1));
        }
        return TestTokens.operator();
    }

    private Response send(String path, HttpRequest.Builder request, Map<String, String> headers) {
        if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        String caller = byPath ? TestTokens.bearer(ownerToken(path)) : authorization;
        if (caller != null) {
            request.setHeader("Authorization", caller);
        }
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? null : json.readTree(response.body());
            return new Response(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
