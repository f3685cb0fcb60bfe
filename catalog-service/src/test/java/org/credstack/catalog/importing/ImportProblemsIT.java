package org.credstack.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.credstack.catalog.CatalogIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The problem answers of {@code POST /api/v1/imports} on the running service: every client mistake is a 4xx
 * {@code application/problem+json} of the service's one scheme, and none stores anything.
 */
class ImportProblemsIT extends CatalogIntegrationTest {

    private static final String AI_LITERACY = "badgeclasses/fresno-state-library/aiLiteracy.json";
    private static final String GOLD = "badgeclasses/cognipilot-ob3/gold-member-2026.json";

    private long storedBefore;

    @BeforeEach
    void countStored() {
        storedBefore = storedCredentials();
    }

    @AfterEach
    void storedNothing() {
        assertThat(storedCredentials()).isEqualTo(storedBefore);
    }

    @Test
    void answers400NotJsonForABodyThatIsNotJson() {
        JsonNode problem = problem(
                importing("source=schol.json", Samples.bytes("badgeclasses/fresno-state-library/schol.json")),
                400,
                "not-json");

        assertThat(problem.get("source").asString()).isEqualTo("schol.json");
        assertThat(problem.get("detail").asString()).startsWith("schol.json cannot be imported");
        assertThat(error(problem, 0, "pointer")).isEmpty();
        assertThat(error(problem, 0, "message")).startsWith("not valid JSON at line 2, column 1");
    }

    @Test
    void answers400NotJsonForAnEmptyBody() {
        JsonNode problem = problem(importing("", new byte[0]), 400, "not-json");

        assertThat(error(problem, 0, "message")).isEqualTo("the body is empty");
    }

    @Test
    void answers422NamingEachBrokenFieldOfARecordByPointer() {
        JsonNode problem =
                problem(importing("source=" + AI_LITERACY, Samples.bytes(AI_LITERACY)), 422, "import-rejected");

        assertThat(problem.get("errors").findValuesAsString("pointer")).containsExactly("/image", "/id");
        assertThat(error(problem, 0, "message")).contains("image is required");
        assertThat(error(problem, 1, "message")).contains("library-basics.json, not aiLiteracy.json");
    }

    @Test
    void answers422AskingForTheProviderOfARecordThatNamesNone() {
        JsonNode problem = problem(
                importing("format=ctdl", Samples.bytes("ctdl/nbcot-cota_certification.2017-import.json")),
                422,
                "import-rejected");

        assertThat(error(problem, 0, "pointer")).isEqualTo("/ceterms:ownedBy");
        assertThat(error(problem, 0, "message")).contains("query parameter provider");
    }

    @Test
    void answers422NamingTheRecordFieldWhenTheCatalogRefusesTheBatch() {
        JsonNode problem = problem(importing("", Samples.bundle(GOLD, GOLD)), 422, "import-rejected");

        assertThat(error(problem, 0, "field"))
                .isEqualTo("credentials[https://credentials.cognipilot.org/achievements/gold-member-2026].sourceKey");
        assertThat(error(problem, 0, "message")).contains("occurs twice in the batch");
    }

    @Test
    void answers400NamingAnUnknownFormatOrCategory() {
        JsonNode format = problem(importing("format=xml", "{}".getBytes()), 400, "invalid-request");
        JsonNode category = problem(importing("category=cooking", Samples.bytes(GOLD)), 400, "invalid-request");

        assertThat(error(format, 0, "field")).isEqualTo("format");
        assertThat(error(format, 0, "message")).isEqualTo("'xml' is not one of [ctdl, openbadges]");
        assertThat(error(category, 0, "field")).isEqualTo("category");
        assertThat(error(category, 0, "message"))
                .isEqualTo("'cooking' is not one of [technical, soft_skill, industry_specific]");
    }

    @Test
    void quotesOnlyTheStartOfAHugeUnknownFormat() {
        JsonNode problem =
                problem(importing("format=" + "x".repeat(6000), Samples.bytes(GOLD)), 400, "invalid-request");

        assertThat(error(problem, 0, "field")).isEqualTo("format");
        assertThat(error(problem, 0, "message"))
                .hasSizeLessThan(200)
                .startsWith("'xxxx")
                .contains("…' is not one of");
        assertThat(problem.get("detail").asString()).hasSizeLessThan(300);
    }

