package org.credstack.web.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.credstack.web.Accessibility;
import org.credstack.web.StubService;
import org.credstack.web.learner.EnrollOutcome.Result;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Enrolling from the catalog: one credential from its page, several from the results, each result reported. */
class EnrollPagesIT extends LearnerPagesBase {

    static final String CREDENTIAL = """
            {"id": "c-1", "status": "PUBLISHED", "version": 1, "content": {
              "title": "Networking Basics", "description": "Cables.", "kind": "MICRO_CREDENTIAL",
              "category": "TECHNICAL", "providerId": "p-1", "skills": [], "deliveryModes": [],
              "assignments": [{"id": "a1", "title": "Lab"}]}}""";

    static final String STACK = """
            {"id": "s-1", "status": "PUBLISHED", "version": 1, "content": {
              "title": "Networking Pathway", "description": "Two.", "kind": "STACK", "category": "TECHNICAL",
              "providerId": "p-1", "skills": [], "deliveryModes": [], "assignments": [],
              "stackRule": {"label": "Core", "requiredNumber": 1, "credentialIds": ["c-1"], "rules": []}}}""";

    static {
        CATALOG.json("/api/v1/credentials/c-1", CREDENTIAL)
                .json("/api/v1/credentials/s-1", STACK)
                .json("/api/v1/providers/p-1", "{\"id\": \"p-1\", \"name\": \"Net Academy\", \"timeZone\": \"UTC\"}")
                .json("/api/v1/providers", "{\"items\": [], \"page\": {\"number\": 0}}")
                .json(
                        "/api/v1/credentials",
                        "{\"items\": [" + CREDENTIAL + ", " + STACK + "], \"page\": {\"number\": 0, \"size\": 20,"
                                + " \"totalElements\": 2, \"totalPages\": 1}}");
        ENROLLMENT.answer("/api/v1/learners", 200, "application/json", "{\"id\": \"any\"}");
    }

    static String enrollment(String credentialId, String title) {
        return """
                {"id": "e-%s", "credentialId": "%s", "credentialTitle": "%s", "kind": "INITIAL", "status": "IN_PROGRESS",
                 "enrolledAt": "2027-01-10T09:00:00Z", "assignments": []}""".formatted(credentialId, credentialId, title);
    }

