package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/providers/{providerId}/credentials} (docs/provider-lists.md): the credentials a provider issued,
 * for its staff, newest first, paged, filtered by credential and revocation, read through the {@code providerId}
 * index.
 */
class ProviderAwardsIT extends IssuingIntegrationTest {

    @Test
    void listsTheProvidersAwardsNewestFirstPaged() {
        String provider = "prov-" + UUID.randomUUID();
        stored(provider, "cred-a", "Data Basics", "2026-03-01T09:00:00Z", false);
        String newest = stored(provider, "cred-b", "Data Advanced", "2026-03-03T09:00:00Z", true);
        String middle = stored(provider, "cred-a", "Data Basics", "2026-03-02T09:00:00Z", false);
        stored(provider + "-other", "cred-a", "Data Basics", "2026-03-04T09:00:00Z", false);

        JsonNode first = list(provider, "size=2", TestTokens.staff(provider));
        JsonNode second = list(provider, "size=2&page=1", TestTokens.staff(provider));

        assertThat(ids(first)).containsExactly(newest, middle);
        assertThat(first.at("/items/0/achievementName").asString()).isEqualTo("Data Advanced");
        assertThat(first.at("/items/0/learnerId").asString()).isEqualTo("learner-" + newest);
        assertThat(first.at("/items/0/issuedAt").asString()).isEqualTo("2026-03-03T09:00:00Z");
        assertThat(first.at("/items/0/validUntil").asString()).isEqualTo("2027-03-03T09:00:00Z");
        assertThat(first.at("/items/0/revoked").asBoolean()).isTrue();
        assertThat(first.at("/items/0/revocationReason").asString()).isEqualTo("issued in error");
        assertThat(first.at("/items/1/revoked").asBoolean()).isFalse();
        assertThat(first.at("/page/totalElements").asLong()).isEqualTo(3);
        assertThat(first.at("/page/totalPages").asInt()).isEqualTo(2);
        assertThat(ids(second)).hasSize(1);
    }

    @Test
    void filtersByCredentialAndRevocation() {
        String provider = "prov-" + UUID.randomUUID();
        String a1 = stored(provider, "cred-a", "Data Basics", "2026-03-01T09:00:00Z", false);
        stored(provider, "cred-b", "Data Advanced", "2026-03-02T09:00:00Z", false);
        String a2 = stored(provider, "cred-a", "Data Basics", "2026-03-03T09:00:00Z", true);

        assertThat(ids(list(provider, "credentialId=cred-a", TestTokens.operator())))
                .containsExactly(a2, a1);
        assertThat(ids(list(provider, "credentialId=cred-a&revoked=false", TestTokens.operator())))
                .containsExactly(a1);
        assertThat(ids(list(provider, "revoked=true", TestTokens.operator()))).containsExactly(a2);
    }

    @Test
    void anIssuedCredentialIsListedWithItsSignedAchievementNameAndTheIdItsRevocationTakes() {
        Journey journey = new Journey();
        BadgeIssued issued = journey.issueOne();

        JsonNode listed = list(journey.providerId, "", TestTokens.staff(journey.providerId));
        String id = listed.at("/items/0/id").asString();
        ResponseEntity<String> revoked = revoke(journey.providerId, id, "{\"reason\": \"issued in error\"}");

        assertThat(ids(listed)).hasSize(1);
        assertThat(listed.at("/items/0/publicUrl").asString()).isEqualTo(issued.badgeId());
        assertThat(listed.at("/items/0/learnerId").asString()).isEqualTo(journey.learnerId);
        assertThat(listed.at("/items/0/achievementName").asString())
                .isEqualTo(json.readTree(get(issued.badgeId()))
                        .at("/credentialSubject/achievement/name")
                        .asString())
                .isNotBlank();
        assertThat(revoked.getStatusCode().value()).as(revoked.getBody()).isEqualTo(200);
    }

    @Test
    void readsThroughAnIndexOnProviderId() {
        assertThat(mongo.indexOps(Badge.COLLECTION).getIndexInfo())
                .anySatisfy(index -> assertThat(index.isIndexForFields(List.of("providerId")))
                        .isTrue());
    }

    @Test
    void isForThatProvidersStaffAndOperatorsOnly() {
        String provider = "prov-" + UUID.randomUUID();
        stored(provider, "cred-a", "Data Basics", "2026-03-01T09:00:00Z", false);

        List<ResponseEntity<String>> refused = List.of(
                call(provider, "", TestTokens.staff(provider + "-rival")),
                call(provider, "", TestTokens.learner("learner-x")));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.getStatusCode().value()).isEqualTo(403);
            assertThat(json.readTree(response.getBody()).get("type").asString())
                    .isEqualTo("urn:credstack:problem:forbidden");
        });
        assertThat(ids(list(provider, "", TestTokens.operator()))).hasSize(1);
    }

    @Test
    void badPagingOrRevokedIsAProblemNamingTheParameter() {
        String provider = "prov-" + UUID.randomUUID();

        assertThat(field(call(provider, "size=0", TestTokens.operator()))).isEqualTo("size");
        assertThat(field(call(provider, "size=101", TestTokens.operator()))).isEqualTo("size");
        assertThat(field(call(provider, "page=-1", TestTokens.operator()))).isEqualTo("page");
        assertThat(field(call(provider, "revoked=yes", TestTokens.operator()))).isEqualTo("revoked");
    }

    private String field(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        return json.readTree(response.getBody()).at("/errors/0/field").asString();
    }

    private JsonNode list(String providerId, String query, String token) {
        ResponseEntity<String> response = call(providerId, query, token);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> call(String providerId, String query, String token) {
        return http().get()
                .uri(baseUrl() + "/api/v1/providers/" + providerId + "/credentials?" + query)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .retrieve()
                .toEntity(String.class);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    /** A badge as issuance stores it (revoked or not), issued at a chosen time and valid for a year. */
    private String stored(
            String providerId, String credentialId, String achievement, String issuedAt, boolean revoked) {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.parse(issuedAt);
        mongo.insert(new Badge(
                id,
                "https://badges.example/credentials/" + id,
                "enr-" + id,
                "learner-" + id,
                credentialId,
                1,
                providerId,
                "{\"credentialSubject\": {\"achievement\": {\"name\": \"" + achievement + "\"}}}",
                at,
                at.plusSeconds(365L * 24 * 3600),
                at,
                null,
                null,
                null,
                revoked ? at.plusSeconds(3600) : null,
                revoked ? "issued in error" : null,
                null,
                null,
                null,
                null,
                List.of(),
                null));
        return id;
    }
}
