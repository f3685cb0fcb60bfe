package org.credstack.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.credstack.catalog.CatalogIntegrationTest;
import org.credstack.catalog.importing.SampleImports.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every sample record imported over HTTP the way {@code samples/import-catalog.sh} sends it, twice: the first run
 * creates the catalog, the second changes nothing. Both runs happen once for the class; the tests look at what
 * they answered, stored and published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleCatalogImportIT extends CatalogIntegrationTest {

    private static final String SCHOL = "badgeclasses/fresno-state-library/schol.json (+issuer)";
    private static final String AI_LITERACY = "badgeclasses/fresno-state-library/aiLiteracy.json (+issuer)";
    private static final String USU = "ctdl/usu-empowering-teaching-excellence_badge-pathway.json";
    private static final String UNT = "ctdl/unt-french-ba-marketable-skills_badge-pathway.json";
    private static final String COMPTIA_PATHWAY = "ctdl/comptia-it-networking-specialist_pathway.jsonld";
    private static final String PUBLISHED = "org.credstack.catalog.CredentialPublished.v1";

    private final Map<String, Answer> firstRun = new LinkedHashMap<>();
    private final Map<String, Answer> secondRun = new LinkedHashMap<>();
    private long storedBefore;
    private long storedAfterFirstRun;
    private List<String> createdIds;
    private Map<String, List<String>> eventTypesAfterFirstRun;
    private Map<String, Document> documentsAfterFirstRun;
    private Map<String, List<String>> eventTypesAfterSecondRun;
    private Map<String, Document> documentsAfterSecondRun;
    private long providersAfterFirstRun;
    private long providersAfterSecondRun;

    @BeforeAll
    void importEverySampleTwice() {
        storedBefore = storedCredentials();
        SampleImports.all().forEach(r -> firstRun.put(r.label(), post(r.path(), r.contentType(), r.body())));
        storedAfterFirstRun = storedCredentials();
        createdIds = outcomes(firstRun)
                .filter(o -> o.get("change").asString().equals("CREATED"))
                .map(o -> o.get("credentialId").asString())
                .toList();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> eventTypes(createdIds).values().stream().allMatch(types -> !types.isEmpty())
                        && nothingPending(createdIds));
        eventTypesAfterFirstRun = eventTypes(createdIds);
        documentsAfterFirstRun = documents(createdIds);
        providersAfterFirstRun = mongo.getCollection("providers").countDocuments();

        SampleImports.all().forEach(r -> secondRun.put(r.label(), post(r.path(), r.contentType(), r.body())));
        eventTypesAfterSecondRun = eventTypes(createdIds);
        documentsAfterSecondRun = documents(createdIds);
        providersAfterSecondRun = mongo.getCollection("providers").countDocuments();
    }

    @Test
    void answersEverySampleFileAsTheScriptExpects() {
        Map<String, Integer> created = new LinkedHashMap<>();
        firstRun.forEach((label, answer) -> {
            if (answer.status() == 200) {
                assertThat(answer.body().get("credentials").findValuesAsString("change"))
                        .as(label)
                        .containsOnly("CREATED");
                assertThat(answer.body().get("credentials").findValues("version"))
                        .as(label)
                        .allSatisfy(v -> assertThat(v.asInt()).isEqualTo(1));
                created.put(label, answer.body().get("credentials").size());
            } else {
                created.put(label, -answer.status());
            }
        });

        assertThat(created)
                .containsExactlyInAnyOrderEntriesOf(expectedCreatedPerFile())
                .hasSize(34);
        assertThat(firstRun.keySet())
                .startsWith("ctdl/uakron_physics-polymer_bachelor.json")
                .endsWith(SCHOL);
        assertThat(firstRun.get("ctdl/comptia-a-plus_certification.json")
                        .body()
                        .get("source")
                        .asString())
                .isEqualTo("ctdl/comptia-a-plus_certification.json");
    }

    @Test
    void refusesTheTwoBrokenFresnoFilesWithTheirProblemsAndStoresNothingOfThem() {
        Answer schol = firstRun.get(SCHOL);
        assertThat(schol.status()).isEqualTo(400);
        assertThat(schol.contentType()).isEqualTo("application/problem+json");
        assertThat(schol.body().get("type").asString()).isEqualTo("urn:credstack:problem:not-json");
        assertThat(schol.body().get("source").asString()).isEqualTo("badgeclasses/fresno-state-library/schol.json");
        assertThat(schol.body().get("errors").get(0).get("pointer").asString()).isEmpty();
        assertThat(schol.body().get("errors").get(0).get("message").asString())
                .startsWith("not valid JSON at line 2, column 1");

        Answer aiLiteracy = firstRun.get(AI_LITERACY);
        assertThat(aiLiteracy.status()).isEqualTo(422);
        assertThat(aiLiteracy.contentType()).isEqualTo("application/problem+json");
        assertThat(aiLiteracy.body().get("type").asString()).isEqualTo("urn:credstack:problem:import-rejected");
        assertThat(aiLiteracy.body().get("errors").findValuesAsString("pointer"))
                .containsExactly("/0/image", "/0/id");
        assertThat(aiLiteracy.body().get("errors").get(1).get("message").asString())
                .contains("library-basics.json");

        assertThat(storedAfterFirstRun - storedBefore)
                .isEqualTo(createdIds.size())
                .isEqualTo(162);
        assertThat(mongo.getCollection(CREDENTIALS)
                        .countDocuments(new Document(
                                "content.title", new Document("$in", List.of("Scholarly Articles", "AI Literacy")))))
                .isZero();
    }

    @Test
    void holdsEveryComponentAndTheStackOfEachPathway() {
        assertThat(credentialsOfProvider(USU)).isEqualTo(92 + 1);
        assertThat(credentialsOfProvider(UNT)).isEqualTo(30 + 1);
        assertThat(outcomes(COMPTIA_PATHWAY)).hasSize(8 + 1);
        assertThat(search("stackableInto=" + stackId(COMPTIA_PATHWAY) + "&size=100"))
                .extracting(c -> c.get("content").get("title").asString().strip())
                .containsExactlyInAnyOrder(
                        "CompTIA A+",
                        "CompTIA Network+",
                        "CompTIA Security+",
                        "CompTIA Linux+",
                        "CompTIA Server+",
                        "CompTIA Cloud+",
                        "CompTIA Project+",
                        "CompTIA Cloud Essentials+");
        assertThat(credential(stackId(USU)).get("content").get("kind").asString())
                .isEqualTo("STACK");
        assertThat(credential(stackId(USU)).get("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void keepsTheNOfMRulesOfThePathwayStacks() {
        JsonNode usu = credential(stackId(USU)).get("content").get("stackRule");
        assertThat(usu.get("label").asString()).isEqualTo("Teaching Excellence Pathway");
        assertThat(usu.get("requiredNumber").asInt()).isEqualTo(2);
        JsonNode master = rule(usu, "Master Teacher Certificate");
        assertThat(nOfM(rule(master, "Master Contribute Level: Requires 4 of 21 items.")))
                .isEqualTo("4 of 21");
        assertThat(nOfM(rule(master, "Master Implement Level: Requires 6 of 32 items.")))
                .isEqualTo("6 of 32");
        assertThat(nOfM(rule(master, "Master Engage Level: Requires 10 of 31 items.")))
                .isEqualTo("10 of 31");
        assertThat(nOfM(rule(usu, "Scholar Engage Level: Requires 6 of 31 items.")))
                .isEqualTo("6 of 31");
        List<String> usuIds = outcomes(USU).stream()
                .map(o -> o.get("credentialId").asString())
                .toList();
        assertThat(rules(usu).flatMap(r -> r.get("credentialIds").valueStream()).map(JsonNode::asString))
                .isNotEmpty()
                .allSatisfy(id -> assertThat(usuIds).contains(id));

        JsonNode unt = credential(stackId(UNT)).get("content").get("stackRule");
        List<JsonNode> twoOfFour = rules(unt)
                .filter(r -> r.get("label").asString().endsWith("Requires 2 of 4 items."))
                .toList();
        assertThat(twoOfFour).hasSize(6).allSatisfy(r -> assertThat(nOfM(r)).isEqualTo("2 of 4"));
        assertThat(rule(unt, "French 2040/2050: Requires 2 of 4 items.")
                        .get("credentialIds")
                        .valueStream()
                        .map(id -> credential(id.asString())
                                .get("content")
                                .get("title")
                                .asString()))
                .containsExactly(
                        "In Class Oral Participation (FREN 2050)",
                        "In Class Oral Presentation (FREN 2050)",
                        "Guided Writing (FREN 2040)",
                        "In Class Oral Participation (FREN 2040)");
    }

    @Test
    void findsImportedCredentialsBySkillTextCategoryAndStack() {
        assertThat(titles(search("skill=cpr&category=INDUSTRY_SPECIFIC"))).contains("Basic Life Support Certification");
        assertThat(titles(search("q=polymer"))).contains("Physics - Polymer");
        assertThat(titles(search("q=fren 2040&stackableInto=" + stackId(UNT)))).contains("Guided Writing (FREN 2040)");
        assertThat(titles(search("category=TECHNICAL&q=information security")))
                .contains("Competence in Information security at level 7");
        assertThat(titles(search("stackableInto=" + stackId(UNT) + "&size=100")))
                .contains("Guided Writing (FREN 2040)", "Critical Thinking in French")
                .doesNotContain("French B.A. Marketable Skills");
    }

    @Test
    void findsImportedCredentialsByTheOccupationOrIndustryTheyAreAlignedTo() {
        assertThat(titles(search("goal=NAICS:541511"))).contains("CompTIA A+");
        assertThat(titles(search("goal=Standard Occupational Classification:29-1141.00")))
                .contains("B.S. in Nursing (Pre-Licensure)");
        assertThat(get("/api/v1/goals").body().get("items").findValuesAsString("goal"))
                .contains("NAICS:541511", "Standard Occupational Classification:29-1141.00");
    }

    @Test
    void publishesOneCredentialPublishedPerCreatedCredential() {
        assertThat(eventTypesAfterFirstRun).hasSize(162);
        assertThat(eventTypesAfterFirstRun.values())
                .allSatisfy(types -> assertThat(types).containsExactly(PUBLISHED));
    }

    @Test
    void reimportingEveryFileChangesNothingAndPublishesNothing() {
        assertThat(secondRun.keySet()).containsExactlyElementsOf(firstRun.keySet());
        secondRun.forEach((label, answer) -> {
            Answer first = firstRun.get(label);
            assertThat(answer.status()).as(label).isEqualTo(first.status());
            if (answer.status() == 200) {
                assertThat(answer.body().get("credentials").findValuesAsString("change"))
                        .as(label)
                        .containsOnly("UNCHANGED");
                assertThat(answer.body().get("credentials").findValuesAsString("credentialId"))
                        .as(label)
                        .isEqualTo(first.body().get("credentials").findValuesAsString("credentialId"));
            } else {
                assertThat(answer.body().get("errors"))
                        .as(label)
                        .isEqualTo(first.body().get("errors"));
            }
        });
        assertThat(documentsAfterSecondRun).isEqualTo(documentsAfterFirstRun);
        assertThat(providersAfterSecondRun).isEqualTo(providersAfterFirstRun);
        assertThat(eventTypesAfterSecondRun).isEqualTo(eventTypesAfterFirstRun);
        assertThat(nothingPending(createdIds)).isTrue();
    }

    @Test
    void importingAnEditedSampleRevisesItAsVersionTwo() {
        Request original = SampleImports.all().stream()
                .filter(r -> r.label().equals("badgeclasses/cognipilot-ob3/gold-member-2026.json"))
                .findFirst()
                .orElseThrow();
        ObjectNode edited = (ObjectNode) json.readTree(original.body());
        edited.put("description", "Gold members support CogniPilot for the whole of 2026.");
        String id = outcomes(original.label()).getFirst().get("credentialId").asString();

        Answer revised =
                post(original.path(), "application/json", edited.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        JsonNode outcome = revised.body().get("credentials").get(0);
        assertThat(outcome.get("change").asString()).isEqualTo("REVISED");
        assertThat(outcome.get("version").asInt()).isEqualTo(2);
        assertThat(outcome.get("credentialId").asString()).isEqualTo(id);
        assertThat(credential(id).get("content").get("description").asString())
                .isEqualTo("Gold members support CogniPilot for the whole of 2026.");
        assertThat(get("/api/v1/credentials/" + id + "/versions/1")
                        .body()
                        .get("content")
                        .get("description")
                        .asString())
                .isNotEqualTo("Gold members support CogniPilot for the whole of 2026.");
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> eventTypes(List.of(id)).get(id),
                        types -> types.equals(List.of(PUBLISHED, "org.credstack.catalog.CredentialRevised.v1")));
    }

    private static Map<String, Integer> expectedCreatedPerFile() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        Stream.of(
                        "ctdl/uakron_physics-polymer_bachelor.json",
                        "ctdl/coffeyville-cc_medical-lab-tech_aas.sandbox.graph.json",
                        "ctdl/iu-south-bend_bsn_bachelor.sandbox.graph.json",
                        "ctdl/comptia-a-plus_certification.json",
                        "ctdl/nocti-21st-century-skills_certification.graph.json",
                        "ctdl/nbcot-cota_certification.2017-import.json")
                .forEach(file -> expected.put(file, 1));
        expected.put(COMPTIA_PATHWAY, 9);
        expected.put(USU, 93);
        expected.put(UNT, 31);
        SampleImports.all().stream()
                .map(Request::label)
                .filter(label -> label.startsWith("badgeclasses/"))
                .forEach(label -> expected.put(label, 1));
        expected.put(SCHOL, -400);
        expected.put(AI_LITERACY, -422);
        return expected;
    }

    private static Stream<JsonNode> outcomes(Map<String, Answer> run) {
        return run.values().stream()
                .filter(a -> a.status() == 200)
                .flatMap(a -> a.body().get("credentials").valueStream());
    }

    private List<JsonNode> outcomes(String label) {
        return firstRun.get(label).body().get("credentials").valueStream().toList();
    }

    /** The stack of a pathway file: the import lists it after its components. */
    private String stackId(String label) {
        return outcomes(label).getLast().get("credentialId").asString();
    }

    private JsonNode credential(String id) {
        Answer answer = get("/api/v1/credentials/" + id);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private long credentialsOfProvider(String label) {
        String provider =
                credential(stackId(label)).get("content").get("providerId").asString();
        return get("/api/v1/credentials?size=1&providerId=" + provider)
                .body()
                .get("page")
                .get("totalElements")
                .asLong();
    }

    private List<JsonNode> search(String query) {
        Answer answer = get("/api/v1/credentials?" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body().get("items").valueStream().toList();
    }

    private static List<String> titles(List<JsonNode> credentials) {
        return credentials.stream()
                .map(c -> c.get("content").get("title").asString())
                .toList();
    }

    private static Stream<JsonNode> rules(JsonNode rule) {
        return Stream.concat(Stream.of(rule), rule.get("rules").valueStream().flatMap(SampleCatalogImportIT::rules));
    }

    private static JsonNode rule(JsonNode root, String label) {
        return rules(root)
                .filter(r -> r.get("label").asString().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + label));
    }

    /** "N of M": the rule's required number and its number of children (components and nested rules). */
    private static String nOfM(JsonNode rule) {
        int children = rule.get("credentialIds").size() + rule.get("rules").size();
        return rule.get("requiredNumber").asInt() + " of " + children;
    }

    /** The catalog event types per credential id, in topic order. */
    private Map<String, List<String>> eventTypes(List<String> ids) {
        Map<String, List<String>> types = new LinkedHashMap<>();
        ids.forEach(id -> types.put(id, new ArrayList<>()));
        catalogEvents().stream()
                .filter(r -> types.containsKey(r.key()))
                .forEach(r -> types.get(r.key()).add(r.header("ce_type")));
        return types;
    }

    private boolean nothingPending(List<String> ids) {
        return mongo.getCollection(CREDENTIALS)
                        .countDocuments(new Document("_id", new Document("$in", ids))
                                .append("pendingEvents.0", new Document("$exists", true)))
                == 0;
    }

    private Map<String, Document> documents(List<String> ids) {
        Map<String, Document> byId = new LinkedHashMap<>();
        StreamSupport.stream(
                        mongo.getCollection(CREDENTIALS)
                                .find(new Document("_id", new Document("$in", ids)))
                                .spliterator(),
                        false)
                .forEach(d -> byId.put(d.getString("_id"), d));
        return byId;
    }
}
