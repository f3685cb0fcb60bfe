package org.credstack.web.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.credstack.web.Accessibility;
import org.credstack.web.SignedInAs;
import org.credstack.web.StubService;
import org.credstack.web.signin.SignInConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * notification-service stopped (its port refuses) and enrollment-service answering 500: the pipeline page still
 * answers 200 with what the others said and names the missing services in each section.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OperatorPageServiceDownIT {

    static final String FAILING = "{\"status\":500}";

    static final StubService CATALOG = OperatorPageIT.answering(StubService.start());
    static final StubService ENROLLMENT = StubService.start()
            .answer("/api/v1/operations/consumer-lag", 500, "application/problem+json", FAILING)
            .answer("/api/v1/dead-letters", 500, "application/problem+json", FAILING)
            .answer("/api/v1/inbox/unmatched", 500, "application/problem+json", FAILING)
            .answer("/actuator/health", 500, "application/problem+json", FAILING);
    static final StubService BADGE = OperatorPageIT.answering(StubService.start())
            .json(
                    "/api/v1/operations/last-hour",
                    "{\"from\":\"2026-12-07T09:01:00Z\",\"to\":\"2026-12-07T10:00:10Z\","
                            + "\"countingSince\":\"2026-12-01T08:00:00Z\","
                            + "\"counts\":{\"org.credstack.badge.BadgeIssued.v1\":3}}");
    static final StubService IDENTITY = OperatorPageIT.answering(StubService.start());

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.catalog-url", CATALOG::url);
        registry.add("credstack.web.enrollment-url", ENROLLMENT::url);
        registry.add("credstack.web.badge-url", BADGE::url);
        registry.add("credstack.web.notification-url", StubService::refusing);
        registry.add("credstack.web.identity-url", IDENTITY::url);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Test
    void rendersWhatTheOtherServicesSaidAndNamesTheMissingOnes() throws Exception {
        String html = mvc.perform(get("/operator")
                        .with(SignedInAs.operator(
                                registrations.findByRegistrationId(SignInConfiguration.REGISTRATION_ID), "operator-1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("<span>enrollment-service, notification-service</span> did not answer, so this section\n"
                        + "    is missing <span>their lag</span>.")
                .contains("is missing <span>their dead letters</span>")
                .contains("<span>enrollment-service</span> did not answer, so this section\n"
                        + "    is missing <span>the inbox</span>.")
                .contains("<span>notification-service</span> did not answer, so this section\n"
                        + "    is missing <span>their counts</span>.")
                .contains("unknown: notification-service did not answer")
                .contains("data-service=\"notification-service\"")
                .contains("<span class=\"not-verified\">UNAVAILABLE</span>")
                .doesNotContain("Exception");
        assertThat(html.substring(html.indexOf("data-count=\"Credentials issued\"")))
                .startsWith("data-count=\"Credentials issued\">\n          <span class=\"count\">3</span>");
        assertThat(html).contains("catalog-service").contains("identity-service");
    }
}
