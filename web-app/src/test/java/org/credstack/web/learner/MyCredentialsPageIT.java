package org.credstack.web.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.credstack.web.Accessibility;
import org.credstack.web.PersonTime;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;

/** "My credentials": standing, public page link, stack progress and the renewal button (now is 2027-01-10 09:00Z). */
class MyCredentialsPageIT extends LearnerPagesBase {

    static final String BASE = "https://badges.test/credentials/";

    static String held(String id, String validUntil, String renewalOf) {
        return """
                {"id": "%s", "publicUrl": "%s%s", "enrollmentId": "e-%s", "credentialId": "c-renew",
                 "achievementName": "Cert %s", "validFrom": "2025-01-01T00:00:00Z", "validUntil": %s,
                 "issuedAt": "2025-01-01T00:00:00Z", "renewalOf": %s}""".formatted(
                        id,
                        BASE,
                        id,
                        id,
                        id,
                        validUntil == null ? "null" : "\"" + validUntil + "\"",
                        renewalOf == null ? "null" : "\"" + BASE + renewalOf + "\"");
    }

    static {
        BADGE.json(
                        "/api/v1/learners/hopper/credentials",
                        "["
                                + String.join(
                                        ",",
                                        held("b-active", "2028-06-01T00:00:00Z", null),
                                        held("b-soon", "2027-02-01T00:00:00Z", null),
                                        held("b-expired", "2026-12-01T00:00:00Z", null),
                                        held("b-revoked", "2028-06-01T00:00:00Z", null),
                                        held("b-old", "2027-01-20T00:00:00Z", null),
                                        held("b-new", "2030-01-20T00:00:00Z", "b-old"),
                                        held("b-forever", null, null))
                                + "]")
                .json("/api/v1/learners/hopper/stacks", """
                        [{"stackCredentialId": "s-1", "title": "Safety Pathway", "complete": false,
                          "awardedBadgeId": null,
                          "components": [{"credentialId": "c-renew", "title": "Cert", "done": true},
                                         {"credentialId": "c-9", "title": "Ladders", "done": false}],
                          "openRules": [], "left": "Ladders missing"}]""");
        for (String id : new String[] {"b-active", "b-soon", "b-expired", "b-old", "b-new", "b-forever"}) {
            BADGE.json("/credentials/" + id + "/verification", "{\"status\": \"verified\"}");
        }
        BADGE.json("/credentials/b-revoked/verification", "{\"status\": \"revoked\"}")
                .json("/credentials/b-soon/display-name", "{\"id\": \"b-soon\", \"name\": \"Grace H.\"}");
        CATALOG.json("/api/v1/credentials/c-renew", """
                {"id": "c-renew", "status": "PUBLISHED", "version": 1, "content": {"title": "Cert",
                 "renewalPolicy": {"renewalWindow": "P90D", "description": "Refresher."}}}""");
        ENROLLMENT
                .json("/api/v1/learners/hopper/enrollments", "[]")
                .answer("/api/v1/learners/hopper/renewals", 201, "application/json", """
                        {"id": "e-r", "credentialTitle": "Cert", "kind": "RENEWAL", "status": "IN_PROGRESS"}""")
                .answer(
                        "/api/v1/learners/turing/renewals",
                        409,
                        PROBLEM,
                        problem(409, "badgeId: the renewal window is 2027-03-03 to 2027-06-01"));
        BADGE.json("/api/v1/learners/turing/credentials", "[]").json("/api/v1/learners/turing/stacks", "[]");
        ENROLLMENT.json("/api/v1/learners/turing/enrollments", "[]");
    }

    @Test
    void showsEachCredentialsStandingItsPublicPageAndTheRenewalButtonOnlyWhileTheWindowIsOpen() throws Exception {
        String html = page(get("/my/credentials").with(learner("hopper")), 200);

        assertThat(html)
                .contains("data-credential=\"b-active\" data-standing=\"ACTIVE\"")
                .contains("data-credential=\"b-soon\" data-standing=\"EXPIRING_SOON\"")
                .contains("data-credential=\"b-expired\" data-standing=\"EXPIRED\"")
                .contains("data-credential=\"b-revoked\" data-standing=\"REVOKED\"")
                .contains("data-credential=\"b-old\" data-standing=\"RENEWED\"")
                .contains("data-credential=\"b-forever\" data-standing=\"ACTIVE\"")
                .contains("<a href=\"/credentials/b-soon\">Public page</a>")
                .contains("<input type=\"hidden\" name=\"badgeId\" value=\"" + BASE + "b-soon\">")
                .contains("Renewal opens <span>" + PersonTime.UTC.date(Instant.parse("2028-03-03T00:00:00Z")))
                .contains("The renewal window has closed.")
                .contains("Left: <span>Ladders missing</span>")
                .containsPattern("<input id=\"name-b-soon\" name=\"name\"[^>]*value=\"Grace H.\">")
                .containsPattern("<input id=\"name-b-active\" name=\"name\"[^>]*value=\"\">");
        assertThat(html.split("name=\"badgeId\"")).as("one renewal button").hasSize(2);
        assertThat(to(BADGE, "/api/v1/learners/hopper/credentials"))
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer access-token"));
        assertThat(to(BADGE, "/api/v1/learners/hopper/stacks"))
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer access-token"));
        Accessibility.assertBasics(html);
    }

    @Test
    void startsARenewalWithTheLearnersTokenAndShowsItInMyLearning() throws Exception {
        mvc.perform(post("/my/credentials/renewal")
                        .param("badgeId", BASE + "b-soon")
                        .with(learner("hopper"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/my/learning"))
                .andExpect(flash().attribute("done", "Renewal of Cert started: what it takes is below."));

        assertThat(to(ENROLLMENT, "/api/v1/learners/hopper/renewals"))
                .singleElement()
                .extracting(StubService.Request::method, StubService.Request::authorization, StubService.Request::body)
                .containsExactly("POST", "Bearer access-token", "{\"badgeId\":\"" + BASE + "b-soon\"}");
    }

    @Test
    void saysWhyARenewalWasRefused() throws Exception {
        String html = page(
                post("/my/credentials/renewal")
                        .param("badgeId", BASE + "b-x")
                        .with(learner("turing"))
                        .with(csrf()),
                409);

        assertThat(html)
                .contains("The renewal was not started: badgeId: the renewal window is 2027-03-03 to 2027-06-01");
    }

    @Test
    void answersARenewalWithoutACredentialWithA400NamingBadgeId() throws Exception {
        String missing =
                page(post("/my/credentials/renewal").with(learner("ursula")).with(csrf()), 400);
        String bad = page(
                post("/my/credentials/renewal")
                        .param("badgeId", "not a url")
                        .with(learner("ursula"))
                        .with(csrf()),
                400);

        assertThat(missing).contains("data-field=\"badgeId\"");
        assertThat(bad).contains("data-field=\"badgeId\"");
        assertThat(ENROLLMENT.received()).noneMatch(request -> request.target().contains("/ursula/"));
    }

    @Test
    void refusesOtherRoles() throws Exception {
        mvc.perform(get("/my/credentials").with(staff())).andExpect(status().isForbidden());
        mvc.perform(get("/my/credentials").with(operator())).andExpect(status().isForbidden());
    }
}
