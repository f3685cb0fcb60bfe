package org.credstack.runtime.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The limits platform-runtime ships, as every service binds them. */
class RateLimitDefaultsTest {

    final TestClock clock = new TestClock(Instant.parse("2025-03-01T09:00:00Z"));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void shipsLimitsForThePublicAndPartnerEndpoints() {
        RateLimitProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.limits())
                .containsOnlyKeys("verify", "public-reads", "catalog", "email-links", "partner", "partner-address");
        RateLimitProperties.Limit verify = properties.limits().get("verify");
        assertThat(verify.paths()).containsExactly("/api/v1/verify");
        assertThat(verify.methods()).containsExactly("POST");
        assertThat(verify.key()).isEqualTo(RateLimitKey.CLIENT_ADDRESS);
        assertThat(verify.permits()).isEqualTo(600);
        assertThat(verify.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.limits().get("partner").key()).isEqualTo(RateLimitKey.CALLER);
        assertThat(properties.limits().get("partner").paths()).contains("/xapi/**", "/api/v1/partners/**");
    }

    @Test
    void aServiceOverridesOneFieldOfALimitAndKeepsTheRest() {
        RateLimitProperties properties = bind(Map.of(
                "credstack.rate-limits.limits.verify.permits", "2",
                "credstack.rate-limits.limits.email-links.permits", "0"));

        assertThat(properties.limits().get("verify").permits()).isEqualTo(2);
        assertThat(properties.limits().get("verify").paths()).containsExactly("/api/v1/verify");
        assertThat(properties.limits().get("verify").methods()).containsExactly("POST");
        assertThat(new RateLimitFilter(properties, clock, meters).limitNames())
                .doesNotContain("email-links")
                .contains("verify", "partner");
    }

    @Test
    void doesNotThrottleTheLoadHarnessFromOneAddress() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(bind(Map.of()), clock, meters);

        int throttled = 0;
        // CompletionsSimulation: 100 single statements/s for its default 5 minutes, no credentials yet
        for (int i = 0; i < 30_000; i++) {
            throttled += passes(filter, "POST", "/xapi/statements") ? 0 : 1;
            clock.advance(Duration.ofMillis(10));
        }
        // BatchIngestionSimulation: 2,000 statements/s as 20 batches of 100 a second, here all at once
        for (int i = 0; i < 30; i++) {
            throttled += passes(filter, "POST", "/xapi/statements") ? 0 : 1;
        }

        assertThat(throttled).isZero();
    }

    @Test
    void doesNotThrottleAVerifierCheckingABatchOfCredentials() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(bind(Map.of()), clock, meters);

        for (int i = 0; i < 500; i++) {
            assertThat(passes(filter, "GET", "/credentials/c-" + i)).isTrue();
            assertThat(passes(filter, "GET", "/status-lists/p-1/1")).isTrue();
            assertThat(passes(filter, "POST", "/api/v1/verify")).isTrue();
        }
    }

    static RateLimitProperties bind(Map<String, Object> overrides) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", overrides));
        new RateLimitDefaults().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bindOrCreate("credstack.rate-limits", RateLimitProperties.class);
    }

    static boolean passes(RateLimitFilter filter, String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("127.0.0.1");
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return chain.getRequest() != null;
    }
}
