package org.credstack.web.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.credstack.web.Accessibility;
import org.credstack.web.SignedInAs;
import org.credstack.web.StubService;
import org.credstack.web.signin.SignInConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * catalog-service, enrollment-service and badge-service stopped (their ports refuse): the staff pages render what
 * they can, say what is missing, keep what was typed, and never show a stack trace.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffPagesWithServicesDownIT {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.catalog-url", StubService::refusing);
        registry.add("credstack.web.enrollment-url", StubService::refusing);
        registry.add("credstack.web.badge-url", StubService::refusing);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    private OidcLoginRequestPostProcessor staff() {
        return SignedInAs.staff(
                registrations.findByRegistrationId(SignInConfiguration.REGISTRATION_ID), "staff-1", "p-1");
    }

    private String page(AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
        String html = mvc.perform(request.with(staff()))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).doesNotContain("Exception").doesNotContain("at org.");
        return html;
    }

    @Test
    void listsTheProvidersAndSaysTheirCredentialsCannotBeShown() throws Exception {
        String html = page(get("/provider"), 200);

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("<h2 id=\"provider-p-1-name\">p-1</h2>")
                .contains("href=\"/provider/p-1/partner-keys\"")
                .contains("The credentials cannot be shown right now: catalog-service did not answer");
    }

    @Test
    void keepsWhatWasTypedInTheDraftFormAndSaysNothingWasSaved() throws Exception {
        String html = page(
                post("/provider/p-1/credentials")
                        .param("title", "Networking Basics")
                        .param("description", "Cables.")
                        .with(csrf()),
                503);

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("Nothing was saved: catalog-service did not answer.")
                .contains("<input id=\"title\" name=\"title\" value=\"Networking Basics\"");
    }

    @Test
    void saysTheImportDidNotHappen() throws Exception {
        String html = page(
                multipart("/provider/p-1/imports")
                        .file(new MockMultipartFile(
                                "file", "a.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()),
                503);

        assertThat(html).contains("Nothing was imported: catalog-service did not answer; try again in a minute.");
    }

    @Test
    void showsThePartnerKeyFormAndSaysTheKeysCannotBeListed() throws Exception {
        String list = page(get("/provider/p-1/partner-keys"), 200);
        String make =
                page(post("/provider/p-1/partner-keys").param("label", "Moodle").with(csrf()), 503);

        Accessibility.assertBasics(list);
        assertThat(list)
                .contains("The partner keys cannot be shown right now: enrollment-service did not answer")
                .contains("<input id=\"label\" name=\"label\"");
        assertThat(make).contains("Nothing made. enrollment-service did not answer; try again in a minute.");
    }

    @Test
    void saysTheListsCannotBeShownAndKeepsTheWaysByIdAndFilters() throws Exception {
        String enrollments = page(get("/provider/p-1/enrollments"), 200);
        String awards = page(get("/provider/p-1/awards"), 200);

        Accessibility.assertBasics(enrollments);
        Accessibility.assertBasics(awards);
        assertThat(enrollments)
                .contains(
                        "The list of this provider&#39;s enrollments cannot be shown right now: enrollment-service did"
                                + " not answer")
                .contains("<input id=\"enrollmentId\" name=\"enrollmentId\"");
        assertThat(awards)
                .contains("The list of this provider&#39;s awards cannot be shown right now: badge-service did not"
                        + " answer")
                .contains("<input id=\"award\" name=\"award\"");
    }

    @Test
    void saysTheAwardCannotBeShownOrRevokedRightNow() throws Exception {
        String found = page(get("/provider/p-1/awards").param("award", "b-1"), 503);
        String revoked = page(
                post("/provider/p-1/awards/b-1/revocation")
                        .param("reason", "Issued in error")
                        .with(csrf()),
                503);

        assertThat(found).contains("award b-1 cannot be shown right now: badge-service did not answer");
        assertThat(revoked)
                .contains("Not revoked: badge-service did not answer; try again in a minute.")
                .contains(">Issued in error</textarea>");
    }
}
