package org.credstack.web.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.credstack.web.Accessibility;
import org.credstack.web.SignedInAs;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;

class ProviderHomeIT extends StaffPagesBase {

    @Test
    void listsTheStaffMembersProviderWithItsCredentialsByStatus() throws Exception {
        CATALOG.json("/api/v1/providers/p-1", "{\"id\": \"p-1\", \"name\": \"Net Academy\", \"timeZone\": \"UTC\"}")
                .json(
                        "/api/v1/credentials",
                        "{\"items\": [" + credentialView("c-d", "DRAFT", PROVIDER, "Draft Networking") + ","
                                + credentialView("c-p", "PUBLISHED", PROVIDER, "Published Networking") + ","
                                + credentialView("c-r", "RETIRED", PROVIDER, "Retired Networking")
                                + "], \"page\": {\"number\": 0, \"size\": 100, \"totalElements\": 3}}");

        String html = mvc.perform(get("/provider").with(staff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("<h2 id=\"provider-p-1-name\">Net Academy</h2>")
                .contains("Drafts (1)", "Published (1)", "Retired (1)")
                .contains("<ul class=\"credentials draft\">")
                .contains("href=\"/provider/credentials/c-d\">Draft Networking</a>")
                .contains("href=\"/provider/p-1/credentials/new\"", "href=\"/provider/p-1/imports\"")
                .contains("href=\"/provider/p-1/awards\"", "href=\"/provider/p-1/partner-keys\"");
        assertThat(html.indexOf("Draft Networking")).isLessThan(html.indexOf("Published (1)"));
        assertThat(html.indexOf("Retired Networking")).isGreaterThan(html.indexOf("Retired (1)"));
        List<StubService.Request> searches = catalogRequests().stream()
                .filter(r -> r.target().startsWith("/api/v1/credentials"))
                .toList();
        assertThat(searches)
                .extracting(StubService.Request::target)
                .containsExactly(
                        "/api/v1/credentials?providerId=p-1&status=DRAFT&sort=title&size=100",
                        "/api/v1/credentials?providerId=p-1&status=PUBLISHED&sort=title&size=100",
                        "/api/v1/credentials?providerId=p-1&status=RETIRED&sort=title&size=100");
        assertThat(searches).extracting(StubService.Request::authorization).containsOnly(BEARER);
    }

    @Test
    void sendsAPersonWhoIsNotSignedInToSignIn() throws Exception {
        mvc.perform(get("/provider"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/credstack"));
        mvc.perform(get("/provider/p-1/partner-keys")).andExpect(status().is3xxRedirection());
        assertThat(catalogRequests()).isEmpty();
        assertThat(enrollmentRequests()).isEmpty();
    }

    @Test
    void refusesALearner() throws Exception {
        mvc.perform(get("/provider").with(learner())).andExpect(status().isForbidden());
        mvc.perform(get("/provider/p-1/imports").with(learner())).andExpect(status().isForbidden());
        assertThat(catalogRequests()).isEmpty();
    }

    @Test
    void saysSoWhenTheAccountHasNoProvider() throws Exception {
        String html = mvc.perform(get("/provider")
                        .with(SignedInAs.person(
                                registrations.findByRegistrationId("credstack"),
                                "staff-0",
                                List.of("provider_staff"),
                                List.of())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("id=\"no-providers\"");
    }
}
