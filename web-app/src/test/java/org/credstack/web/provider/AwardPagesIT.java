package org.credstack.web.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.credstack.web.Accessibility;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;

class AwardPagesIT extends StaffPagesBase {

    static final String BADGE_ID = "b-1";

    static String award(String providerId) {
        return """
                {"id": "http://badges.test/credentials/b-1", "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "issuer": {"id": "http://badges.test/issuers/%s", "type": ["Profile"], "name": "Net Academy"},
                 "validFrom": "2026-11-27T14:40:00Z", "name": "Networking Basics",
                 "credentialSubject": {"type": ["AchievementSubject"], "name": "Ada Lovelace",
                   "achievement": {"id": "http://badges.test/achievements/1", "name": "Networking Basics"}}}""".formatted(providerId);
    }

    @Test
    void findsAnAwardByItsLinkAndShowsItsLiveStatus() throws Exception {
        BADGE.json("/credentials/b-1", award(PROVIDER))
                .json("/credentials/b-1/verification", "{\"status\": \"verified\"}");

        String html = mvc.perform(get("/provider/p-1/awards")
                        .param("award", "http://badges.test/credentials/b-1")
                        .with(staff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("<dd id=\"achievement\">Networking Basics</dd>")
                .contains("<dd id=\"recipient\">Ada Lovelace</dd>")
                .contains("<dd id=\"award-status\">verified</dd>")
                .contains("href=\"/provider/p-1/awards/b-1/revoke\"");
        assertThat(badgeRequests())
                .extracting(StubService.Request::target)
                .containsExactly("/credentials/b-1", "/credentials/b-1/verification");
    }

    @Test
    void doesNotShowAnotherProvidersAward() throws Exception {
        BADGE.json("/credentials/b-9", award(OTHER_PROVIDER).replace("credentials/b-1", "credentials/b-9"));

        String html = mvc.perform(
                        get("/provider/p-1/awards").param("award", "b-9").with(staff()))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("This provider made no award b-9.").doesNotContain("Ada Lovelace");
    }

    @Test
    void namesTheAwardFieldWhenItCannotBeAnAwardsIdAndAsksBadgeServiceNothing() throws Exception {
        String html = mvc.perform(get("/provider/p-1/awards")
                        .param("award", "http://badges.test/credentials/..")
                        .with(staff()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("aria-invalid=\"true\" aria-describedby=\"award-error\"")
                .contains("id=\"award-error\" class=\"error\" role=\"alert\">award is an award&#39;s id or its URL");
        assertThat(badgeRequests()).isEmpty();
    }

    @Test
    void showsWhyARevokedAwardWasRevokedFromBadgeServicesVerificationReport() throws Exception {
        BADGE.json("/credentials/b-1", award(PROVIDER)).json("/credentials/b-1/verification", """
                {"status": "revoked", "checks": {"credentialStatus": {"status": "revoked",
                 "revokedAt": "2026-12-01T10:00:00Z", "reason": "Issued in error"}}}""");

        String html = mvc.perform(
                        get("/provider/p-1/awards").param("award", "b-1").with(staff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("<dd id=\"award-status\">revoked</dd>")
                .contains("<dd id=\"revoked-reason\">Issued in error</dd>")
                .doesNotContain("id=\"revoke\"");
    }

    @Test
    void asksForAReasonBeforeRevokingThenRevokesWithIt() throws Exception {
        BADGE.json("/credentials/b-1", award(PROVIDER))
                .json("/credentials/b-1/verification", "{\"status\": \"verified\"}")
                .answer("POST", "/api/v1/providers/p-1/credentials/b-1/revocation", 200, "application/json", """
                        {"badgeId": "http://badges.test/credentials/b-1", "revokedAt": "2026-12-01T10:00:00Z",
                         "reason": "Issued in error"}""");

        String confirm = mvc.perform(get("/provider/p-1/awards/b-1/revoke").with(staff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Accessibility.assertBasics(confirm);
        assertThat(confirm)
                .contains("You are about to revoke <strong>Networking Basics</strong>")
                .contains("action=\"/provider/p-1/awards/b-1/revocation\"")
                .contains("<textarea id=\"reason\" name=\"reason\"");
        assertThat(badgeRequests()).extracting(StubService.Request::method).containsOnly("GET");

        mvc.perform(post("/provider/p-1/awards/b-1/revocation")
                        .param("reason", "  Issued in error ")
                        .with(staff())
                        .with(csrf()))
                .andExpect(redirectedUrl("/provider/p-1/awards?award=b-1"))
                .andExpect(flash().attribute("done", "Revoked. Reason: Issued in error"));

        StubService.Request revocation = only(badgeRequests(), "POST");
        assertThat(revocation.target()).isEqualTo("/api/v1/providers/p-1/credentials/b-1/revocation");
        assertThat(revocation.authorization()).isEqualTo(BEARER);
        assertThat(json(revocation.body())).isEqualTo(json("{\"reason\": \"Issued in error\"}"));
    }

    @Test
    void namesTheReasonWhenItIsMissingAndRevokesNothing() throws Exception {
        String html = mvc.perform(post("/provider/p-1/awards/b-1/revocation")
                        .param("reason", "   ")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("aria-invalid=\"true\" aria-describedby=\"reason-error\"")
                .contains("id=\"reason-error\" class=\"error\" role=\"alert\">reason: say why the award is revoked");
        assertThat(badgeRequests()).isEmpty();
    }

    @Test
    void showsBadgeServicesRefusalReadably() throws Exception {
        BADGE.answer("POST", "/api/v1/providers/p-1/credentials/b-5/revocation", 404, "application/problem+json", """
                {"status": 404, "detail": "no credential b-5"}""");

        String html = mvc.perform(post("/provider/p-1/awards/b-5/revocation")
                        .param("reason", "Issued in error")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("Not revoked. badge-service has no award b-5 of this provider");
    }

    @Test
    void refusesStaffOfAnotherProvider() throws Exception {
        mvc.perform(post("/provider/p-1/awards/b-1/revocation")
                        .param("reason", "Issued in error")
                        .with(otherStaff())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/provider/p-1/awards").param("award", "b-1").with(otherStaff()))
                .andExpect(status().isForbidden());

        assertThat(badgeRequests()).isEmpty();
    }
}
