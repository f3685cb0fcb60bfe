package org.credstack.web.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.credstack.web.Fixtures;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;

/** The recipient's chosen name: set on "My credentials", shown on the public credential page. */
class ShownNameIT extends LearnerPagesBase {

    static final String ID = Fixtures.CREDENTIAL_ID;
    static final String CHOOSE = "/api/v1/learners/lin/credentials/" + ID + "/display-name";

    static {
        BADGE.answer(
                        "/credentials/" + ID,
                        200,
                        "application/ld+json",
                        Fixtures.credential("2029-12-01T02:00:00Z").replace(", \"name\": \"Ada Lovelace\"", ""))
                .json("/credentials/" + ID + "/verification", Fixtures.verification("verified"))
                .json("/credentials/" + ID + "/display-name", "{\"id\": \"" + ID + "\", \"name\": \"Lin Q.\"}")
                .json(CHOOSE, "{\"id\": \"" + ID + "\", \"name\": \"Lin Q.\"}");
        CATALOG.json("/api/v1/providers/" + Fixtures.PROVIDER_ID, Fixtures.provider("UTC"));
    }

    @Test
    void thePublicPageShowsTheNameTheRecipientChoseWhenTheCredentialCarriesNone() throws Exception {
        String html = page(get("/credentials/" + ID), 200);

        assertThat(html).contains("<dd id=\"recipient\">Lin Q. (as the recipient chose to show it)</dd>");
    }

    @Test
    void sendsTheChosenNameOrNoneToBadgeServiceWithTheLearnersToken() throws Exception {
        mvc.perform(post("/my/credentials/display-name")
                        .param("id", ID)
                        .param("name", " Lin Q. ")
                        .with(learner("lin"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/my/credentials"));
        mvc.perform(post("/my/credentials/display-name")
                        .param("id", ID)
                        .param("name", "")
                        .with(learner("lin"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/my/credentials"));

        assertThat(to(BADGE, CHOOSE))
                .extracting(StubService.Request::method, StubService.Request::authorization, StubService.Request::body)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PUT", "Bearer access-token", "{\"name\":\"Lin Q.\"}"),
                        org.assertj.core.groups.Tuple.tuple("PUT", "Bearer access-token", "{\"name\":null}"));
    }

    @Test
    void answersANameTooLongWithA400NamingItWithoutAskingBadgeService() throws Exception {
        String html = page(
                post("/my/credentials/display-name")
                        .param("id", ID)
                        .param("name", "x".repeat(101))
                        .with(learner("mo"))
                        .with(csrf()),
                400);

        assertThat(html).contains("data-field=\"name\"");
        assertThat(BADGE.received()).noneMatch(request -> request.target().contains("/mo/"));
    }
}
