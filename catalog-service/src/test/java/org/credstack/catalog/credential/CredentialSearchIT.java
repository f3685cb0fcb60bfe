package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Seeds one provider's small catalog and searches it; every query is scoped to that provider. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialSearchIT extends CredentialIntegrationTest {

    String provider;

    @BeforeAll
    void seed() {
        provider = newProvider("Search Academy");
        published(
                credential("Kafka Basics", Category.TECHNICAL, "Kafka", DeliveryMode.ONLINE, Cost.FREE, "PT8H", null));
        published(credential(
                "Leading Teams", Category.SOFT_SKILL, "Leadership", DeliveryMode.IN_PERSON, eur("300"), "P2W", "P2Y"));
        published(credential(
                "Mongo Modelling", Category.TECHNICAL, "MongoDB", DeliveryMode.HYBRID, eur("120"), "PT30H", "P1Y"));
        published(credential(
                "Care Compliance",
                Category.INDUSTRY_SPECIFIC,
                "Compliance",
                DeliveryMode.ONLINE,
                new Cost(new BigDecimal("50"), "USD"),
                "PT5H",
                "P3Y"));
        published(TestDrafts.stack("Data Engineer", provider, id("Kafka Basics"), id("Mongo Modelling")));
        newDraft(credential("Draft Only", Category.TECHNICAL, "Kafka", DeliveryMode.ONLINE, null, null, null));
        String retired =
                published(credential("Old Course", Category.TECHNICAL, "Cobol", DeliveryMode.ONLINE, null, null, null));
        post("/api/v1/credentials/" + retired + "/retire", null);
    }

    @Test
    void filtersByCategorySkillAndDeliveryMode() {
        assertThat(titles("category=TECHNICAL")).containsExactly("Data Engineer", "Kafka Basics", "Mongo Modelling");
        assertThat(titles("skill=kafka")).containsExactly("Kafka Basics");
        assertThat(titles("deliveryMode=IN_PERSON")).containsExactly("Leading Teams");
    }

    @Test
    void filtersByCost() {
        assertThat(titles("free=true")).containsExactly("Kafka Basics");
        assertThat(titles("free=false")).containsExactly("Care Compliance", "Leading Teams", "Mongo Modelling");
        assertThat(titles("maxCost=150&currency=EUR")).containsExactly("Kafka Basics", "Mongo Modelling");
        assertThat(titles("maxCost=150&currency=eur")).containsExactly("Kafka Basics", "Mongo Modelling");
    }

    @Test
    void filtersByDurationExpiryAndText() {
        assertThat(titles("maxHours=10")).containsExactly("Care Compliance", "Kafka Basics");
        assertThat(titles("expires=false")).containsExactly("Data Engineer", "Kafka Basics");
        assertThat(titles("expires=true")).containsExactly("Care Compliance", "Leading Teams", "Mongo Modelling");
        assertThat(titles("q=MODEL")).containsExactly("Mongo Modelling");
        assertThat(titles("q=leadership")).containsExactly("Leading Teams");
    }

    @Test
    void findsComponentsOfAStack() {
        String stack = search("q=data engineer").get("items").get(0).get("id").asString();

        assertThat(titles("stackableInto=" + stack)).containsExactly("Kafka Basics", "Mongo Modelling");
    }

    @Test
    void showsPublishedByDefaultAndOtherStatusesOnRequest() {
        assertThat(titles("")).hasSize(5).doesNotContain("Draft Only", "Old Course");
        assertThat(titles("status=DRAFT")).containsExactly("Draft Only");
        assertThat(titles("status=RETIRED")).containsExactly("Old Course");
    }

    @Test
    void sortsByCostAndDuration() {
        assertThat(titles("free=false&sort=cost,desc"))
                .containsExactly("Leading Teams", "Mongo Modelling", "Care Compliance");
        assertThat(titles("expires=true&sort=duration"))
                .containsExactly("Care Compliance", "Mongo Modelling", "Leading Teams");
    }

    @Test
    void pagesThroughResultsWithTotal() {
        JsonNode second = search("size=2&page=1");

        assertThat(second.get("page").get("totalElements").asLong()).isEqualTo(5);
        assertThat(second.get("page").get("totalPages").asInt()).isEqualTo(3);
        assertThat(second.get("page").get("size").asInt()).isEqualTo(2);
        assertThat(titlesOf(second)).containsExactly("Kafka Basics", "Leading Teams");
    }

    private List<String> titles(String query) {
        return titlesOf(search(query));
    }

    private JsonNode search(String query) {
        Answer answer = get("/api/v1/credentials?providerId=" + provider + (query.isEmpty() ? "" : "&" + query));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static List<String> titlesOf(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items")
                .forEach(item -> titles.add(item.get("content").get("title").asString()));
        return titles;
    }

    private String id(String title) {
        return search("q=" + title).get("items").get(0).get("id").asString();
    }

    private static Cost eur(String amount) {
        return new Cost(new BigDecimal(amount), "EUR");
    }

    private CredentialDraft credential(
            String title,
            Category category,
            String skill,
            DeliveryMode mode,
            Cost cost,
            String duration,
            String validity) {
        return new CredentialDraft(
                title,
                "About " + title,
                Kind.MICRO_CREDENTIAL,
                category,
                provider,
                null,
                List.of(skill),
                List.of(),
                Set.of(mode),
                null,
                duration,
                cost,
                List.of(TestDrafts.assignment("a1")),
                null,
                validity == null ? null : Period.parse(validity),
                null,
                null,
                null);
    }
}
