package org.credstack.web.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.credstack.web.Accessibility;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

class CredentialPagesIT extends StaffPagesBase {

    static final String PROBLEM = "application/problem+json";

    /** The form as a person fills it: one assignment in the second row, the first left blank. */
    static final Map<String, String> FILLED = filledForm();

    private static Map<String, String> filledForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "MICRO_CREDENTIAL");
        form.put("title", "Networking Basics");
        form.put("description", "Cables, switches and routes.");
        form.put("category", "TECHNICAL");
        form.put("skills", "Subnetting\nRouting");
        form.put("estimatedDuration", "PT40H");
        form.put("costAmount", "120");
        form.put("costCurrency", "usd");
        form.put("validityPeriod", "P2Y");
        form.put("completionMinimum", "");
        form.put("assignments[0].id", "");
        form.put("assignments[0].title", "");
        form.put("assignments[0].activityId", "");
        form.put("assignments[0].moveOn", "Completed");
        form.put("assignments[1].id", "lab");
        form.put("assignments[1].title", "Lab: build a LAN");
        form.put("assignments[1].activityId", "https://lms.example/lab");
        form.put("assignments[1].moveOn", "Passed");
        form.put("assignments[1].masteryScore", "0.8");
        return form;
    }

    /** The filled form, with {@code changes} (field, value, field, value ...) typed over it. */
    static MockHttpServletRequestBuilder filled(MockHttpServletRequestBuilder request, String... changes) {
        Map<String, String> form = new LinkedHashMap<>(FILLED);
        for (int i = 0; i < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1]);
        }
        form.forEach(request::param);
        return request.param("deliveryModes", "ONLINE", "HYBRID");
    }

    @Test
    void showsAnEmptyDraftFormForTheirProvider() throws Exception {
        String html = mvc.perform(get("/provider/p-1/credentials/new").with(staff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("action=\"/provider/p-1/credentials\"")
                .contains("<input id=\"title\" name=\"title\"")
                .contains("<input id=\"cost-amount\" name=\"costAmount\"")
                .contains("<input id=\"assignments-1-masteryScore\" name=\"assignments[1].masteryScore\"");
    }

    @Test
    void createsADraftWithTheFormsFieldsAndTheTokenThenShowsIt() throws Exception {
        CATALOG.answer(
                "POST",
                "/api/v1/credentials",
                201,
                "application/json",
                credentialView("c-new", "DRAFT", PROVIDER, "Networking Basics"));

        mvc.perform(filled(post("/provider/p-1/credentials")).with(staff()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/provider/credentials/c-new"))
                .andExpect(flash().attribute("done", "Draft saved."));

        StubService.Request created = only(catalogRequests(), "POST");
        assertThat(created.target()).isEqualTo("/api/v1/credentials");
        assertThat(created.authorization()).isEqualTo(BEARER);
        assertThat(json(created.body())).isEqualTo(json("""
                        {"title": "Networking Basics", "description": "Cables, switches and routes.",
                         "kind": "MICRO_CREDENTIAL", "category": "TECHNICAL", "providerId": "p-1", "ctid": null,
                         "level": null, "skills": ["Subnetting", "Routing"], "deliveryModes": ["ONLINE", "HYBRID"],
                         "estimatedDuration": "PT40H", "cost": {"amount": 120, "currency": "USD"},
                         "validityPeriod": "P2Y", "image": null, "completionRule": null,
                         "assignments": [{"id": "lab", "title": "Lab: build a LAN",
                                          "activityId": "https://lms.example/lab", "moveOn": "Passed",
                                          "masteryScore": 0.8}]}"""));
    }

    @Test
    void namesTheFieldOfInputTheFormCanCheckWithoutAskingCatalogService() throws Exception {
        String html = mvc.perform(filled(
                                post("/provider/p-1/credentials"),
                                "costAmount",
                                "a hundred",
                                "assignments[1].masteryScore",
                                "most")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("<input id=\"cost-amount\" name=\"costAmount\" value=\"a hundred\" aria-invalid=\"true\""
                        + " aria-describedby=\"cost-amount-error\">")
                .contains("id=\"cost-amount-error\" class=\"error\">the cost is a number such as 120 or 49.90</span>")
                .contains("id=\"assignments-1-masteryScore\"")
                .contains("<a href=\"#assignments-1-masteryScore\" data-field=\"assignments[1].masteryScore\">")
                .contains("role=\"alert\" id=\"form-errors\"");
        assertThat(catalogRequests()).isEmpty();
    }

    @Test
    void putsCatalogServicesFieldErrorsOnTheFormsFields() throws Exception {
        CATALOG.answer("POST", "/api/v1/credentials", 422, PROBLEM, """
                {"type": "urn:credstack:problem:rule-violation", "status": 422, "title": "Catalog rule violated",
                 "detail": "an assignment's activityId is an absolute IRI",
                 "errors": [{"field": "assignments[0].activityId", "message": "an assignment's activityId is an absolute IRI"},
                            {"field": "estimatedDuration", "message": "estimatedDuration is a positive ISO 8601 duration"}]}""");

        String html = mvc.perform(filled(post("/provider/p-1/credentials"), "assignments[1].activityId", "lab")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        // the service's assignments[0] is the form's second row: the blank first row was not sent
        assertThat(html)
                .contains("<input id=\"assignments-1-activityId\" name=\"assignments[1].activityId\" value=\"lab\""
                        + " aria-invalid=\"true\" aria-describedby=\"assignments-1-activityId-error\">")
                .contains("id=\"assignments-1-activityId-error\" class=\"error\">an assignment&#39;s activityId is an"
                        + " absolute IRI</span>")
                .contains("<input id=\"estimatedDuration\" name=\"estimatedDuration\" value=\"PT40H\""
                        + " aria-invalid=\"true\"")
                .contains("<input id=\"title\" name=\"title\" value=\"Networking Basics\" aria-invalid=\"false\">");
    }

    @Test
    void showsACredentialWithTheStepsItsStatusAllows() throws Exception {
        CATALOG.json("/api/v1/credentials/c-d", credentialView("c-d", "DRAFT", PROVIDER, "Draft Networking"))
                .json("/api/v1/credentials/c-p", credentialView("c-p", "PUBLISHED", PROVIDER, "Published Networking"));

        String draft = page(get("/provider/credentials/c-d"), 200);
        String published = page(get("/provider/credentials/c-p"), 200);

        Accessibility.assertBasics(draft);
        assertThat(draft)
                .contains("id=\"status\">DRAFT<", "id=\"publish\"", "Edit the draft")
                .doesNotContain("id=\"retire\"");
        assertThat(published)
                .contains("id=\"status\">PUBLISHED<", "id=\"retire\"", "Revise (publishes the next version)")
                .doesNotContain("id=\"publish\"");
        assertThat(catalogRequests())
                .extracting(StubService.Request::authorization)
                .containsOnly(BEARER);
    }

    @Test
    void editsADraftKeepingTheFieldsTheFormDoesNotShow() throws Exception {
        CATALOG.json("/api/v1/credentials/c-d", credentialView("c-d", "DRAFT", PROVIDER, "Draft Networking"))
                .answer(
                        "PUT",
                        "/api/v1/credentials/c-d",
                        200,
                        "application/json",
                        credentialView("c-d", "DRAFT", PROVIDER, "Networking Basics"));

        String edit = page(get("/provider/credentials/c-d/edit"), 200);
        Accessibility.assertBasics(edit);
        assertThat(edit)
                .contains("action=\"/provider/credentials/c-d\"")
                .contains("<input id=\"title\" name=\"title\" value=\"Draft Networking\"")
                .contains("<input id=\"assignments-0-activityId\" name=\"assignments[0].activityId\""
                        + " value=\"https://lms.example/a1\"");

        mvc.perform(filled(post("/provider/credentials/c-d")).with(staff()).with(csrf()))
                .andExpect(redirectedUrl("/provider/credentials/c-d"));

        StubService.Request put = only(catalogRequests(), "PUT");
        assertThat(put.authorization()).isEqualTo(BEARER);
        JsonNode body = json(put.body());
        assertThat(body.path("title").asString()).isEqualTo("Networking Basics");
        assertThat(body.path("providerId").asString()).isEqualTo(PROVIDER);
        assertThat(body.path("alignments").path(0).path("code").asString()).isEqualTo("15-1244.00");
        assertThat(body.path("assignments")).hasSize(1);
    }

    @Test
    void revisesAPublishedCredentialAsItsNextVersion() throws Exception {
        CATALOG.json("/api/v1/credentials/c-p", credentialView("c-p", "PUBLISHED", PROVIDER, "Published Networking"))
                .answer(
                        "POST",
                        "/api/v1/credentials/c-p/revisions",
                        201,
                        "application/json",
                        credentialView("c-p", "PUBLISHED", PROVIDER, "Networking Basics")
                                .replace("\"version\": 1", "\"version\": 2"));

        mvc.perform(filled(post("/provider/credentials/c-p")).with(staff()).with(csrf()))
                .andExpect(redirectedUrl("/provider/credentials/c-p"))
                .andExpect(flash().attribute("done", "Published as version 2."));

        StubService.Request revision = only(catalogRequests(), "POST");
        assertThat(revision.target()).isEqualTo("/api/v1/credentials/c-p/revisions");
        assertThat(revision.authorization()).isEqualTo(BEARER);
        assertThat(json(revision.body()).path("title").asString()).isEqualTo("Networking Basics");
    }

    @Test
    void publishesADraftAndRetiresAPublishedOne() throws Exception {
        CATALOG.json("/api/v1/credentials/c-d", credentialView("c-d", "DRAFT", PROVIDER, "Draft Networking"))
                .answer(
                        "POST",
                        "/api/v1/credentials/c-d/publish",
                        200,
                        "application/json",
                        credentialView("c-d", "PUBLISHED", PROVIDER, "Draft Networking"))
                .json("/api/v1/credentials/c-p", credentialView("c-p", "PUBLISHED", PROVIDER, "Published Networking"))
                .answer(
                        "POST",
                        "/api/v1/credentials/c-p/retire",
                        200,
                        "application/json",
                        credentialView("c-p", "RETIRED", PROVIDER, "Published Networking"));

        mvc.perform(post("/provider/credentials/c-d/publish").with(staff()).with(csrf()))
                .andExpect(redirectedUrl("/provider/credentials/c-d"))
                .andExpect(flash().attribute("done", "Published as version 1."));
        mvc.perform(post("/provider/credentials/c-p/retire").with(staff()).with(csrf()))
                .andExpect(redirectedUrl("/provider/credentials/c-p"));

        assertThat(catalogRequests().stream().filter(r -> r.method().equals("POST")))
                .extracting(StubService.Request::target, StubService.Request::authorization, StubService.Request::body)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/api/v1/credentials/c-d/publish", BEARER, ""),
                        org.assertj.core.groups.Tuple.tuple("/api/v1/credentials/c-p/retire", BEARER, ""));
    }

    @Test
    void showsCatalogServicesRefusalOfALifecycleStepInItsWords() throws Exception {
        CATALOG.json("/api/v1/credentials/c-x", credentialView("c-x", "PUBLISHED", PROVIDER, "Networking"))
                .answer("POST", "/api/v1/credentials/c-x/retire", 409, PROBLEM, """
                        {"type": "urn:credstack:problem:illegal-transition", "status": 409,
                         "title": "Illegal lifecycle step", "detail": "credential c-x is RETIRED already",
                         "currentStatus": "RETIRED"}""")
                .answer("POST", "/api/v1/credentials/c-x/publish", 403, PROBLEM, """
                        {"type": "urn:credstack:problem:forbidden", "status": 403, "title": "Forbidden",
                         "detail": "not staff of provider p-1"}""");

        String conflict = page(post("/provider/credentials/c-x/retire").with(csrf()), 409);
        String forbidden = page(post("/provider/credentials/c-x/publish").with(csrf()), 403);

        assertThat(conflict)
                .contains("role=\"alert\" id=\"refusal\">catalog-service refused the step: credential c-x is RETIRED"
                        + " already</p>");
        assertThat(forbidden).contains("id=\"refusal\">catalog-service refused: not staff of provider p-1</p>");
    }

    @Test
    void refusesAnotherProvidersCredentialBeforeChangingAnything() throws Exception {
        CATALOG.json("/api/v1/credentials/c-o", credentialView("c-o", "DRAFT", OTHER_PROVIDER, "Theirs"));

        String html = page(post("/provider/credentials/c-o/publish").with(csrf()), 403);
        page(filled(post("/provider/credentials/c-o")).with(csrf()), 403);
        page(get("/provider/credentials/c-o/edit"), 403);
        page(filled(post("/provider/p-2/credentials")).with(csrf()), 403);
        page(get("/provider/p-2/credentials/new"), 403);

        Accessibility.assertBasics(html);
        assertThat(html).contains("You are not on the staff of provider <strong>p-2</strong>");
        assertThat(catalogRequests()).extracting(StubService.Request::method).containsOnly("GET");
    }

    @Test
    void answersAnUnknownCredentialWithANotFoundPage() throws Exception {
        assertThat(page(get("/provider/credentials/c-none"), 404)).contains("credential c-none");
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request.with(staff()))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
