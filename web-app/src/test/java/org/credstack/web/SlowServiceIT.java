package org.credstack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A service that answers, but too late: the page does not wait for it past its timeout. */
@SpringBootTest
@AutoConfigureMockMvc
class SlowServiceIT {

    static final StubService BADGE = StubService.start()
            .slow("/credentials/" + Fixtures.CREDENTIAL_ID, Duration.ofSeconds(5), Fixtures.credential(null));

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.badge-url", BADGE::url);
        registry.add("credstack.web.catalog-url", StubService::refusing);
        registry.add("credstack.web.read-timeout", () -> "300ms");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void givesUpOnASlowServiceAfterItsTimeoutAndSaysItIsUnavailable() throws Exception {
        long started = System.nanoTime();

        String html = mvc.perform(get("/credentials/" + Fixtures.CREDENTIAL_ID))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(html).contains("<span>badge-service</span> is unavailable");
    }
}
