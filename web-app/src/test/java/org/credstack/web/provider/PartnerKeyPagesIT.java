package org.credstack.web.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.credstack.web.Accessibility;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;

class PartnerKeyPagesIT extends StaffPagesBase {

    static final String KEYS = "/api/v1/providers/p-1/partner-keys";
    static final String KEY = "pk-0123456789abcdef0123456789abcdef";

    static final String LIST = """
            [{"id": "%s", "providerId": "p-1", "label": "Moodle", "createdAt": "2026-11-01T08:00:00Z",
              "rotatedAt": null, "lastUsedAt": "2026-11-30T12:00:00Z", "revoked": false, "revokedAt": null},
             {"id": "pk-ffffffffffffffffffffffffffffffff", "providerId": "p-1", "label": "Old LRS",
              "createdAt": "2026-10-01T08:00:00Z", "revoked": true, "revokedAt": "2026-10-02T08:00:00Z"}]""".formatted(KEY);

    @Test
    void listsTheProvidersKeysWithoutSecrets() throws Exception {
        ENROLLMENT.answer("GET", KEYS, 200, "application/json", LIST);

        String html = mvc.perform(get("/provider/p-1/partner-keys").with(staff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("<code>" + KEY + "</code>", "<td>Moodle</td>", "<td>revoked</td>")
                .contains("action=\"/provider/p-1/partner-keys/" + KEY + "/rotate\"")
                .doesNotContain("action=\"/provider/p-1/partner-keys/pk-ffffffffffffffffffffffffffffffff/rotate\"")
                .doesNotContain("id=\"secret\"");
        StubService.Request listed = only(enrollmentRequests(), "GET");
        assertThat(listed.target()).isEqualTo(KEYS);
        assertThat(listed.authorization()).isEqualTo(BEARER);
    }

    @Test
    void makesAKeyAndShowsItsSecretOnceWithoutCaching() throws Exception {
        ENROLLMENT
                .answer("GET", KEYS, 200, "application/json", LIST)
                .answer("POST", KEYS, 201, "application/json", """
                        {"id": "%s", "providerId": "p-1", "label": "Moodle", "secret": "s3cr3t-shown-once",
                         "createdAt": "2026-12-01T10:00:00Z"}""".formatted(KEY));

        String html = mvc.perform(post("/provider/p-1/partner-keys")
                        .param("label", "Moodle")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("Key made: copy its secret now")
                .contains("<code id=\"key-id\">" + KEY + "</code>")
                .contains("<code id=\"secret\">s3cr3t-shown-once</code>");
        StubService.Request made = only(enrollmentRequests(), "POST");
        assertThat(made.target()).isEqualTo(KEYS);
        assertThat(made.authorization()).isEqualTo(BEARER);
        assertThat(json(made.body())).isEqualTo(json("{\"label\": \"Moodle\"}"));
    }

    @Test
    void rotatesAKeyAndSaysUntilWhenTheOldSecretWorks() throws Exception {
        ENROLLMENT
                .answer("GET", KEYS, 200, "application/json", LIST)
                .answer("POST", KEYS + "/" + KEY + "/rotate", 200, "application/json", """
                        {"id": "%s", "providerId": "p-1", "secret": "n3w-s3cr3t",
                         "rotatedAt": "2026-12-01T10:00:00Z", "previousSecretValidUntil": "2026-12-01T11:00:00Z"}""".formatted(KEY));

        String html = mvc.perform(post("/provider/p-1/partner-keys/" + KEY + "/rotate")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("Key rotated: copy its new secret now")
                .contains("<code id=\"secret\">n3w-s3cr3t</code>")
                .contains("<dd id=\"previous-until\">");
        StubService.Request rotated = only(enrollmentRequests(), "POST");
        assertThat(rotated.target()).isEqualTo(KEYS + "/" + KEY + "/rotate");
        assertThat(rotated.authorization()).isEqualTo(BEARER);
    }

    @Test
    void revokesAKeyAndShowsTheServicesRefusalOfARotation() throws Exception {
        ENROLLMENT
                .answer("GET", KEYS, 200, "application/json", LIST)
                .answer("POST", KEYS + "/" + KEY + "/revoke", 200, "application/json", """
                        {"id": "%s", "providerId": "p-1", "revoked": true}""".formatted(KEY))
                .answer(
                        "POST",
                        KEYS + "/pk-ffffffffffffffffffffffffffffffff/rotate",
                        409,
                        "application/problem+json",
                        """
                        {"status": 409, "detail": "key pk-ffffffffffffffffffffffffffffffff is revoked; make a new one"}""");

        mvc.perform(post("/provider/p-1/partner-keys/" + KEY + "/revoke")
                        .with(staff())
                        .with(csrf()))
                .andExpect(redirectedUrl("/provider/p-1/partner-keys"));
        String refused = mvc.perform(post("/provider/p-1/partner-keys/pk-ffffffffffffffffffffffffffffffff/rotate")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(refused)
                .contains("id=\"refusal\">Nothing rotated. enrollment-service refused the step: key"
                        + " pk-ffffffffffffffffffffffffffffffff is revoked; make a new one</p>")
                .doesNotContain("id=\"secret\"");
        assertThat(enrollmentRequests().stream().filter(r -> r.method().equals("POST")))
                .extracting(StubService.Request::target)
                .containsExactly(KEYS + "/" + KEY + "/revoke", KEYS + "/pk-ffffffffffffffffffffffffffffffff/rotate");
    }

    @Test
    void namesTheLabelWhenItIsTooLong() throws Exception {
        ENROLLMENT.answer("GET", KEYS, 200, "application/json", LIST);

        String html = mvc.perform(post("/provider/p-1/partner-keys")
                        .param("label", "x".repeat(201))
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("aria-invalid=\"true\" aria-describedby=\"label-error\"")
                .contains("id=\"label-error\" class=\"error\" role=\"alert\">label: at most 200 characters (this one"
                        + " has 201)</span>");
        assertThat(enrollmentRequests()).extracting(StubService.Request::method).containsOnly("GET");
    }

    @Test
    void refusesStaffOfAnotherProvider() throws Exception {
        mvc.perform(get("/provider/p-1/partner-keys").with(otherStaff())).andExpect(status().isForbidden());
        mvc.perform(post("/provider/p-1/partner-keys").with(otherStaff()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/provider/p-1/partner-keys/" + KEY + "/revoke")
                        .with(otherStaff())
                        .with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(enrollmentRequests()).isEmpty();
    }
}
