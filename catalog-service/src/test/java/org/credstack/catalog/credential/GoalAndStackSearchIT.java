package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Search by goal (an alignment's framework and code), the stacks a credential counts toward ({@code componentOf}),
 * and the goals to choose from ({@code GET /api/v1/goals}). Search is scoped to this class's provider; goal codes
 * carry this run's id where the goal list is counted, since that list spans every provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoalAndStackSearchIT extends CredentialIntegrationTest {

    static final String ESCO_DEVELOPER = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1";

    final String run = UUID.randomUUID().toString().substring(0, 8);
    String provider;
    String developer;
    String analyst;
    String europe;
    String pathway;
    String wider;
    String capstone;

    @BeforeAll
    void seed() {
        provider = newProvider("Goal Academy " + run);
        developer = published(aligned(
                "Java Developer",
                onet("15-1252.00", "Software Developers"),
                new Alignment("NAICS", null, "5415", null, "Computer Systems Design and Related Services"),
                new Alignment("SFIA", "9", "PROG-" + run, null, "Programming/software development")));
        analyst = published(aligned(
                "Data Analyst",
                onet("15-1252.00", "Software Developers"),
                onet("15-2051.00", "Data Scientists"),
                new Alignment("SFIA", "9", "PROG-" + run, null, "Programming/software development")));
        europe = published(aligned(
                "ESCO Developer",
                new Alignment("ESCO", "1.2", ESCO_DEVELOPER, ESCO_DEVELOPER, "software developer"),
                new Alignment("Job board", null, null, null, "Any developer job")));
        String retired = published(aligned("Old Developer", onet("15-1252.00", "Software Developers")));
        post("/api/v1/credentials/" + retired + "/retire", null);
        newDraft(aligned("Draft Developer", onet("15-1252.00", "Software Developers")));

        pathway = published(TestDrafts.stack("Developer Pathway " + run, provider, developer, analyst));
        wider = published(TestDrafts.stack("Wider Pathway " + run, provider, analyst, europe));
        capstone = published(TestDrafts.stack("Capstone " + run, provider, pathway));
        String oldStack = published(TestDrafts.stack("Old Pathway " + run, provider, developer));
        post("/api/v1/credentials/" + oldStack + "/retire", null);
        newDraft(TestDrafts.stack("Draft Pathway " + run, provider, developer));
    }

    @Test
    void findsPublishedCredentialsByAnAlignmentsFrameworkAndCode() {
        assertThat(titles("goal=O*NET-SOC:15-1252.00")).containsExactly("Data Analyst", "Java Developer");
        assertThat(titles("goal=NAICS:5415")).containsExactly("Java Developer");
        assertThat(titles("goal=O*NET-SOC:15-2051.00")).containsExactly("Data Analyst");
        assertThat(titles("goal=O*NET-SOC:99-9999.00")).isEmpty();
    }

    @Test
    void matchesAGoalWithoutRegardToCaseOrSpacesAndKeepsColonsInTheCode() {
        assertThat(titles("goal=o*net-soc: 15-1252.00 ")).containsExactly("Data Analyst", "Java Developer");
        assertThat(titles("goal=sfia:prog-" + run)).containsExactly("Data Analyst", "Java Developer");
        assertThat(titles("goal=ESCO:" + ESCO_DEVELOPER)).containsExactly("ESCO Developer");
    }

    @Test
    void combinesTheGoalWithOtherFilters() {
        assertThat(titles("goal=O*NET-SOC:15-1252.00&q=analyst")).containsExactly("Data Analyst");
        assertThat(titles("goal=O*NET-SOC:15-1252.00&status=RETIRED")).containsExactly("Old Developer");
    }

    @Test
    void refusesAGoalThatIsNotFrameworkAndCode() {
        for (String bad : List.of("15-1252.00", "O*NET-SOC:", ":15-1252.00", "", "O*NET-SOC:%0A15")) {
            Answer answer = getExactly("/api/v1/credentials?goal=" + bad.replace("*", "%2A"));

            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.body().get("errors").findValuesAsString("field"))
                    .as(bad)
                    .containsExactly("goal");
        }
        assertThat(get("/api/v1/credentials?goal=O*NET-SOC:" + "9".repeat(Goal.MAX_LENGTH))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void listsThePublishedStacksACredentialCountsToward() {
        assertThat(titles("componentOf=" + developer)).containsExactly("Developer Pathway " + run);
        assertThat(titles("componentOf=" + analyst))
                .containsExactly("Developer Pathway " + run, "Wider Pathway " + run);
        assertThat(titles("componentOf=" + pathway)).containsExactly("Capstone " + run);
        assertThat(titles("componentOf=" + capstone)).isEmpty();
    }

    @Test
    void answersNotFoundForTheStacksOfAnUnknownCredential() {
        Answer answer = get("/api/v1/credentials?componentOf=no-such-credential");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("type").asString()).isEqualTo("urn:credstack:problem:not-found");
    }

    @Test
    void listsThePublishedCatalogsGoalsWithLabelsFrameworksAndCounts() {
        JsonNode goals = get("/api/v1/goals").body().get("items");

        assertThat(goal(goals, "SFIA:PROG-" + run).toString())
                .isEqualTo("{\"goal\":\"SFIA:PROG-" + run + "\",\"framework\":\"SFIA\",\"code\":\"PROG-" + run
                        + "\",\"label\":\"Programming/software development\",\"credentials\":2}");
        assertThat(goal(goals, "ESCO:" + ESCO_DEVELOPER).get("label").asString())
                .isEqualTo("software developer");
        assertThat(goals.findValuesAsString("label"))
                .as("a label alone is no goal")
                .doesNotContain("Any developer job");
        List<String> frameworks = goals.findValuesAsString("framework");
        assertThat(frameworks).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(get("/api/v1/goals").status()).isEqualTo(200);
    }

    @Test
    void listsAGoalOnceACredentialAlignedToItIsPublishedAndNoLongerOnceItIsRetired() {
        String code = "NEW-" + run;
        assertThat(findGoal(get("/api/v1/goals").body().get("items"), "SFIA:" + code))
                .isNull();

        String fresh = published(aligned("Fresh " + run, new Alignment("SFIA", null, code, null, "New skill")));
        JsonNode afterPublish = findGoal(get("/api/v1/goals").body().get("items"), "SFIA:" + code);
        post("/api/v1/credentials/" + fresh + "/retire", null);
        JsonNode afterRetire = findGoal(get("/api/v1/goals").body().get("items"), "SFIA:" + code);

        assertThat(afterPublish).isNotNull();
        assertThat(afterPublish.get("credentials").asInt()).isEqualTo(1);
        assertThat(afterRetire).isNull();
    }

    @Test
    void answersTheGoalsWithoutAToken() {
        token = null;
        try {
            assertThat(get("/api/v1/goals").status()).isEqualTo(200);
        } finally {
            token = org.credstack.testsupport.security.TestTokens.operator();
        }
    }

    private static JsonNode goal(JsonNode goals, String value) {
        JsonNode found = findGoal(goals, value);
        assertThat(found).as(value + " in " + goals).isNotNull();
        return found;
    }

    private static JsonNode findGoal(JsonNode goals, String value) {
        for (JsonNode g : goals) {
            if (g.get("goal").asString().equals(value)) {
                return g;
            }
        }
        return null;
    }

    private List<String> titles(String query) {
        Answer answer = get("/api/v1/credentials?providerId=" + provider + "&" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        answer.body()
                .get("items")
                .forEach(item -> titles.add(item.get("content").get("title").asString()));
        return titles;
    }

    private static Alignment onet(String code, String label) {
        return new Alignment("O*NET-SOC", "29.1", code, "https://www.onetonline.org/link/summary/" + code, label);
    }

    private CredentialDraft aligned(String title, Alignment... alignments) {
        CredentialDraft micro = TestDrafts.micro(title, provider);
        return new CredentialDraft(
                micro.title(),
                micro.description(),
                micro.kind(),
                micro.category(),
                micro.providerId(),
                micro.ctid(),
                micro.skills(),
                List.of(alignments),
                micro.deliveryModes(),
                micro.level(),
                micro.estimatedDuration(),
                micro.cost(),
                micro.assignments(),
                micro.completionRule(),
                micro.validityPeriod(),
                micro.renewalPolicy(),
                micro.image(),
                micro.stackRule());
    }
}
