package org.credstack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import tools.jackson.databind.json.JsonMapper;

class ServiceCallsTest {

    final ServiceCalls calls = new ServiceCalls(
            new Resilience4JCircuitBreakerFactory(
                    CircuitBreakerRegistry.ofDefaults(),
                    TimeLimiterRegistry.ofDefaults(),
                    (Resilience4jBulkheadProvider) null),
            JsonMapper.builder().build());

    @Test
    void namesEveryFieldOfARejection() {
        Fetched<String> answer = calls.call("catalog", () -> {
            throw answer(HttpStatus.BAD_REQUEST, """
                    {"type":"urn:credstack:problem:invalid-request","status":400,"errors":[
                      {"field":"title","message":"must not be blank"},{"pointer":"/cost/amount","message":"must be 0 or more"}]}""");
        });

        assertThat(answer.state()).isEqualTo(Fetched.State.REJECTED);
        assertThat(answer.detail()).isEqualTo("title: must not be blank");
        assertThat(answer.errors())
                .containsExactly(
                        Map.entry("title", "must not be blank"), Map.entry("/cost/amount", "must be 0 or more"));
    }

    @Test
    void givesOnlyTheMessageOfARejectionOfTheWholeBody() {
        Fetched<String> answer = calls.call("badge", () -> {
            throw answer(HttpStatus.BAD_REQUEST, """
                    {"type":"urn:credstack:problem:not-a-credential","status":400,"detail":"the body is not a compact JWS",
                     "errors":[{"pointer":"","message":"the body is not a compact JWS"}]}""");
        });

        assertThat(answer.state()).isEqualTo(Fetched.State.REJECTED);
        assertThat(answer.detail()).isEqualTo("the body is not a compact JWS");
    }

    @Test
    void tellsARefusalAndAConflictFromAnUnavailableService() {
        Fetched<String> forbidden = calls.call("catalog", () -> {
            throw answer(HttpStatus.FORBIDDEN, "{\"status\":403,\"detail\":\"not staff of p-2\"}");
        });
        Fetched<String> conflict = calls.call("catalog", () -> {
            throw answer(HttpStatus.CONFLICT, "{\"status\":409,\"detail\":\"already published\"}");
        });
        Fetched<String> broken = calls.call("catalog", () -> {
            throw HttpServerErrorException.create(
                    HttpStatus.INTERNAL_SERVER_ERROR, "boom", HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8);
        });

        assertThat(forbidden.state()).isEqualTo(Fetched.State.FORBIDDEN);
        assertThat(forbidden.detail()).isEqualTo("not staff of p-2");
        assertThat(conflict.state()).isEqualTo(Fetched.State.CONFLICT);
        assertThat(conflict.detail()).isEqualTo("already published");
        assertThat(broken.state()).isEqualTo(Fetched.State.UNAVAILABLE);
    }

    private static HttpClientErrorException answer(HttpStatus status, String problem) {
        return HttpClientErrorException.create(
                status,
                status.getReasonPhrase(),
                HttpHeaders.EMPTY,
                problem.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
    }
}
