package org.credstack.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP with the JDK's client: what the journey needs, nothing more. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * An answer.
     *
     * @param status the HTTP status, or 0 when nothing answered
     * @param body the body as text (empty for none)
     */
    record Response(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** @throws IllegalStateException naming the request unless the status is 2xx */
        Response requireOk(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " answered " + status + ": " + abbreviated(body));
            }
            return this;
        }
    }

    Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** GETs with a bearer token ({@link #bearer}). */
    Response get(URI uri, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        bearer(accessToken).forEach(request::header);
        return send(request);
    }

    /** The {@code Authorization: Bearer} header (RFC 6750, section 2.1) of an access token. */
    static Map<String, String> bearer(String accessToken) {
        return Map.of("Authorization", "Bearer " + accessToken);
    }

    /** {@code headers} plus the bearer header of an access token. */
    static Map<String, String> bearer(String accessToken, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(bearer(accessToken));
        return all;
    }

    /** POSTs {@code body} (a JSON string, or any object written as JSON) with extra headers. */
    Response post(URI uri, Object body, Map<String, String> headers) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text));
        headers.forEach(request::header);
        return send(request);
    }

    /** Status 0 with the reason when the service cannot be reached: callers polling for health keep going. */
    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    static String abbreviated(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
