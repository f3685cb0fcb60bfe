package org.credstack.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a running service says of its health: {@code GET /actuator/health} on {@code localhost}.
 *
 * <pre>{@code
 * JsonNode health = ServiceHealth.of(port);
 * health.get("status").asString();                          // "UP"
 * health.at("/components/mongo/details/ok").asDouble();     // 1.0, the answer to Mongo's ping
 * }</pre>
 */
public final class ServiceHealth {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ServiceHealth() {}

    /**
     * The health document of the service listening on {@code port}, whatever the HTTP status (503 carries a
     * {@code DOWN} document).
     *
     * @throws IllegalStateException if the service does not answer or the body is not JSON
     */
    public static JsonNode of(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(TIMEOUT)
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return JSON.readTree(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException("no health from port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
