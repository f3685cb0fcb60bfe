package org.credstack.web.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.web.Fixtures.CREDENTIAL_ID;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.credstack.web.Fixtures;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A page request's trace reaches the services: every call of the typed clients carries the W3C {@code traceparent}
 * of the request that made it (one trace from the browser's click into badge-service), and the app's log lines
 * carry the ids as the services' do.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebTracingIT {

    static final StubService BADGE = StubService.start();
    static final StubService CATALOG = StubService.start();

    /** A trace a caller (a browser's instrumentation, a proxy) started: version 00, trace id, parent id, sampled. */
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    static {
        BADGE.answer("/credentials/" + CREDENTIAL_ID, 200, "application/ld+json", Fixtures.credential(null))
                .json("/credentials/" + CREDENTIAL_ID + "/verification", Fixtures.verification("verified"));
        CATALOG.json("/api/v1/providers/" + Fixtures.PROVIDER_ID, Fixtures.provider("UTC"));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.badge-url", BADGE::url);
        registry.add("credstack.web.catalog-url", CATALOG::url);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Test
    void everyServiceCallOfAPageCarriesTheTraceOfThePageRequest() throws Exception {
        mvc.perform(get("/credentials/" + CREDENTIAL_ID)
                        .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"))
                .andExpect(status().isOk());

        assertThat(BADGE.traceparents())
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(header -> assertThat(header)
                        .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-0[01]")
                        .doesNotContain("00f067aa0ba902b7"));
    }

    @Test
    void startsATraceWhenThePageRequestCarriesNone() throws Exception {
        int before = CATALOG.traceparents().size();

        mvc.perform(get("/credentials/" + CREDENTIAL_ID)).andExpect(status().isOk());

        assertThat(CATALOG.traceparents().subList(before, CATALOG.traceparents().size()))
                .isNotEmpty()
                .allSatisfy(header -> assertThat(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
    }

    @Test
    void logLinesCarryTheTraceAndSpanIdsAsTheServicesDo() {
        assertThat(environment.getProperty("logging.pattern.correlation")).isEqualTo("[%X{traceId:-},%X{spanId:-}] ");
    }
}
