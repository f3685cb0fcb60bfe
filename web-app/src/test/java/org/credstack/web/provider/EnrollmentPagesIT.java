package org.credstack.web.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.credstack.web.Accessibility;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

class EnrollmentPagesIT extends StaffPagesBase {

    static final String COMPLETE = "/api/v1/providers/p-1/enrollments/e-1/assignments/practicum/complete";

    @Test
    void marksAnAssignmentDoneAndShowsTheEnrollmentsProgress() throws Exception {
        ENROLLMENT.answer("POST", COMPLETE, 200, "application/json", """
                {"id": "e-1", "learnerId": "learner-7", "credentialId": "c-1", "credentialTitle": "Networking Basics",
                 "status": "ACTIVE", "assignments": [
                   {"assignmentId": "practicum", "title": "Practicum", "done": true, "how": "PROVIDER",
                    "when": "2026-12-01T10:00:00Z"},
                   {"assignmentId": "exam", "title": "Exam", "done": false}]}""");

        MvcResult posted = mvc.perform(post("/provider/p-1/enrollments/completions")
                        .param("enrollmentId", "e-1")
                        .param("assignmentId", "practicum")
                        .with(staff())
                        .with(csrf()))
                .andExpect(redirectedUrl("/provider/p-1/enrollments"))
                .andReturn();
        MockHttpServletResponse shown = mvc.perform(get("/provider/p-1/enrollments")
                        .flashAttrs(posted.getFlashMap())
                        .with(staff()))
                .andReturn()
                .getResponse();

        StubService.Request completion = only(enrollmentRequests(), "POST");
        assertThat(completion.target()).isEqualTo(COMPLETE);
        assertThat(completion.authorization()).isEqualTo(BEARER);
        assertThat(json(completion.body())).isEqualTo(json("{}"));
        String html = shown.getContentAsString();
        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("id=\"done\">Assignment practicum marked done.</p>")
                .contains("<h2 id=\"progress-heading\">Networking Basics</h2>")
                .contains("id=\"step-practicum\">Practicum: done (provider) ")
                .contains("id=\"step-exam\">Exam: not done yet</li>");
    }

    @Test
    void namesAMissingEnrollmentIdAndAsksEnrollmentServiceNothing() throws Exception {
        String html = mvc.perform(post("/provider/p-1/enrollments/completions")
                        .param("enrollmentId", " ")
                        .param("assignmentId", "practicum")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("<input id=\"enrollmentId\" name=\"enrollmentId\" value=\" \" aria-invalid=\"true\""
                        + " aria-describedby=\"enrollmentId-error\">")
                .contains(
                        "<input id=\"assignmentId\" name=\"assignmentId\" value=\"practicum\" aria-invalid=\"false\">");
        assertThat(enrollmentRequests()).isEmpty();
    }

    @Test
    void showsEnrollmentServicesRefusalReadably() throws Exception {
        ENROLLMENT.answer(
                "POST",
                "/api/v1/providers/p-1/enrollments/e-9/assignments/practicum/complete",
                403,
                "application/problem+json",
                "{\"status\": 403, \"detail\": \"not staff of the enrollment's provider\"}");

        String html = mvc.perform(post("/provider/p-1/enrollments/completions")
                        .param("enrollmentId", "e-9")
                        .param("assignmentId", "practicum")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("Nothing was marked done. enrollment-service refused: not staff of the enrollment&#39;s"
                        + " provider");
    }

    @Test
    void refusesStaffOfAnotherProvider() throws Exception {
        mvc.perform(post("/provider/p-1/enrollments/completions")
                        .param("enrollmentId", "e-1")
                        .param("assignmentId", "practicum")
                        .with(otherStaff())
                        .with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(enrollmentRequests()).isEmpty();
    }
}
