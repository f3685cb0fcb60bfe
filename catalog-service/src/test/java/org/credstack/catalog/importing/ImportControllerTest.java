package org.credstack.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.credstack.catalog.credential.CatalogRuleViolation;
import org.credstack.catalog.credential.CredentialImports;
import org.credstack.catalog.credential.ImportBatch;
import org.credstack.catalog.credential.ImportResult;
import org.credstack.catalog.credential.ImportResult.Change;
import org.credstack.catalog.credential.ImportResult.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The HTTP answers of {@code POST /api/v1/imports} with the real parsers. The catalog core is replaced by a
 * recording stand-in (no broker or store is involved at this level); the end-to-end import runs once the core's
 * {@link CredentialImports} is merged.
 */
@WebMvcTest(ImportController.class)
@Import(ImportControllerTest.RecordingImports.class)
class ImportControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingImports imports;

    @BeforeEach
    void forget() {
        imports.batches.clear();
    }

    @Test
    void answersTheImportResultForABadgeSentWithItsIssuer() throws Exception {
        mvc.perform(post("/api/v1/imports")
                        .param("source", "fresno-state-library/plag1.json")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Samples.bundle(
                                "badgeclasses/fresno-state-library/plag1.json",
                                "badgeclasses/fresno-state-library/issuer.json")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("fresno-state-library/plag1.json"))
                .andExpect(jsonPath("$.credentials[0].sourceKey")
                        .value("https://kekoziar.github.io/fresnoStateLibrary-Badges/badges/plag1.json"))
                .andExpect(jsonPath("$.credentials[0].change").value("CREATED"));

        assertThat(imports.batches)
                .singleElement()
                .satisfies(batch -> assertThat(
                                batch.providers().getFirst().provider().name())
                        .isEqualTo("Fresno State Library"));
    }

    @Test
    void acceptsJsonLdWithFormatCategoryAndProvider() throws Exception {
        mvc.perform(post("/api/v1/imports")
                        .param("format", "ctdl")
                        .param("category", "industry_specific")
                        .param("provider", "University of North Texas")
                        .contentType("application/ld+json")
                        .content(Samples.bytes("ctdl/unt-french-ba-marketable-skills_badge-pathway.json")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.credentials.length()").value(31));

        ImportBatch batch = imports.batches.getFirst();
        assertThat(batch.providers().getFirst().provider().name()).isEqualTo("University of North Texas");
        assertThat(batch.credentials())
                .allSatisfy(c -> assertThat(c.draft().category().name()).isEqualTo("INDUSTRY_SPECIFIC"));
    }

    @Test
    void answers400ProblemForABodyThatIsNotJson() throws Exception {
        mvc.perform(post("/api/v1/imports")
                        .param("source", "fresno-state-library/schol.json")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Samples.bytes("badgeclasses/fresno-state-library/schol.json")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://credstack.org/problems/not-json"))
                .andExpect(jsonPath("$.title").value("The import is not JSON"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail", startsWith("fresno-state-library/schol.json cannot be imported")))
                .andExpect(jsonPath("$.errors[0].pointer").value(""))
                .andExpect(jsonPath("$.errors[0].message", startsWith("not valid JSON at line 2, column 1")));
        assertThat(imports.batches).isEmpty();
    }

    @Test
    void answers422ProblemNamingEachBrokenFieldAndStoresNothing() throws Exception {
        mvc.perform(post("/api/v1/imports")
                        .param("source", "badgeclasses/fresno-state-library/aiLiteracy.json")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Samples.bytes("badgeclasses/fresno-state-library/aiLiteracy.json")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://credstack.org/problems/import-rejected"))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.errors[0].pointer").value("/image"))
                .andExpect(jsonPath("$.errors[1].pointer").value("/id"))
                .andExpect(jsonPath("$.errors[1].message", containsString("library-basics.json")));
        assertThat(imports.batches).isEmpty();
    }

    @Test
    void answers422ForARecordWithoutProvider() throws Exception {
        mvc.perform(post("/api/v1/imports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Samples.bytes("ctdl/nbcot-cota_certification.2017-import.json")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].pointer").value("/ceterms:ownedBy"))
                .andExpect(jsonPath("$.errors[0].message", containsString("query parameter provider")));
    }

    @Test
    void answers400NamingAnUnknownParameterValue() throws Exception {
        mvc.perform(post("/api/v1/imports")
                        .param("format", "xml")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://credstack.org/problems/bad-parameter"))
                .andExpect(jsonPath("$.errors[0].field").value("format"))
                .andExpect(jsonPath("$.errors[0].message").value("'xml' is not one of [ctdl, openbadges]"));
    }

    @Test
    void answers422NamingTheRecordWhenTheCatalogRefusesTheBatch() throws Exception {
        mvc.perform(post("/api/v1/imports")
                        .param("source", RecordingImports.REFUSE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Samples.bytes("badgeclasses/cognipilot-ob3/gold-member-2026.json")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field")
                        .value("credentials[https://credentials.cognipilot.org/achievements/gold-member-2026].title"))
                .andExpect(jsonPath("$.errors[0].message").value("refused"));
    }

    /** Stands in for the catalog core: records each batch and answers every credential CREATED. */
    @TestConfiguration
    static class RecordingImports {

        static final String REFUSE = "refuse";

        final List<ImportBatch> batches = new ArrayList<>();

        @Bean
        CredentialImports credentialImports() {
            return new CredentialImports() {
                @Override
                public ImportResult importAll(ImportBatch batch) {
                    if (REFUSE.equals(batch.source())) {
                        throw new CatalogRuleViolation(
                                "credentials[" + batch.credentials().getFirst().sourceKey() + "].title", "refused");
                    }
                    batches.add(batch);
                    return new ImportResult(
                            batch.source(),
                            batch.credentials().stream()
                                    .map(c -> new Outcome(
                                            c.sourceKey(), "id-" + c.sourceKey().hashCode(), 1, Change.CREATED))
                                    .toList());
                }
            };
        }
    }
}
