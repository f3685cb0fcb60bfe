package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import org.credstack.events.badge.BadgeIssued;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The name a recipient chooses to show on a credential's public page. */
class DisplayNameIT extends IssuingIntegrationTest {

    ResponseEntity<String> choose(String learnerId, String id, String body, String token) {
        return http().put()
                .uri(baseUrl() + "/api/v1/learners/" + learnerId + "/credentials/" + id + "/display-name")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(String.class);
    }

    ResponseEntity<String> shown(String id) {
        return http().get()
                .uri(baseUrl() + "/credentials/" + id + "/display-name")
                .retrieve()
                .toEntity(String.class);
    }

    static String uuid(BadgeIssued badge) {
        return badge.publicUrl().substring(badge.publicUrl().lastIndexOf('/') + 1);
    }

    @Test
    void theHolderChoosesTheNameShownAndCanShowNoneAgain() {
        Journey journey = new Journey();
        String id = uuid(journey.issueOne());
        String learner = TestTokens.learner(journey.learnerId);
        String credentialBefore = get(baseUrl() + "/credentials/" + id);

        assertThat(shown(id).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> chosen = choose(journey.learnerId, id, "{\"name\": \"  Ada L. \"}", learner);

        assertThat(chosen.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(chosen.getBody()).path("name").asString()).isEqualTo("Ada L.");
        assertThat(json.readTree(shown(id).getBody()).path("name").asString()).isEqualTo("Ada L.");
        assertThat(get(baseUrl() + "/credentials/" + id))
                .as("the signed credential")
                .isEqualTo(credentialBefore);

        assertThat(choose(journey.learnerId, id, "{\"name\": null}", learner)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(shown(id).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void refusesANameThatIsBlankTooLongOrNotTheHoldersBadgeAndStoresNothing() {
        Journey journey = new Journey();
        String id = uuid(journey.issueOne());
        String learner = TestTokens.learner(journey.learnerId);

        ResponseEntity<String> blank = choose(journey.learnerId, id, "{\"name\": \"   \"}", learner);
        ResponseEntity<String> tooLong =
                choose(journey.learnerId, id, "{\"name\": \"" + "x".repeat(101) + "\"}", learner);
        ResponseEntity<String> notHeld =
                choose("someone-else", id, "{\"name\": \"Eve\"}", TestTokens.learner("someone-else"));
        ResponseEntity<String> otherLearner =
                choose(journey.learnerId, id, "{\"name\": \"Eve\"}", TestTokens.learner("someone-else"));

        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        assertThat(blank.getBody()).contains("\"field\":\"name\"");
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(notHeld.getStatusCode().value()).isEqualTo(404);
        assertThat(notHeld.getBody()).contains("credential-not-found");
        assertThat(otherLearner.getStatusCode().value()).isEqualTo(403);
        assertThat(mongo.getCollection(DisplayNames.COLLECTION).countDocuments(new org.bson.Document("_id", id)))
                .isZero();
    }
}
