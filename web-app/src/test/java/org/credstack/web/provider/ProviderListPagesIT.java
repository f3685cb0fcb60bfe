package org.credstack.web.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.credstack.web.Accessibility;
import org.credstack.web.PersonTime;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;

/**
 * The provider's enrollments and awards listed (docs/provider-lists.md): the exact list request with the person's
 * token, the rows with the ways to the existing per-enrollment and per-award steps, paging that keeps the filters,
 * bad filters named before any service is asked, refusals in the service's words.
 */
class ProviderListPagesIT extends StaffPagesBase {

    static final String ENROLLMENTS = "/api/v1/providers/p-1/enrollments";
    static final String AWARDS = "/api/v1/providers/p-1/credentials";

    @Test
    void listsThePageOfEnrollmentsAskedForWithTheFiltersAndMarkDoneFormsPerOpenAssignment() throws Exception {
        ENROLLMENT.json(ENROLLMENTS + "?page=1&size=20&credentialId=c-1&status=IN_PROGRESS", """
                {"items": [{"id": "e-1", "learnerId": "learner-7", "credentialId": "c-1", "credentialVersion": 2,
                            "credentialTitle": "Networking Basics", "status": "IN_PROGRESS",
                            "enrolledAt": "2026-12-01T10:00:00Z", "assignments": [
                   {"assignmentId": "lab", "title": "Lab", "done": true, "how": "LEARNER"},
                   {"assignmentId": "practicum", "title": "Practicum", "done": false}]}],
                 "page": {"number": 1, "size": 20, "totalElements": 41, "totalPages": 3}}""");

        String html = mvc.perform(get("/provider/p-1/enrollments")
                        .param("credentialId", "c-1")
                        .param("status", "IN_PROGRESS")
                        .param("page", "1")
                        .with(staff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        StubService.Request listed = only(enrollmentRequests(), "GET");
        assertThat(listed.target()).isEqualTo(ENROLLMENTS + "?page=1&size=20&credentialId=c-1&status=IN_PROGRESS");
        assertThat(listed.authorization()).isEqualTo(BEARER);
        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("<caption>Enrollments, newest first: 41 in all</caption>")
                .contains("<tr id=\"enrollment-e-1\">")
                .contains("<code>learner-7</code>")
                .contains("<a href=\"/provider/credentials/c-1\">Networking Basics</a> <span>(version 2)</span>")
                .contains("<td>1 of 2</td>")
                .contains("<input type=\"hidden\" name=\"enrollmentId\" value=\"e-1\">")
                .contains("<input type=\"hidden\" name=\"assignmentId\" value=\"practicum\">")
                .contains("aria-label=\"Mark Practicum done for learner learner-7\">Practicum</button>")
                .doesNotContain("name=\"assignmentId\" value=\"lab\"")
                .contains(
                        "href=\"/provider/p-1/enrollments?credentialId=c-1&amp;status=IN_PROGRESS&amp;page=0\" rel=\"prev\"")
                .contains(
                        "href=\"/provider/p-1/enrollments?credentialId=c-1&amp;status=IN_PROGRESS&amp;page=2\" rel=\"next\"")
                .contains("<span>Page 2 of 3</span>")
                .contains("<option value=\"IN_PROGRESS\" selected=\"selected\">in progress</option>");
    }

    @Test
    void namesAnUnknownStatusAndAsksEnrollmentServiceNothing() throws Exception {
        String html = mvc.perform(get("/provider/p-1/enrollments")
                        .param("status", "DONE")
                        .param("page", "x")
                        .with(staff()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("aria-invalid=\"true\" aria-describedby=\"status-error\"")
                .contains("<a href=\"#status\">status: in progress, completed or withdrawn</a>")
                .contains("<a href=\"#page\">page: a whole number from 0 to 10000</a>");
        assertThat(enrollmentRequests()).isEmpty();
    }

    @Test
    void saysEnrollmentServicesRefusalOfTheList() throws Exception {
        ENROLLMENT.answer(ENROLLMENTS, 403, "application/problem+json", """
                {"type": "urn:credstack:problem:forbidden", "status": 403,
                 "detail": "only staff of this provider or an operator may act on this provider's data"}""");

        String html = mvc.perform(get("/provider/p-1/enrollments").with(staff()))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("enrollment-service refused: only staff of this provider or an operator may act on this"
                        + " provider&#39;s data")
                .contains("<input id=\"enrollmentId\" name=\"enrollmentId\"");
    }

    @Test
    void listsTheAwardsWithValidityInTheProvidersZoneAndLinksToEachAwardAndItsRevocation() throws Exception {
        BADGE.json(AWARDS + "?page=0&size=20", """
                {"items": [
                   {"id": "b-2", "publicUrl": "http://badges.test/credentials/b-2", "credentialId": "c-1",
                    "achievementName": "Networking Basics", "learnerId": "learner-7",
                    "issuedAt": "2026-11-30T09:00:00Z", "validFrom": "2026-11-30T09:00:00Z",
                    "validUntil": "2099-12-31T20:00:00Z", "revoked": false},
                   {"id": "b-1", "publicUrl": "http://badges.test/credentials/b-1", "credentialId": "c-1",
                    "achievementName": "Networking Basics", "learnerId": "learner-8",
                    "issuedAt": "2026-11-01T09:00:00Z", "validFrom": "2026-11-01T09:00:00Z", "validUntil": null,
                    "revoked": true, "revokedAt": "2026-11-02T09:00:00Z", "revocationReason": "Issued in error"}],
                 "page": {"number": 0, "size": 20, "totalElements": 2, "totalPages": 1}}""");
        CATALOG.json("/api/v1/providers/p-1", """
                {"id": "p-1", "name": "Example Academy", "timeZone": "Pacific/Auckland"}""");

        String html = mvc.perform(get("/provider/p-1/awards").with(staff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        StubService.Request listed = only(badgeRequests(), "GET");
        assertThat(listed.target()).isEqualTo(AWARDS + "?page=0&size=20");
        assertThat(listed.authorization()).isEqualTo(BEARER);
        assertThat(only(catalogRequests(), "GET").authorization()).isEqualTo(BEARER);
        String validUntil = new PersonTime(ZoneId.of("UTC"), Locale.ENGLISH)
                .date(Instant.parse("2099-12-31T20:00:00Z"), ZoneId.of("Pacific/Auckland"));
        assertThat(validUntil).contains("2100");
        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("<caption>Awards, newest first: 2 in all</caption>")
                .contains("<a href=\"/provider/p-1/awards?award=b-2\">Networking Basics</a>")
                .contains("<td>" + validUntil + "</td>")
                .contains("Valid until is in the provider&#39;s time zone, Pacific/Auckland.")
                .contains("<td>in force</td>")
                .contains("href=\"/provider/p-1/awards/b-2/revoke\"")
                .contains("<td>revoked: Issued in error</td>")
                .contains("<td>never expires</td>")
                .doesNotContain("href=\"/provider/p-1/awards/b-1/revoke\"")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void filtersAwardsByCredentialAndRevocationAndPagesKeepingThem() throws Exception {
        BADGE.json(AWARDS + "?page=0&size=20&credentialId=c-1&revoked=false", """
                {"items": [], "page": {"number": 0, "size": 20, "totalElements": 21, "totalPages": 2}}""");

        String html = mvc.perform(get("/provider/p-1/awards")
                        .param("credentialId", "c-1")
                        .param("revoked", "false")
                        .with(staff()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(only(badgeRequests(), "GET").target())
                .isEqualTo(AWARDS + "?page=0&size=20&credentialId=c-1&revoked=false");
        assertThat(html)
                .contains("href=\"/provider/p-1/awards?credentialId=c-1&amp;revoked=false&amp;page=1\" rel=\"next\"")
                .contains("<option value=\"false\" selected=\"selected\">not revoked</option>");
    }

    @Test
    void namesAnAwardFilterThatCannotBeUsedAndAsksNoService() throws Exception {
        String html = mvc.perform(get("/provider/p-1/awards")
                        .param("revoked", "maybe")
                        .param("credentialId", "../x")
                        .with(staff()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("aria-invalid=\"true\" aria-describedby=\"revoked-error\"")
                .contains("aria-invalid=\"true\" aria-describedby=\"credentialId-error\"");
        assertThat(badgeRequests()).isEmpty();
        assertThat(catalogRequests()).isEmpty();
    }

    @Test
    void refusesStaffOfAnotherProviderBeforeAskingAnyService() throws Exception {
        mvc.perform(get("/provider/p-1/enrollments").with(otherStaff())).andExpect(status().isForbidden());
        mvc.perform(get("/provider/p-1/awards").with(otherStaff())).andExpect(status().isForbidden());

        assertThat(enrollmentRequests()).isEmpty();
        assertThat(badgeRequests()).isEmpty();
    }
}
