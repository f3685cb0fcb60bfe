package org.credstack.testsupport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The actuator rows of a service's authorization matrix, which its OpenAPI document does not list (docs/metrics.md,
 * "Scraping"): {@code GET /actuator/prometheus} answers anyone, without a token, with the Prometheus text format and
 * the {@code application} tag; {@code GET /actuator/metrics} stays with operators (401 without a token, 403 for a
 * learner).
 */
public final class ActuatorAccess {

    private ActuatorAccess() {}

    /**
     * Checks the rows against a running service.
     *
     * @param baseUrl {@code http://localhost:<port>}
     * @param application its {@code spring.application.name}, expected as the {@code application} tag
     */
    public static void verify(String baseUrl, String application) {
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpResponse<String> scrape = get(http, baseUrl + "/actuator/prometheus", null);
            assertThat(scrape.statusCode())
                    .as("GET /actuator/prometheus without a token")
                    .isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(scrape.body()).contains("application=\"" + application + "\"");
            assertThat(get(http, baseUrl + "/actuator/metrics", null).statusCode())
                    .as("GET /actuator/metrics without a token")
                    .isEqualTo(401);
            assertThat(get(http, baseUrl + "/actuator/metrics", TestTokens.learner("actuator-learner"))
                            .statusCode())
                    .as("GET /actuator/metrics as a learner")
                    .isEqualTo(403);
            assertThat(get(http, baseUrl + "/actuator/metrics", TestTokens.operator())
                            .statusCode())
                    .as("GET /actuator/metrics as an operator")
                    .isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
