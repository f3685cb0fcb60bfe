package org.credstack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * badge-service stopped (its port refuses connections) and catalog-service answering 500 to searches: every page
 * still answers 200 with what it can and a notice naming what is missing, never a 500 or a stack trace.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ServiceUnavailableIT {

    static final StubService CATALOG = StubService.start()
            .answer("/api/v1/credentials", 500, "application/problem+json", "{\"status\": 500}")
            .answer("/api/v1/credentials/c-1", 500, "application/problem+json", "{\"status\": 500}");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.badge-url", StubService::refusing);
        registry.add("credstack.web.catalog-url", CATALOG::url);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    private String body(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void rendersTheCredentialPageWithANoticeWhenBadgeServiceIsDown() throws Exception {
        String html = body("/credentials/" + Fixtures.CREDENTIAL_ID);

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("This credential cannot be shown right now: <span>badge-service</span> is unavailable.")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
    }

    @Test
    void rendersTheCatalogCredentialPageWithANoticeWhenCatalogServiceFails() throws Exception {
        String html = body("/catalog/c-1");

        assertThat(html).contains("catalog-service is unavailable").doesNotContain("Exception");
    }

    @Test
    void opensTheBreakerAndStopsCallingAFailingCatalogUntilItsWaitIsOver() throws Exception {
        long before = searches();
        for (int i = 0; i < 6; i++) {
            String html = mvc.perform(get("/catalog").header("HX-Request", "true"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html).contains("The catalog is unavailable right now");
        }

        CircuitBreaker catalog = breakers.getCircuitBreakerRegistry().circuitBreaker(ServiceCalls.CATALOG);
        assertThat(catalog.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(searches() - before).isLessThan(6);
    }

    private long searches() {
        return CATALOG.requests().stream()
                .filter(r -> r.startsWith("/api/v1/credentials?"))
                .count();
    }
}
