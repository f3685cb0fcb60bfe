package org.credstack.web.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.credstack.web.Accessibility;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

class ImportPagesIT extends StaffPagesBase {

    static final String DOCUMENT = """
            {"@context": "https://credreg.net/ctdl/schema/context/json",
             "@type": "ceterms:Certificate", "ceterms:ctid": "ce-3877cdec-0000-4000-8000-000000000001",
             "ceterms:name": {"en-US": "Networking Basics"}}""";

    static MockMultipartHttpServletRequestBuilder upload(String providerId) {
        return multipart("/provider/" + providerId + "/imports")
                .file(new MockMultipartFile(
                        "file", "networking.json", "application/json", DOCUMENT.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void showsTheUploadFormWithItsProgressDisplay() throws Exception {
        String html = mvc.perform(get("/provider/p-1/imports").with(staff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("enctype=\"multipart/form-data\"", "hx-post=\"/provider/p-1/imports\"")
                .contains(
                        "hx-indicator=\"#progress\"", "<span id=\"progress\" class=\"htmx-indicator\" role=\"status\">")
                .contains("<input id=\"file\" name=\"file\" type=\"file\"");
    }

    @Test
    void relaysTheFileToCatalogServiceAndShowsWhatHappenedToEachRecord() throws Exception {
        CATALOG.answer("POST", "/api/v1/imports", 200, "application/json", """
                {"source": "networking.json", "credentials": [
                  {"sourceKey": "ce-3877cdec-0000-4000-8000-000000000001", "credentialId": "c-1", "version": 1,
                   "change": "CREATED"},
                  {"sourceKey": "ce-3877cdec-0000-4000-8000-000000000002", "credentialId": "c-2", "version": 3,
                   "change": "REVISED"}]}""");

        String html = mvc.perform(upload(PROVIDER)
                        .param("format", "ctdl")
                        .param("category", "technical")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        StubService.Request relayed = only(catalogRequests(), "POST");
        assertThat(relayed.target()).isEqualTo("/api/v1/imports?format=ctdl&category=technical&source=networking.json");
        assertThat(relayed.authorization()).isEqualTo(BEARER);
        assertThat(relayed.body()).isEqualTo(DOCUMENT);
        assertThat(html)
                .contains(
                        "id=\"summary\" class=\"notice\" role=\"status\">2 credential(s) imported from networking.json.")
                .contains(
                        "<td>ce-3877cdec-0000-4000-8000-000000000001</td>\n          <td>created</td>\n          <td>1</td>")
                .contains("<td>revised</td>\n          <td>3</td>")
                .contains("href=\"/provider/credentials/c-2\"");
    }

    @Test
    void listsTheRefusedRecordsAndWhyWhenCatalogServiceRefusesTheFile() throws Exception {
        CATALOG.answer("POST", "/api/v1/imports", 422, "application/problem+json", """
                {"type": "urn:credstack:problem:import-rejected", "status": 422,
                 "title": "The document cannot be imported", "detail": "networking.json cannot be imported: 2 problems",
                 "source": "networking.json",
                 "errors": [{"pointer": "/0/ceterms:name", "message": "a credential has a name"},
                            {"field": "credentials[ce-3877cdec-0000-4000-8000-000000000002].estimatedDuration",
                             "message": "estimatedDuration is a positive ISO 8601 duration"}]}""");

        String html = mvc.perform(upload(PROVIDER).with(staff()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("role=\"alert\">catalog-service refused networking.json; nothing of it was imported.</p>")
                .contains("<caption>Refused records and why</caption>")
                .contains("<td><code>/0/ceterms:name</code></td>\n          <td>a credential has a name</td>")
                .contains(
                        "<td><code>credentials[ce-3877cdec-0000-4000-8000-000000000002].estimatedDuration</code></td>")
                .contains("<td>estimatedDuration is a positive ISO 8601 duration</td>");
    }

    @Test
    void answersAnHtmxUploadWithTheReportOnly() throws Exception {
        CATALOG.answer("POST", "/api/v1/imports", 422, "application/problem+json", """
                {"status": 422, "detail": "networking.json cannot be imported: a credential has a name",
                 "errors": [{"pointer": "/ceterms:name", "message": "a credential has a name"}]}""");

        String html = mvc.perform(upload(PROVIDER)
                        .header("HX-Request", "true")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .startsWith("<div id=\"report\"")
                .contains("<td><code>/ceterms:name</code></td>")
                .doesNotContain("<html");
    }

    @Test
    void namesTheFileFieldWhenNoFileIsChosenAndAsksCatalogServiceNothing() throws Exception {
        String html = mvc.perform(multipart("/provider/p-1/imports")
                        .file(new MockMultipartFile("file", "", "application/json", new byte[0]))
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("<input id=\"file\" name=\"file\" type=\"file\"")
                .contains("aria-invalid=\"true\" aria-describedby=\"file-error\">")
                .contains("id=\"file-error\" class=\"error\">file choose a CTDL or Open Badges JSON file to import<");
        mvc.perform(upload(PROVIDER).param("format", "csv").with(staff()).with(csrf()))
                .andExpect(status().isBadRequest());
        String tooLarge = mvc.perform(multipart("/provider/p-1/imports")
                        .file(new MockMultipartFile("file", "big.json", "application/json", new byte[1024 * 1024 + 1]))
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(tooLarge).contains("file is 1048577 bytes; catalog-service takes at most 1 MB (1048576 bytes)");
        assertThat(catalogRequests()).isEmpty();
    }

    @Test
    void showsCatalogServicesRefusalOfThePerson() throws Exception {
        CATALOG.answer("POST", "/api/v1/imports", 403, "application/problem+json", """
                {"status": 403, "detail": "not staff of provider acme"}""");

        String html = mvc.perform(upload(PROVIDER).with(staff()).with(csrf()))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("Nothing was imported. catalog-service refused: not staff of provider acme");
    }

    @Test
    void refusesAnImportIntoAnotherProvider() throws Exception {
        mvc.perform(upload(OTHER_PROVIDER).with(staff()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/provider/p-1/imports").with(otherStaff())).andExpect(status().isForbidden());

        assertThat(catalogRequests()).isEmpty();
    }
}
