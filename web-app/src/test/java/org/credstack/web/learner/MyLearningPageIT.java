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

/** "My learning": progress per enrollment, marking self-paced assignments done, renewals by attestation. */
class MyLearningPageIT extends LearnerPagesBase {

    static final String ENROLLMENTS = """
            [{"id": "e-1", "learnerId": "grace", "credentialId": "c-1", "credentialVersion": 1,
              "credentialTitle": "Networking Basics", "kind": "INITIAL", "renewalOf": null, "status": "IN_PROGRESS",
              "enrolledAt": "2027-01-02T08:00:00Z", "completedAt": null, "withdrawnAt": null,
              "completionRule": {"type": "AT_LEAST", "minimum": 3},
              "assignments": [
                {"assignmentId": "a1", "title": "Lab: build a LAN", "activityId": "https://lms.example/a1",
                 "moveOn": "Completed", "done": true, "how": "PARTNER", "when": "2027-01-05T10:00:00Z",
                 "statementId": "8f1c2a4e-0000-4000-8000-000000000001", "source": "XAPI"},
                {"assignmentId": "a2", "title": "Reading", "activityId": null, "moveOn": "NotApplicable",
                 "done": true, "how": "LEARNER", "when": "2027-01-06T11:30:00Z", "statementId": null},
                {"assignmentId": "a3", "title": "Reflection", "activityId": null, "moveOn": "NotApplicable",
                 "done": false, "how": null, "when": null, "statementId": null},
                {"assignmentId": "a4", "title": "Final quiz", "activityId": "https://lms.example/a4",
                 "moveOn": "Passed", "done": false, "how": null, "when": null, "statementId": null}]},
             {"id": "e-2", "learnerId": "grace", "credentialId": "c-2", "credentialVersion": 3,
              "credentialTitle": "First Aid", "kind": "RENEWAL", "renewalOf": "https://badges.test/credentials/b-9",
              "status": "IN_PROGRESS", "enrolledAt": "2027-01-08T08:00:00Z", "completedAt": null,
              "withdrawnAt": null, "completionRule": {"type": "ALL", "minimum": null}, "assignments": []},
             {"id": "e-3", "learnerId": "grace", "credentialId": "c-3", "credentialVersion": 1,
              "credentialTitle": "Safety", "kind": "INITIAL", "status": "COMPLETED",
              "enrolledAt": "2026-11-01T08:00:00Z", "completedAt": "2026-12-01T16:00:00Z",
              "completionRule": {"type": "ALL"},
              "assignments": [{"assignmentId": "s1", "title": "Checklist", "activityId": null,
                               "moveOn": "NotApplicable", "done": true, "how": "PROVIDER",
                               "when": "2026-12-01T16:00:00Z"},
                              {"assignmentId": "s2", "title": "Drill", "activityId": "https://lms.example/s2",
                               "moveOn": "Completed", "done": true, "how": "PARTNER", "source": "PARTNER",
                               "statementId": "drill-77", "when": "2026-11-20T16:00:00Z"}]}]""";

    static final String GRACE = "/api/v1/learners/grace/enrollments";

    static {
        ENROLLMENT
                .json(GRACE, ENROLLMENTS)
                .json(GRACE + "/e-1/assignments/a3/complete", "{\"id\": \"e-1\"}")
                .answer(
                        GRACE + "/e-1/assignments/a4/complete",
                        409,
                        PROBLEM,
                        problem(409, "assignmentId: a4 is reported by the provider's learning system, not by you"))
                .json("/api/v1/learners/grace/renewals/e-2/attestation", "{\"id\": \"e-2\"}");
    }