    @Test
    void enrollsInSeveralAtOnceWithTheLearnersTokenAndReportsEachResult() throws Exception {
        String path = "/api/v1/learners/ada/enrollments";
        ENROLLMENT
                .answerTo(
                        path,
                        "{\"credentialId\":\"c-1\"}",
                        201,
                        "application/json",
                        enrollment("c-1", "Networking Basics"))
                .answerTo(path, "{\"credentialId\":\"c-2\"}", 200, "application/json", enrollment("c-2", "Routing"))
                .answerTo(
                        path,
                        "{\"credentialId\":\"c-3\"}",
                        409,
                        PROBLEM,
                        problem(409, "credentialId: credential c-3 is retired and can no longer be enrolled in"))
                .answerTo(path, "{\"credentialId\":\"c-4\"}", 404, PROBLEM, problem(404, "credentialId: unknown"));

        MvcResult posted = mvc.perform(post("/my/enrollments")
                        .param("credentialId", "c-1", "c-2", "c-3", "c-4", "c-1")
                        .with(learner("ada"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/my/learning"))
                .andReturn();

        List<StubService.Request> enrolls = to(ENROLLMENT, path).stream()
                .filter(request -> request.method().equals("POST"))
                .toList();
        assertThat(enrolls)
                .extracting(StubService.Request::body)
                .containsExactly(
                        "{\"credentialId\":\"c-1\"}",
                        "{\"credentialId\":\"c-2\"}",
                        "{\"credentialId\":\"c-3\"}",
                        "{\"credentialId\":\"c-4\"}");
        assertThat(enrolls).extracting(StubService.Request::authorization).containsOnly("Bearer access-token");
        assertThat(to(ENROLLMENT, "/api/v1/learners"))
                .extracting(StubService.Request::body)
                .contains("{\"displayName\":\"Test ada\",\"emails\":[\"ada@example.org\"]}");
        @SuppressWarnings("unchecked")
        List<EnrollOutcome> outcomes =
                (List<EnrollOutcome>) posted.getFlashMap().get("enrolled");
        assertThat(outcomes)
                .extracting(EnrollOutcome::credentialId, EnrollOutcome::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c-1", Result.ENROLLED),
                        org.assertj.core.groups.Tuple.tuple("c-2", Result.ALREADY_ENROLLED),
                        org.assertj.core.groups.Tuple.tuple("c-3", Result.REFUSED),
                        org.assertj.core.groups.Tuple.tuple("c-4", Result.REFUSED));

        String html = page(get("/my/learning").with(learner("ada")).flashAttrs(posted.getFlashMap()), 200);

        assertThat(html)
                .contains("<strong>Networking Basics</strong>: <span>Enrolled</span>")
                .contains("<strong>Routing</strong>: <span>Already enrolled</span>")
                .contains("<span>credentialId: credential c-3 is retired and can no longer be enrolled in</span>")
                .contains(
                        "<strong>c-4</strong>: <span>Refused</span> – <span>the catalog has no such credential</span>");
        Accessibility.assertBasics(html);
    }

    @Test
    void sayWhyNothingWasEnrolledWhenTheLearnerRecordIsRefused() throws Exception {
        ENROLLMENT.answerTo(
                "/api/v1/learners",
                "{\"displayName\":\"Test bob\",\"emails\":[\"bob@example.org\"]}",
                409,
                PROBLEM,
                problem(409, "emails: bob@example.org belongs to another learner"));

        MvcResult posted = mvc.perform(post("/my/enrollments")
                        .param("credentialId", "c-1")
                        .with(learner("bob"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/my/learning"))
                .andReturn();

        @SuppressWarnings("unchecked")
        List<EnrollOutcome> outcomes =
                (List<EnrollOutcome>) posted.getFlashMap().get("enrolled");
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(Result.REFUSED);
            assertThat(o.reason()).contains("bob@example.org belongs to another learner");
        });
        assertThat(to(ENROLLMENT, "/api/v1/learners/bob/enrollments")).isEmpty();
    }

    @Test
    void answersAnEnrollRequestWithoutACredentialWithA400NamingTheField() throws Exception {
        String none = page(post("/my/enrollments").with(learner("cleo")).with(csrf()), 400);
        String bad = page(
                post("/my/enrollments")
                        .param("credentialId", "c-1", "a b")
                        .with(learner("cleo"))
                        .with(csrf()),
                400);

        assertThat(none).contains("data-field=\"credentialId\"").contains("names no credential");
        assertThat(bad).contains("data-field=\"credentialId\"").contains("&#39;a b&#39; is not a credential id");
        assertThat(to(ENROLLMENT, "/api/v1/learners/cleo/enrollments")).isEmpty();
    }

    @Test
    void theCatalogCredentialPageOffersEnrollToALearnerAndSignInToAnyoneElse() throws Exception {
        String learner = page(get("/catalog/c-1").with(learner("dora")), 200);
        String anonymous = page(get("/catalog/c-1"), 200);
        String stack = page(get("/catalog/s-1").with(learner("dora")), 200);

        assertThat(learner)
                .contains("<form id=\"enroll\" method=\"post\" action=\"/my/enrollments\">")
                .contains("<input type=\"hidden\" name=\"credentialId\" value=\"c-1\">")
                .contains("name=\"_csrf\"");
        assertThat(anonymous).doesNotContain("id=\"enroll\"").contains("Sign in to enroll");
        assertThat(stack).doesNotContain("id=\"enroll\"");
    }

    @Test
    void theCatalogResultsLetALearnerChooseSeveralCredentialsButNoStack() throws Exception {
        String html = page(get("/catalog").with(learner("dora")), 200);

        assertThat(html)
                .contains("<input type=\"checkbox\" name=\"credentialId\" form=\"enroll-several\" id=\"choose-c-1\""
                        + " value=\"c-1\">")
                .doesNotContain("id=\"choose-s-1\"")
                .contains("<form id=\"enroll-several\" method=\"post\" action=\"/my/enrollments\">");
        Accessibility.assertBasics(html);
        assertThat(page(get("/catalog"), 200)).doesNotContain("enroll-several");
    }

    @Test
    void sendsAnAnonymousPersonToSignInAndRefusesOtherRoles() throws Exception {
        String signIn = mvc.perform(
                        post("/my/enrollments").param("credentialId", "c-1").with(csrf()))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(signIn).endsWith("/oauth2/authorization/credstack");
        mvc.perform(post("/my/enrollments")
                        .param("credentialId", "c-1")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(ENROLLMENT.received()).noneMatch(request -> request.target().contains("staff-1"));
    }
}
