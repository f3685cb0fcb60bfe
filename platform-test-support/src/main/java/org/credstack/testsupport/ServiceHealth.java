package org.credstack.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.credstack.testsupport.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a running service says of its health ({@code GET /actuator/health} on {@code localhost}, as an operator: the
 * components' details are theirs only), reduced to the facts every service's health test pins:
 *
 * <pre>{@code
 * assertThat(ServiceHealth.of(port)).isEqualTo(new ServiceHealth("UP", "UP", 1.0));
 * }</pre>
 *
 * @param status the service's overall {@code status}, e.g. {@code UP}, {@code DOWN}
 * @param mongo the {@code status} of the {@code mongo} component, {@code null} when there is none
 * @param mongoPing the {@code ok} of Mongo's answer to {@code ping} ({@code 1.0} when it answered), {@code 0.0}
 *     when absent or not a number
 */
public record ServiceHealth(String status, String mongo, double mongoPing) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * The health of the service listening on {@code port}, whatever the HTTP status (503 carries a {@code DOWN}
     * document).
     *
     * @throws IllegalStateException if the service does not answer or the body is not JSON
     */
    public static ServiceHealth of(int port) {
        JsonNode health = document(port, TestTokens.bearer(TestTokens.operator()));
        JsonNode mongo = health.at("/components/mongo");
        JsonNode ping = mongo.at("/details/ok");
        return new ServiceHealth(
                health.path("status").asString(null),
                mongo.path("status").asString(null),
                ping.isNumber() ? ping.doubleValue() : 0.0);
    }

    /**
     * The top-level fields of the health document anyone gets without a token: only {@code status} (and {@code
     * groups}) when the service keeps its components' details to operators.
     */
    public static java.util.Set<String> shownToAnyone(int port) {
        return java.util.Set.copyOf(document(port, null).propertyNames());
    }

    private static JsonNode document(int port, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
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
