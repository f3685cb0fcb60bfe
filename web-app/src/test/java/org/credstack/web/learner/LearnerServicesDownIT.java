package org.credstack.web.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import org.credstack.web.SignedInAs;
import org.credstack.web.StubService;
import org.credstack.web.learner.EnrollOutcome.Result;
import org.credstack.web.signin.SignInConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * enrollment-, badge- and notification-service stopped (their ports refuse), catalog-service up: every learner page
 * still answers 200 and says what is missing; a change says nothing was done.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LearnerServicesDownIT {

    static final StubService CATALOG = StubService.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.enrollment-url", StubService::refusing);
        registry.add("credstack.web.badge-url", StubService::refusing);
        registry.add("credstack.web.notification-url", StubService::refusing);
        registry.add("credstack.web.catalog-url", CATALOG::url);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    RequestPostProcessor learner() {
        return SignedInAs.learner(registrations.findByRegistrationId(SignInConfiguration.REGISTRATION_ID), "kim");
    }

    String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request.with(learner()).locale(Locale.ENGLISH))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void myLearningSaysEnrollmentServiceIsUnavailable() throws Exception {
        assertThat(page(get("/my/learning"), 200))
                .contains("Your enrollments cannot be shown right now: enrollment-service is unavailable.")
                .doesNotContain("not enrolled in anything");
    }

    @Test
    void myCredentialsSaysBadgeServiceIsUnavailable() throws Exception {
        assertThat(page(get("/my/credentials"), 200))
                .contains("Your credentials cannot be shown right now: badge-service is unavailable.")
                .contains("Your progress toward stacks cannot be shown right now");
    }

    @Test
    void notificationsSayNotificationServiceIsUnavailable() throws Exception {
        assertThat(page(get("/my/notifications"), 200))
                .contains("Your notifications cannot be shown right now: notification-service is unavailable.")
                .contains("Your preferences cannot be shown right now");
    }

    @Test
    void anEnrollRequestReportsEachCredentialAsNotDone() throws Exception {
        MvcResult posted = mvc.perform(post("/my/enrollments")
                        .param("credentialId", "c-1", "c-2")
                        .with(learner())
                        .with(csrf()))
                .andExpect(redirectedUrl("/my/learning"))
                .andReturn();

        @SuppressWarnings("unchecked")
        List<EnrollOutcome> outcomes =
                (List<EnrollOutcome>) posted.getFlashMap().get("enrolled");
        assertThat(outcomes).extracting(EnrollOutcome::result).containsExactly(Result.NOT_DONE, Result.NOT_DONE);
        assertThat(outcomes.getFirst().reason()).startsWith("enrollment-service is unavailable right now");
    }

    @Test
    void markingDoneSaysNothingWasChanged() throws Exception {
        assertThat(page(post("/my/learning/e-1/assignments/a1/done").with(csrf()), 503))
                .contains("The assignment was not marked done: the service is unavailable right now; nothing was"
                        + " changed");
    }
}