    @Test
    void answers422ForJsonThatHoldsNoObject() {
        for (String format : new String[] {"", "format=ctdl", "format=openbadges"}) {
            assertThat(error(problem(importing(format, "null".getBytes()), 422, "import-rejected"), 0, "message"))
                    .as(format)
                    .isEqualTo("expected a JSON object, found NULL");
            assertThat(error(problem(importing(format, "42".getBytes()), 422, "import-rejected"), 0, "pointer"))
                    .as(format)
                    .isEmpty();
            assertThat(error(problem(importing(format, "[]".getBytes()), 422, "import-rejected"), 0, "message"))
                    .as(format)
                    .isEqualTo("an empty array holds nothing to import");
        }
    }

    @Test
    void answers422NamingTheElementOfAnArrayThatIsNoObject() {
        String gold = new String(Samples.bytes(GOLD), StandardCharsets.UTF_8);
        for (String format : new String[] {"", "format=openbadges"}) {
            JsonNode problem = problem(
                    importing(format, ("[" + gold + ", \"issuer\", 7]").getBytes(StandardCharsets.UTF_8)),
                    422,
                    "import-rejected");

            assertThat(problem.get("errors").findValuesAsString("pointer")).containsExactly("/1", "/2");
            assertThat(error(problem, 1, "message")).isEqualTo("expected a JSON object, found NUMBER");
        }
        JsonNode graph = problem(importing("", "{\"@graph\": [{}, [1]]}".getBytes()), 422, "import-rejected");
        assertThat(error(graph, 0, "pointer")).isEqualTo("/@graph/1");
    }

    @Test
    void answers422ForABadgeWhoseImageOrCriteriaIsAJavascriptUrl() {
        String gold = new String(Samples.bytes(GOLD), StandardCharsets.UTF_8);
        String image = gold.replace(
                "https://credentials.cognipilot.org/images/badges/GoldMember2026.svg", "javascript:alert(1)");
        String criteria = gold.replace("\"criteria\": {", "\"criteria\": {\"id\": \"javascript:alert(1)\",");

        JsonNode imageProblem = problem(importing("", image.getBytes(StandardCharsets.UTF_8)), 422, "import-rejected");
        JsonNode criteriaProblem =
                problem(importing("", criteria.getBytes(StandardCharsets.UTF_8)), 422, "import-rejected");

        assertThat(imageProblem.toString()).contains("image");
        assertThat(criteriaProblem.toString()).contains("activityId");
    }

    @Test
    void answers415ProblemForABodyThatIsNotDeclaredJson() {
        Answer text = post("/api/v1/imports", "text/plain", Samples.bytes(GOLD));
        Answer none = post("/api/v1/imports", null, Samples.bytes(GOLD));

        JsonNode problem = problem(text, 415, "unsupported-media-type");
        assertThat(problem.get("detail").asString()).contains("text/plain");
        assertThat(none.status()).isEqualTo(415);
        assertThat(none.contentType()).isEqualTo("application/problem+json");
    }

    private Answer importing(String query, byte[] body) {
        return post("/api/v1/imports?" + query, "application/json", body);
    }

    /** Checks the parts every problem answer has, with exactly one of field and pointer per error. */
    private static JsonNode problem(Answer answer, int status, String name) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JsonNode body = answer.body();
        assertThat(body.get("type").asString()).isEqualTo("urn:credstack:problem:" + name);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        if (status != 415) {
            assertThat(body.get("errors").valueStream()).isNotEmpty().allSatisfy(error -> {
                assertThat(error.has("field") != error.has("pointer"))
                        .as(error.toString())
                        .isTrue();
                assertThat(error.get("message").asString()).isNotBlank();
            });
        }
        return body;
    }

    private static String error(JsonNode problem, int index, String property) {
        return problem.get("errors").get(index).get(property).asString();
    }
}
