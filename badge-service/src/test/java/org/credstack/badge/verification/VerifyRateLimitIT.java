package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.credstack.badge.TestClockConfig;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/verify} under a tiny rate limit (2 an hour per client address, set here): the third request
 * gets 429 with {@code Retry-After} and a problem, and is never verified. A context of its own, closed after
 * the class, with its consumers not started, so it takes no events from the service's shared test context.
 */
@Import(TestClockConfig.class)
@TestPropertySource(
        properties = {
            "credstack.rate-limits.limits.verify.permits=2",
            "credstack.rate-limits.limits.verify.period=1h",
            "spring.cloud.stream.bindings.catalog-in-0.consumer.auto-startup=false",
            "spring.cloud.stream.bindings.enrollment-in-0.consumer.auto-startup=false",
            "spring.cloud.stream.bindings.badges-in-0.consumer.auto-startup=false"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class VerifyRateLimitIT extends ServiceIntegrationTest {

    static final String NOT_A_CREDENTIAL = "{\"type\":[\"VerifiableCredential\"]}";

    @MockitoSpyBean
    CredentialVerifier verifier;

    @Autowired
    TestClock clock;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfig.START);
    }

    @Test
    void answersTheThirdVerificationWithinTheHourWith429AndVerifiesNothingUntilAPermitRefills() throws Exception {
        assertThat(post(null).statusCode()).isEqualTo(200);
        assertThat(post(null).statusCode()).isEqualTo(200);
        verify(verifier, times(2)).verify(any(ObjectNode.class));
        clearInvocations(verifier);

        // the same client naming another address for itself: still the socket's address that counts
        HttpResponse<String> refused = post("192.0.2.44");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1800");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:credstack:problem:too-many-requests");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asString())
                .isEqualTo("The rate limit 'verify' allows 2 requests per hour for each client address;"
                        + " try again in 1800 seconds.");
        verify(verifier, times(0)).verify(any(ObjectNode.class));
        assertThat(meters.get("credstack.rate-limit.throttled")
                        .tag("limit", "verify")
                        .counter()
                        .count())
                .isEqualTo(1.0);

        clock.advance(Duration.ofMinutes(30));
        assertThat(post(null).statusCode()).isEqualTo(200);
        verify(verifier, times(1)).verify(any(ObjectNode.class));
    }

    @Test
    void leavesOtherPublicEndpointsAlone() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> issuer = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/issuers/no-such-provider"))
                            .build(),
                    BodyHandlers.ofString());
            assertThat(issuer.statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> post(String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/verify"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(NOT_A_CREDENTIAL));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }
}
