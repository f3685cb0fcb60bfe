package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.catalog.credential.TestDrafts.micro;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.credstack.events.catalog.CatalogEvent;
import org.credstack.events.catalog.CredentialRetired;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.testsupport.TestBroker.Received;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CredentialLifecycleIT extends CredentialIntegrationTest {

    @Test
    void createPublishReviseRetireEmitsCatalogEventsKeyedByCredential() {
        String provider = newProvider("Lifecycle Academy");
        String id = newDraft(micro("Kafka Streams", provider));

        Answer draft = get("/api/v1/credentials/" + id);
        assertThat(draft.body().get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.body().get("version").isNull()).isTrue();

        assertThat(post("/api/v1/credentials/" + id + "/publish", null)
                        .body()
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        Answer revised =
                post("/api/v1/credentials/" + id + "/revisions", micro("Kafka Streams, 2nd edition", provider));
        assertThat(revised.status()).isEqualTo(201);
        assertThat(revised.location()).endsWith("/api/v1/credentials/" + id + "/versions/2");
        Answer retired = post("/api/v1/credentials/" + id + "/retire", null);
        assertThat(retired.body().get("status").asString()).isEqualTo("RETIRED");

        List<Received> events =
                await().atMost(Duration.ofSeconds(20)).until(() -> catalogEvents(id), list -> list.size() == 3);
        assertThat(events)
                .extracting(r -> r.envelope().data().getClass().getSimpleName())
                .containsExactly("CredentialPublished", "CredentialRevised", "CredentialRetired");
        assertThat(events)
                .extracting(
                        r -> ((CatalogEvent) r.envelope().data()).credential().version())
                .containsExactly(1, 2, 2);
        Received first = events.getFirst();
        assertThat(first.key()).isEqualTo(id);
        assertThat(first.header("ce_specversion")).isEqualTo("1.0");
        assertThat(first.header("ce_source")).isEqualTo("/credstack/catalog");
        assertThat(first.header("ce_type")).isEqualTo("org.credstack.catalog.CredentialPublished.v1");
        assertThat(first.header("ce_subject")).isEqualTo(id);
        assertThat(first.header("content-type")).isEqualTo("application/json");
        CredentialSnapshot snapshot = ((CatalogEvent) first.envelope().data()).credential();
        assertThat(snapshot.title()).isEqualTo("Kafka Streams");
        assertThat(snapshot.provider().id()).isEqualTo(provider);
        assertThat(snapshot.provider().timeZone()).isEqualTo("Europe/London");
        assertThat(events.getLast().envelope().data())
                .isInstanceOfSatisfying(
                        CredentialRetired.class,
                        e -> assertThat(e.credential().status()).isEqualTo("RETIRED"));

        await().atMost(Duration.ofSeconds(10)).until(() -> pendingEventsOf(id).isEmpty());
    }

    @Test
    void publishesTheRenewalGracePeriodAProviderSetsInTheDraft() {
        String provider = newProvider("Grace Academy");
        String body = json.writeValueAsString(micro("Renewable", provider)).replace("\"renewalPolicy\":null", """
                        "renewalPolicy":{"renewalWindow":"P60D","gracePeriod":"P30D","description":"Retake the quiz",\
                        "requirements":[],"reminderDaysBefore":[30]}""");
        Answer created = post("/api/v1/credentials", body);
        String id = created.body().get("id").asString();
        post("/api/v1/credentials/" + id + "/publish", null);

        List<Received> events =
                await().atMost(Duration.ofSeconds(20)).until(() -> catalogEvents(id), list -> list.size() == 1);
        CredentialSnapshot.RenewalPolicy policy = ((CatalogEvent)
                        events.getFirst().envelope().data())
                .credential()
                .renewalPolicy();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(policy.gracePeriod()).isEqualTo("P30D");
        assertThat(policy.renewalWindow()).isEqualTo("P60D");
        assertThat(get("/api/v1/credentials/" + id)
                        .body()
                        .at("/content/renewalPolicy/gracePeriod")
                        .asString())
                .isEqualTo("P30D");
    }

    @Test
    void publishedVersionsStayReadableAndUnchangedAfterRevisionAndRetirement() {
        String provider = newProvider("Versions Academy");
        String id = published(micro("Original title", provider));
        post("/api/v1/credentials/" + id + "/revisions", micro("Revised title", provider));
        post("/api/v1/credentials/" + id + "/retire", null);

        JsonNode versions = get("/api/v1/credentials/" + id + "/versions").body();
        assertThat(versions).hasSize(2);
        assertThat(get("/api/v1/credentials/" + id + "/versions/1")
                        .body()
                        .get("content")
                        .get("title")
                        .asString())
                .isEqualTo("Original title");
        Answer current = get("/api/v1/credentials/" + id);
        assertThat(current.body().get("version").asInt()).isEqualTo(2);
        assertThat(current.body().get("content").get("title").asString()).isEqualTo("Revised title");
        assertThat(get("/api/v1/credentials/" + id + "/versions/3").status()).isEqualTo(404);
    }

    @Test
    void refusesEditingPublishedAndRevisingRetiredCredentialWithConflict() {
        String provider = newProvider("Strict Academy");
        String id = published(micro("Strict", provider));

        Answer edit = put("/api/v1/credentials/" + id, micro("Changed", provider));
        post("/api/v1/credentials/" + id + "/retire", null);
        Answer revise = post("/api/v1/credentials/" + id + "/revisions", micro("Changed", provider));

        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.body().get("currentStatus").asString()).isEqualTo("PUBLISHED");
        assertThat(revise.status()).isEqualTo(409);
        assertThat(revise.contentType()).isEqualTo("application/problem+json");
        assertThat(get("/api/v1/credentials/" + id + "/versions").body()).hasSize(1);
    }

    @Test
    void consumerReadingFromOffsetZeroRebuildsTheCatalogAsTheApiShowsIt() {
        String provider = newProvider("Replay Academy");
        String a = published(micro("Replay A", provider));
        String b = published(micro("Replay B", provider));
        post("/api/v1/credentials/" + b + "/revisions", micro("Replay B v2", provider));
        post("/api/v1/credentials/" + a + "/retire", null);
        String stack = published(TestDrafts.stack("Replay stack", provider, b));

        Map<String, CredentialSnapshot> replica = await().atMost(Duration.ofSeconds(20))
                .until(
                        this::rebuild,
                        m -> m.containsKey(stack) && m.get(a).status().equals("RETIRED"));

        List<String> storedIds = mongo.getCollection(Credential.COLLECTION)
                .find(new Document("status", new Document("$ne", "DRAFT")))
                .map(d -> d.getString("_id"))
                .into(new java.util.ArrayList<>());
        assertThat(replica.keySet()).containsAll(storedIds);
        for (String id : storedIds) {
            JsonNode current = get("/api/v1/credentials/" + id).body();
            CredentialSnapshot snapshot = replica.get(id);
            assertThat(snapshot.status()).as(id).isEqualTo(current.get("status").asString());
            assertThat(snapshot.version())
                    .as(id)
                    .isEqualTo(current.get("version").asInt());
            assertThat(snapshot.publishedAt().toString())
                    .as(id)
                    .isEqualTo(current.get("publishedAt").asString());
            JsonNode content = current.get("content");
            assertThat(snapshot.title()).isEqualTo(content.get("title").asString());
            assertThat(snapshot.description())
                    .isEqualTo(content.get("description").asString());
            assertThat(snapshot.provider().id())
                    .isEqualTo(content.get("providerId").asString());
            assertThat((JsonNode) json.valueToTree(snapshot.assignments())).isEqualTo(content.get("assignments"));
            assertThat((JsonNode) json.valueToTree(snapshot.skills())).isEqualTo(content.get("skills"));
        }
    }

    @Test
    void publishesOpenApiDescriptionOfTheCatalogApi() {
        JsonNode paths = get("/v3/api-docs").body().get("paths");

        assertThat(paths.has("/api/v1/credentials/{id}/revisions")).isTrue();
        assertThat(paths.has("/api/v1/providers/{id}")).isTrue();
    }

    private Map<String, CredentialSnapshot> rebuild() {
        Map<String, CredentialSnapshot> replica = new HashMap<>();
        for (Received r : catalogEvents()) {
            CatalogEvent event = (CatalogEvent) r.envelope().data();
            replica.put(r.key(), event.credential());
        }
        return replica;
    }

    private List<?> pendingEventsOf(String id) {
        Document doc = mongo.getCollection(Credential.COLLECTION)
                .find(new Document("_id", id))
                .first();
        return doc.getList("pendingEvents", Object.class, List.of());
    }
}
