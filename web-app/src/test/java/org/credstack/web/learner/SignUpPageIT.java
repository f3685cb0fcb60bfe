package org.credstack.web.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.credstack.web.Accessibility;
import org.junit.jupiter.api.Test;

/** Signing up at identity-service from the web app's header. */
class SignUpPageIT extends LearnerPagesBase {

    static final String ACCOUNTS = "/api/v1/accounts";

    static {
        IDENTITY.answer(ACCOUNTS, 201, "application/json", """
                        {"id": "0b6f", "email": "ada@example.org", "displayName": "Ada", "roles": ["learner"]}""")
                .answerTo(
                        ACCOUNTS,
                        "{\"email\":\"taken@example.org\",\"password\":\"correct horse battery\",\"displayName\":\"T\"}",
                        409,
                        PROBLEM,
                        "{\"status\": 409, \"detail\": \"taken@example.org has an account\", \"errors\":"
                                + " [{\"field\": \"email\", \"message\": \"an account has this e-mail\"}]}");
    }

    @Test
    void theHeaderOffersSignUpToPeopleWhoAreNotSignedIn() throws Exception {
        assertThat(page(get("/catalog"), 200)).contains("<a href=\"/sign-up\">Sign up</a>");
        assertThat(page(get("/catalog").with(learner("lou")), 200)).doesNotContain("href=\"/sign-up\"");
        String form = page(get("/sign-up"), 200);
        assertThat(form).contains("<form method=\"post\" action=\"/sign-up\"");
        Accessibility.assertBasics(form);
    }

    @Test
    void createsALearnerAccountAtIdentityServiceAndSaysHowToSignIn() throws Exception {
        mvc.perform(post("/sign-up")
                        .param("email", "ada@example.org")
                        .param("displayName", "Ada")
                        .param("password", "correct horse battery")
                        .with(csrf()))
                .andExpect(redirectedUrl("/sign-up"))
                .andExpect(flash().attribute("done", "Your account is ready: sign in with ada@example.org."));

        assertThat(to(IDENTITY, ACCOUNTS))
                .filteredOn(request -> request.body().contains("ada@example.org"))
                .singleElement()
                .satisfies(request -> {
                    assertThat(request.method()).isEqualTo("POST");
                    assertThat(request.authorization()).isNull();
                    assertThat(request.body())
                            .isEqualTo("{\"email\":\"ada@example.org\",\"password\":\"correct horse battery\","
                                    + "\"displayName\":\"Ada\"}");
                });
    }

    @Test
    void namesEachBadFieldWithoutAskingIdentityServiceAndNeverShowsThePasswordAgain() throws Exception {
        String html = page(
                post("/sign-up")
                        .param("email", "not-an-address")
                        .param("displayName", "")
                        .param("password", "short-secret")
                        .with(csrf()),
                400);

        assertThat(html)
                .contains("data-field=\"email\"")
                .contains("data-field=\"displayName\"")
                .doesNotContain("data-field=\"password\"")
                .contains("aria-describedby=\"email-error\"")
                .contains("value=\"not-an-address\"")
                .doesNotContain("short-secret");
        assertThat(IDENTITY.received()).noneMatch(request -> request.body().contains("not-an-address"));
    }

    @Test
    void saysAnEMailWithAnAccountAlreadyHasOne() throws Exception {
        String html = page(
                post("/sign-up")
                        .param("email", "taken@example.org")
                        .param("displayName", "T")
                        .param("password", "correct horse battery")
                        .with(csrf()),
                409);

        assertThat(html)
                .contains("email: an account has this e-mail already; sign in instead")
                .contains("aria-invalid=\"true\"");
    }
}
