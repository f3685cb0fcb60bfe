package org.credstack.web.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.web.Fixtures.CREDENTIAL_ID;
import static org.credstack.web.Fixtures.PROVIDER_ID;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credstack.web.Accessibility;
import org.credstack.web.Fixtures;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PublicCredentialPageIT {

    static final StubService BADGE = StubService.start();
    static final StubService CATALOG = StubService.start();

    static final String EXPIRED_ID = "0e1d0000-0000-4000-8000-000000000002";
    static final String REVOKED_ID = "0e1d0000-0000-4000-8000-000000000003";
    static final String UNVERIFIABLE_ID = "0e1d0000-0000-4000-8000-000000000004";
    static final String BROKEN_ID = "0e1d0000-0000-4000-8000-000000000004";

    /** Not valid UTF-8 (a PNG signature starts with 0x89): a proxy that decoded it as text would change it. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff, (byte) 0xfe};

    static final String DISPOSITION = "attachment; filename=\"occupational-therapy-assistant-badge.png\"";

    static {
        // validUntil 2 a.m. UTC on 1 December is still 30 November in New York, the issuer's zone
        BADGE.answer(
                        "/credentials/" + CREDENTIAL_ID,
                        200,
                        "application/ld+json",
                        Fixtures.credential("2029-12-01T02:00:00Z"))
                .json("/credentials/" + CREDENTIAL_ID + "/verification", Fixtures.verification("verified"));
        BADGE.answer(
                        "/credentials/" + EXPIRED_ID,
                        200,
                        "application/ld+json",
                        Fixtures.credential("2026-12-27T14:40:00Z").replace(CREDENTIAL_ID, EXPIRED_ID))
                .json("/credentials/" + EXPIRED_ID + "/verification", Fixtures.verification("expired"));
        BADGE.answer(
                        "/credentials/" + REVOKED_ID,
                        200,
                        "application/ld+json",
                        Fixtures.credential(null).replace(CREDENTIAL_ID, REVOKED_ID))
                .json("/credentials/" + REVOKED_ID + "/verification", Fixtures.verification("revoked"));
        BADGE.answer(
                        "/credentials/" + UNVERIFIABLE_ID,
                        200,
                        "application/ld+json",
                        Fixtures.credential(null).replace(CREDENTIAL_ID, UNVERIFIABLE_ID))
                .json("/credentials/" + UNVERIFIABLE_ID + "/verification", Fixtures.verification("unverifiable"));
        CATALOG.json("/api/v1/providers/" + PROVIDER_ID, Fixtures.provider("America/New_York"));
        BADGE.bytes(
                        "/credentials/" + CREDENTIAL_ID + "/badge.png",
                        "image/png",
                        PNG,
                        Map.of("Content-Disposition", DISPOSITION, "Cache-Control", "max-age=300, public"))
                .bytes(
                        "/credentials/" + CREDENTIAL_ID + "/badge.svg",
                        "image/svg+xml",
                        "<svg/>".getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"))
                .bytes(
                        "/credentials/" + CREDENTIAL_ID + "/certificate.pdf",
                        "application/pdf",
                        "%PDF-1.7".getBytes(StandardCharsets.UTF_8),
                        Map.of());
        BADGE.answer(
                "/credentials/" + BROKEN_ID + "/certificate.pdf",
                500,
                "application/problem+json",
                "{\"status\":500,\"title\":\"Internal Server Error\"}");
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.badge-url", BADGE::url);
        registry.add("credstack.web.catalog-url", CATALOG::url);
        registry.add("credstack.web.public-base-url", () -> "https://learn.example.org");
    }

    @TestBean
    Clock clock;

    static Clock clock() {
        return Clock.fixed(Instant.parse("2027-01-10T09:00:00Z"), ZoneOffset.UTC);
    }

    @Autowired
    MockMvc mvc;

    private String page(String id) throws Exception {
        return mvc.perform(get("/credentials/" + id))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void showsOpenGraphTagsSoASharedLinkHasAPreview() throws Exception {
        String html = page(CREDENTIAL_ID);

        assertThat(html)
                .contains("<html lang=\"en\">")
                .contains("<meta property=\"og:title\" content=\"Occupational Therapy Assistant\">")
                .contains("<meta property=\"og:description\" content=\"Occupational Therapy Assistant issued by Acme"
                        + " &amp; Co. Assists occupational therapists.\">")
                .contains("<meta property=\"og:url\" content=\"https://learn.example.org/credentials/" + CREDENTIAL_ID
                        + "\">")
                .contains("<meta property=\"og:image\" content=\"https://acme.example/badge.png\">");
    }

    @Test
    void fillsTheLinkedInLinkWithNameOrganizationDatesInTheIssuersZoneUrlAndId() throws Exception {
        String html = page(CREDENTIAL_ID);

        Matcher link = Pattern.compile("id=\"linkedin\" href=\"([^\"]+)\"").matcher(html);
        assertThat(link.find()).isTrue();
        assertThat(link.group(1).replace("&amp;", "&"))
                .isEqualTo("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
                        + "&name=Occupational%20Therapy%20Assistant&organizationName=Acme%20%26%20Co"
                        + "&issueYear=2026&issueMonth=11&expirationYear=2029&expirationMonth=11"
                        + "&certUrl=https%3A%2F%2Flearn.example.org%2Fcredentials%2F" + CREDENTIAL_ID
                        + "&certId=" + CREDENTIAL_ID);
    }

    @Test
    void showsRecipientIssuerAchievementCriteriaAndValidityInTheIssuersTimeZone() throws Exception {
        String html = page(CREDENTIAL_ID);

        assertThat(html)
                .contains("<dd id=\"recipient\">Ada Lovelace</dd>")
                .contains("<a href=\"https://acme.example\">Acme &amp; Co</a>")
                .contains("<h1>Occupational Therapy Assistant</h1>")
                .contains("Completed all 2 assignments: Exam; Practicum.")
                .contains(">27 November 2026, 09:40</time>")
                .contains(">30 November 2029, 21:00</time>")
                .contains("<span>America/New_York</span><span> (the issuer's time zone)</span>");
    }

    @Test
    void showsTheLiveVerificationResultAndLinksTheJsonLd() throws Exception {
        String html = page(CREDENTIAL_ID);

        assertThat(html)
                .contains("<span>Verified</span>")
                .contains("<code>verified</code>")
                .contains("id=\"json-ld\" href=\"http://badges.test/credentials/" + CREDENTIAL_ID + "\"")
                .doesNotContain("id=\"standing\"");
        assertThat(BADGE.requests()).contains("/credentials/" + CREDENTIAL_ID + "/verification");
    }

    @Test
    void saysPlainlyThatARevokedCredentialIsRevokedAndWhy() throws Exception {
        String html = page(REVOKED_ID);

        assertThat(html)
                .contains("This credential has been revoked by its issuer")
                .contains("1 March 2027, 12:00")
                .contains("awarded in error")
                .contains("<span>Not verified</span>")
                .contains("<span>Does not expire</span>");
        assertThat(html).doesNotContain("expirationYear");
    }

    @Test
    void saysPlainlyThatAnExpiredCredentialHasExpired() throws Exception {
        String html = page(EXPIRED_ID);

        assertThat(html).contains("This credential has expired").contains("27 December 2026, 09:40");
    }

    @Test
    void saysThatACredentialThatCouldNotBeCheckedIsNotThereforeInvalid() throws Exception {
        String html = page(UNVERIFIABLE_ID);

        assertThat(html)
                .contains("<span>Not verified</span>")
                .contains("could not be checked completely right now")
                .doesNotContain("failed the check");
    }

    @Test
    void answersAnUnknownCredentialWithANotFoundPage() throws Exception {
        mvc.perform(get("/credentials/no-such-credential"))
                .andExpect(status().isNotFound())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "There is no <span>credential" + " no-such-credential</span>")));
    }

    @Test
    void namesTheFieldOfAnIdThatCannotBeACredentials() throws Exception {
        mvc.perform(get("/credentials/{id}", "a b"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-field=\"id\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id is not a credential id")));
    }

    @Test
    void linksTheBakedBadgesAndTheCertificateThroughTheAppWithTextSayingWhatEachIs() throws Exception {
        String html = page(CREDENTIAL_ID);

        assertThat(html)
                .contains("<a id=\"download-png\" href=\"/credentials/" + CREDENTIAL_ID
                        + "/badge.png\" type=\"image/png\"")
                .contains(">Download the badge image (PNG) with the credential baked in</a>")
                .contains("<a id=\"download-svg\" href=\"/credentials/" + CREDENTIAL_ID
                        + "/badge.svg\" type=\"image/svg+xml\"")
                .contains(">Download the badge image (SVG) with the credential baked in</a>")
                .contains("<a id=\"download-pdf\" href=\"/credentials/" + CREDENTIAL_ID
                        + "/certificate.pdf\" type=\"application/pdf\"")
                .contains(">Download the printable certificate (PDF)</a>");
    }

    @Test
    void passesEachDownloadOnByteForByteWithBadgeServicesTypeFileNameAndCaching() throws Exception {
        var png = mvc.perform(get("/credentials/{id}/badge.png", CREDENTIAL_ID))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        var svg = mvc.perform(get("/credentials/{id}/badge.svg", CREDENTIAL_ID))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        var pdf = mvc.perform(get("/credentials/{id}/certificate.pdf", CREDENTIAL_ID))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();

        assertThat(png.getContentAsByteArray()).isEqualTo(PNG);
        assertThat(png.getContentType()).isEqualTo("image/png");
        assertThat(png.getHeader("Content-Disposition")).isEqualTo(DISPOSITION);
        assertThat(png.getHeader("Cache-Control")).isEqualTo("max-age=300, public");
        assertThat(png.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(svg.getContentAsString()).isEqualTo("<svg/>");
        assertThat(svg.getContentType()).isEqualTo("image/svg+xml");
        assertThat(svg.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; style-src 'unsafe-inline'");
        assertThat(pdf.getContentAsString()).isEqualTo("%PDF-1.7");
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(BADGE.requests())
                .contains(
                        "/credentials/" + CREDENTIAL_ID + "/badge.png",
                        "/credentials/" + CREDENTIAL_ID + "/badge.svg",
                        "/credentials/" + CREDENTIAL_ID + "/certificate.pdf");
    }

    @Test
    void answersADownloadOfAnUnknownOrMalformedOrUnavailableCredentialWithAPage() throws Exception {
        mvc.perform(get("/credentials/no-such-credential/badge.png"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "There is no <span>credential no-such-credential</span>")));
        mvc.perform(get("/credentials/{id}/certificate.pdf", "a b"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-field=\"id\"")));
        mvc.perform(get("/credentials/{id}/certificate.pdf", BROKEN_ID))
                .andExpect(status().isServiceUnavailable())
                .andExpect(
                        content().string(org.hamcrest.Matchers.containsString("badge-service</span> is unavailable")));
        assertThat(BADGE.requests())
                .doesNotContain("/credentials/a%20b/certificate.pdf", "/credentials/a b/certificate.pdf");
    }

    @Test
    void keepsTheAccessibilityBasicsOnCredentialPages() throws Exception {
        Accessibility.assertBasics(page(CREDENTIAL_ID));
        Accessibility.assertBasics(page(REVOKED_ID));
        Accessibility.assertBasics(mvc.perform(get("/credentials/{id}", "a b"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
