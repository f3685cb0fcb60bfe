package org.credstack.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.credstack.catalog.CatalogIntegrationTest;
import org.credstack.catalog.credential.Category;
import org.credstack.catalog.credential.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * Search reads by an index: the query document it sends names, at its top level, a plain equality on every field
 * of a declared index (or an {@code $in} on a one-field index), which is what the embedded store needs to read only
 * the documents the index names (docs/architecture.md, "Running it"); MongoDB's planner finds such fields anywhere.
 */
class SearchIndexUseIT extends CatalogIntegrationTest {

    @Autowired
    CredentialSearch search;

    @Test
    void readsByTheGoalIndex() {
        Document query = queryFor(filter("goal", "O*NET-SOC:15-1252.00"));

        assertThat(query.get("search.goals")).isEqualTo("o*net-soc:15-1252.00");
        assertThat(indexesReading(query)).containsExactly("search.goals");
    }

    @Test
    void readsTheStacksOfACredentialByTheComponentIdsIndex() {
        String credential = aCredential();

        Document query = queryFor(filter("componentOf", credential));

        assertThat(query.get("search.componentIds")).isEqualTo(credential);
        assertThat(indexesReading(query)).containsExactly("search.componentIds");
    }

    @Test
    void keepsTheIndexedEqualitiesAtTheTopWhenOtherFiltersCome() {
        CredentialQuery all = new CredentialQuery(
                Category.TECHNICAL,
                "Kafka",
                "p-1",
                null,
                null,
                new java.math.BigDecimal("100"),
                "EUR",
                40.0,
                null,
                null,
                "NAICS:5415",
                null,
                Status.PUBLISHED,
                "stream",
                null,
                null,
                null);

        Document query = queryFor(all);

        assertThat(indexesReading(query))
                .containsExactlyInAnyOrder(
                        "status+search.category", "search.skills", "search.providerId", "search.goals");
    }

    /** The query document search sends for this query. */
    private Document queryFor(CredentialQuery q) {
        return search.criteria(q.normalised()).getCriteriaObject();
    }

    /**
     * The declared indexes (named by their fields, {@code +} between) the query can be read by: a plain equality at
     * the top level on each field, or {@code $in} of plain values on the one field.
     */
    private List<String> indexesReading(Document query) {
        return mongo.indexOps(CREDENTIALS).getIndexInfo().stream()
                .filter(index -> !index.getName().equals("_id_"))
                .filter(index -> readsBy(index, query))
                .map(index -> String.join(
                        "+",
                        index.getIndexFields().stream().map(IndexField::getKey).toList()))
                .toList();
    }

    private static boolean readsBy(IndexInfo index, Document query) {
        List<String> fields =
                index.getIndexFields().stream().map(IndexField::getKey).toList();
        if (fields.stream().allMatch(field -> plain(query.get(field)))) {
            return true;
        }
        return fields.size() == 1
                && query.get(fields.getFirst()) instanceof Document operator
                && operator.size() == 1
                && operator.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(SearchIndexUseIT::plain);
    }

    private static boolean plain(Object value) {
        return value != null
                && !(value instanceof Document)
                && !(value instanceof Map<?, ?>)
                && !(value instanceof Collection<?>)
                && !(value instanceof Pattern);
    }

    private static CredentialQuery filter(String name, String value) {
        return new CredentialQuery(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                name.equals("componentOf") ? value : null,
                name.equals("goal") ? value : null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** A draft credential's id, made through the API. */
    private String aCredential() {
        String provider = post(
                        "/api/v1/providers",
                        Map.of("name", "Index Academy", "url", "https://example.org/index", "timeZone", "UTC"))
                .body()
                .get("id")
                .asString();
        Answer created = post(
                "/api/v1/credentials",
                Map.of(
                        "title", "Indexed",
                        "description", "A credential to search for",
                        "kind", "MICRO_CREDENTIAL",
                        "category", "TECHNICAL",
                        "providerId", provider,
                        "assignments",
                                List.of(Map.of(
                                        "id", "a1",
                                        "title", "Task",
                                        "activityId", "https://example.org/activities/index-a1",
                                        "moveOn", "Completed"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }
}
