package org.credstack.web.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.credstack.web.Accessibility;
import org.credstack.web.Fixtures;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** {@code /verify}: an employer checks a credential someone sent them, with badge-service stubbed on a local port. */
@SpringBootTest
@AutoConfigureMockMvc
class VerifyPageIT {

    static final StubService BADGE = StubService.start();

    static final String VERIFY = "/api/v1/verify";
    static final String PROBLEM = "application/problem+json";

    static final String CREDENTIAL = Fixtures.credential("2029-12-01T02:00:00Z").strip();

    /** A VC-JWT whose payload's {@code vc} claim is the credential (the signature is badge-service's to check). */
    static final String JWT = base64Url("{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\"}") + "."
            + base64Url("{\"iss\":\"did:key:z6Mk\",\"vc\":" + CREDENTIAL.replace("Ada Lovelace", "Grace Hopper") + "}")
            + ".c2lnbmF0dXJl";

    /** A PNG signature, then bytes that are not UTF-8: passed on as they are, never decoded as text. */
    static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xff, (byte) 0xfe
    };

    static final String NOT_A_CREDENTIAL = "my certificate number is 12345";

    static {
        BADGE.answerTo(VERIFY, CREDENTIAL, 200, "application/json", Fixtures.verification("verified"))
                .answerTo(VERIFY, new String(PNG, StandardCharsets.UTF_8), 200, "application/json", """
                        {"credentialId": "urn:uuid:5b1e", "status": "expired", "checkedAt": "2027-01-10T09:00:00Z",
                         "checks": {"proof": {"status": "valid"},
                                    "issuer": {"status": "valid", "issuer": "https://badges.example.edu/issuers/7"},
                                    "schema": {"status": "valid", "violations": []},
                                    "validity": {"status": "expired", "validFrom": "2025-01-01T00:00:00Z",
                                                 "validUntil": "2026-01-01T00:00:00Z"}}}""")
                .answerTo(VERIFY, JWT, 200, "application/json", """
                        {"credentialId": "urn:uuid:77aa", "status": "unverifiable", "checkedAt": "2027-01-10T09:00:00Z",
                         "checks": {"proof": {"status": "valid", "algorithm": "EdDSA"},
                                    "issuer": {"status": "valid", "issuer": "did:key:z6Mk"},
                                    "schema": {"status": "valid", "violations": []},
                                    "validity": {"status": "valid", "validFrom": "2026-11-27T14:40:00Z"},
                                    "credentialStatus": {"status": "unverifiable",
                                        "cause": "status list unreachable",
                                        "detail": "https://status.example.edu/lists/3 did not answer"}}}""")
                .answerTo(VERIFY, NOT_A_CREDENTIAL, 400, PROBLEM, """
                        {"type": "urn:credstack:problem:not-a-credential", "title": "Not a credential", "status": 400,
                         "detail": "the body is not a compact JWS",
                         "errors": [{"pointer": "", "message": "the body is not a compact JWS"}]}""");
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.badge-url", BADGE::url);
    }

    @Autowired
    MockMvc mvc;

    private String page(RequestBuilder request, int status) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("text/html");
        return response.getContentAsString();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<StubService.Body> verifications() {
        return BADGE.bodies().stream()
                .filter(body -> body.target().equals(VERIFY))
                .toList();
    }

    @Test
    void offersTheFormToEveryoneFromTheHeaderWithItsCsrfToken() throws Exception {
        assertThat(page(get("/catalog"), 200)).contains("<li><a href=\"/verify\">Verify a credential</a></li>");
        String form = page(get("/verify"), 200);

        assertThat(form)
                .contains(
                        "<form id=\"verify-form\" method=\"post\" enctype=\"multipart/form-data\" action=\"/verify\">")
                .contains("<label for=\"credential\">")
                .contains("<textarea id=\"credential\" name=\"credential\"")
                .contains("<input id=\"file\" name=\"file\" type=\"file\"")
                .contains("name=\"_csrf\"")
                .doesNotContain("id=\"result\"");
        Accessibility.assertBasics(form);
    }

    @Test
    void showsAPastedJsonCredentialThatVerifiesAsVerifiedWithWhatItSays() throws Exception {
        String html = page(
                multipart("/verify")
                        .param("credential", "\n  " + CREDENTIAL + "\n")
                        .with(csrf()),
                200);

        assertThat(html)
                .contains("<title>Verified – Verify a credential – CredStack</title>")
                .contains("class=\"result ok\">")
                .contains("Result: <span>Verified</span>")
                .contains("The credential is genuine and valid")
                .contains("<dd id=\"achievement\">Occupational Therapy Assistant</dd>")
                .contains("<dd id=\"issuer-name\">Acme &amp; Co</dd>")
                .contains("<dd id=\"recipient\">Ada Lovelace</dd>")
                .doesNotContain("id=\"reason\"")
                .doesNotContain("id=\"image-note\"");
        assertThat(html.split("<strong class=\"verified\">Passed</strong>")).hasSize(4);
        assertThat(verifications()).anySatisfy(body -> {
            assertThat(body.contentType()).isEqualTo("application/json");
            assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo(CREDENTIAL);
            assertThat(body.traceparent())
                    .as("the page request's trace, passed on")
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        });
        Accessibility.assertBasics(html);
    }

    @Test
    void passesAnUploadedBakedPngOnAsImagePngByteForByteAndShowsItsResult() throws Exception {
        String html = page(
                multipart("/verify")
                        .file(new MockMultipartFile("file", "badge.png", "application/octet-stream", PNG))
                        .with(csrf()),
                200);

        assertThat(verifications()).anySatisfy(body -> {
            assertThat(body.contentType()).isEqualTo("image/png");
            assertThat(body.bytes()).isEqualTo(PNG);
        });
        assertThat(html)
                .contains("Result: <span>Expired</span>")
                .contains("its validity period has ended")
                .contains("<dd id=\"issuer-id\">https://badges.example.edu/issuers/7</dd>")
                .contains("<dd id=\"valid-until\">Jan 1, 2026, 12:00")
                .contains("id=\"image-note\"")
                .contains("class=\"result bad\"");
    }

    @Test
    void saysWhyAPastedVcJwtIsUnverifiableAndThatThisDoesNotMeanItIsFake() throws Exception {
        String html = page(multipart("/verify").param("credential", JWT).with(csrf()), 200);

        assertThat(verifications())
                .anySatisfy(body -> assertThat(body.contentType()).isEqualTo("application/vc+jwt"));
        assertThat(html)
                .contains("Result: <span>Unverifiable</span>")
                .contains("Something could not be checked — this does not mean it is fake.")
                .contains("<p id=\"reason\">Why: <span>Revocation: status list unreachable: "
                        + "https://status.example.edu/lists/3 did not answer</span></p>")
                .contains("<dd id=\"recipient\">Grace Hopper</dd>")
                .contains("class=\"result unsure\"")
                .contains("<strong class=\"unchecked\">Could not be checked</strong>")
                .doesNotContain("Result: <span>Invalid</span>");
    }

    @Test
    void answersAnEmptySubmitWith400NamingTheFieldWithoutAskingBadgeService() throws Exception {
        int before = verifications().size();

        String html = page(multipart("/verify").param("credential", "  ").with(csrf()), 400);

        assertThat(html)
                .contains("<title>Not checked – Verify a credential – CredStack</title>")
                .contains("role=\"alert\" id=\"form-errors\"")
                .contains("data-field=\"credential\"")
                .contains("credential is empty: paste a credential (JSON or VC-JWT) or upload a file")
                .contains("aria-invalid=\"true\" aria-describedby=\"credential-error\"");
        assertThat(verifications()).hasSize(before);
        Accessibility.assertBasics(html);
    }

    @Test
    void answersAnEmptyOrOversizedFileWith400NamingTheFileWithoutAskingBadgeService() throws Exception {
        int before = verifications().size();

        String empty = page(
                multipart("/verify")
                        .file(new MockMultipartFile("file", "badge.png", "image/png", new byte[0]))
                        .with(csrf()),
                400);
        String oversized = page(
                multipart("/verify")
                        .file(new MockMultipartFile(
                                "file", "big.json", "application/json", new byte[SentCredential.MAX_BYTES + 1]))
                        .with(csrf()),
                400);

        assertThat(empty).contains("data-field=\"file\"").contains("file is empty (0 bytes)");
        assertThat(oversized).contains("data-field=\"file\"").contains("file is 1048577 bytes; at most 1 MB");
        assertThat(verifications()).hasSize(before);
    }

    @Test
    void showsBadgeServicesNotACredentialProblemAs400WithItsWords() throws Exception {
        String html =
                page(multipart("/verify").param("credential", NOT_A_CREDENTIAL).with(csrf()), 400);

        assertThat(html)
                .contains("What you pasted is not a credential that can be checked: the body is not a compact JWS")
                .contains("data-field=\"credential\"")
                .contains(NOT_A_CREDENTIAL)
                .doesNotContain("id=\"result\"");
    }

    @Test
    void refusesAPostWithoutTheFormsCsrfToken() throws Exception {
        int before = verifications().size();

        assertThat(mvc.perform(multipart("/verify").param("credential", CREDENTIAL))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(verifications()).hasSize(before);
    }
}