    @Test
    void showsPerEnrollmentWhatIsDoneHowAndWhenAndWhatIsLeft() throws Exception {
        String html = page(get("/my/learning").with(learner("grace")), 200);

        PersonTime utc = PersonTime.UTC;
        assertThat(html)
                .contains("Completed by <span>at least 3 of 4 assignments</span>")
                .contains("<strong class=\"left\">1 more to do (2 done)</strong>")
                .contains("<span>Lab: build a LAN</span>:")
                .contains("<span>reported by an xAPI statement from the provider&#39;s learning system</span>")
                .contains(utc.dateTime(Instant.parse("2027-01-05T10:00:00Z")))
                .contains("(record <code>8f1c2a4e-0000-4000-8000-000000000001</code>)")
                .contains("<span>marked done by you</span>")
                .contains(utc.dateTime(Instant.parse("2027-01-06T11:30:00Z")))
                .contains("<span>recorded by the provider</span>")
                .contains(
                        "<span>reported by the provider&#39;s system as a completion record (webhook or event)</span>")
                .contains("(record <code>drill-77</code>)")
                .contains("action=\"/my/learning/e-1/assignments/a3/done\"")
                .doesNotContain("action=\"/my/learning/e-1/assignments/a4/done\"")
                .contains("(your provider's learning system reports it)")
                .contains("First Aid</a> (renewal)")
                .contains("action=\"/my/learning/e-2/attestation\"")
                .contains("<span class=\"verified\">Completed</span>");
        assertThat(html.indexOf("First Aid")).as("newest first").isLessThan(html.indexOf("Networking Basics"));
        assertThat(to(ENROLLMENT, GRACE)).isNotEmpty().allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.authorization()).isEqualTo("Bearer access-token");
        });
        Accessibility.assertBasics(html);
    }

    @Test
    void marksASelfPacedAssignmentDoneWithTheLearnersToken() throws Exception {
        mvc.perform(post("/my/learning/e-1/assignments/a3/done")
                        .with(learner("grace"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/my/learning"))
                .andExpect(flash().attribute("done", "Marked done."));

        assertThat(to(ENROLLMENT, GRACE + "/e-1/assignments/a3/complete"))
                .singleElement()
                .extracting(StubService.Request::method, StubService.Request::authorization)
                .containsExactly("POST", "Bearer access-token");
    }

    @Test
    void saysWhyEnrollmentServiceRefusedToMarkAnAssignment() throws Exception {
        String html = page(
                post("/my/learning/e-1/assignments/a4/done")
                        .with(learner("grace"))
                        .with(csrf()),
                409);

        assertThat(html)
                .contains("<p class=\"error\" id=\"refusal\" role=\"alert\">The assignment was not marked done:"
                        + " assignmentId: a4 is reported by the provider&#39;s learning system, not by you</p>")
                .contains("Networking Basics");
    }

    @Test
    void confirmsARenewalWithoutRequirements() throws Exception {
        mvc.perform(post("/my/learning/e-2/attestation").with(learner("grace")).with(csrf()))
                .andExpect(redirectedUrl("/my/learning"));

        assertThat(to(ENROLLMENT, "/api/v1/learners/grace/renewals/e-2/attestation"))
                .singleElement()
                .extracting(StubService.Request::authorization)
                .isEqualTo("Bearer access-token");
    }

    @Test
    void answersAnIdThatCannotBeOneWithA400NamingIt() throws Exception {
        String html = page(
                post("/my/learning/e 1/assignments/a3/done")
                        .with(learner("hal"))
                        .with(csrf()),
                400);

        assertThat(html).contains("data-field=\"enrollmentId\"");
        assertThat(ENROLLMENT.received()).noneMatch(request -> request.target().contains("/hal/"));
    }

    @Test
    void saysALearnerWithoutEnrollmentsHasNoneYet() throws Exception {
        String html = page(get("/my/learning").with(learner("newcomer")), 200);

        assertThat(html).contains("You are not enrolled in anything yet.");
    }

    @Test
    void sendsAnAnonymousPersonToSignInAndRefusesStaffAndOperators() throws Exception {
        String signIn = mvc.perform(get("/my/learning"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(signIn).endsWith("/oauth2/authorization/credstack");
        mvc.perform(get("/my/learning").with(staff())).andExpect(status().isForbidden());
        mvc.perform(post("/my/learning/e-1/assignments/a3/done")
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
