package org.credstack.notification.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.notification.Badges.emailOf;
import static org.credstack.notification.Badges.issued;
import static org.credstack.notification.Badges.learner;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.notification.RunningService;
import org.credstack.runtime.links.LinkTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Every e-mail carries a signed unsubscribe link and the RFC 8058 headers; one POST turns reminder e-mails off, and
 * reminders then reach the learner in the app only.
 */
class UnsubscribeIT extends RunningService {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    LinkTokens tokens;

    @Autowired
    MongoTemplate mongo;

    @Test
    void oneClickPostFromTheHeaderStopsReminderEmailsButNotInAppReminders() throws Exception {
        String learner = learner();
        Instant now = clock.instant();
        Instant validUntil = now.plus(DAY.multipliedBy(10));
        BadgeIssued badge = issued(learner, now, validUntil, 7);
        broker.publish(badge, now);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailTo(emailOf(learner)).size() == 1);
        MimeMessage issuedMail = mailTo(emailOf(learner)).getFirst();

        String[] listUnsubscribe = issuedMail.getHeader("List-Unsubscribe");
        assertThat(listUnsubscribe).hasSize(1);
        assertThat(listUnsubscribe[0]).matches("<http://localhost:8084/unsubscribe\\?token=[A-Za-z0-9_.-]+>");
        assertThat(issuedMail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String link = listUnsubscribe[0].substring(1, listUnsubscribe[0].length() - 1);
        assertThat((String) issuedMail.getContent()).contains(link);
        assertThat(tokens.verify("unsubscribe", token(link)).orElseThrow().subject())
                .isEqualTo(learner);

        ResponseEntity<String> answer = oneClick(pathOf(link));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("Reminder e-mails are off");
        assertThat(preferences(learner).get("reminderEmails").asBoolean()).isFalse();

        clock.advanceTo(validUntil.minus(DAY.multipliedBy(7)).plusSeconds(60));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> inbox(learner)
                        .valueStream()
                        .anyMatch(n -> n.get("kind").asString().equals("EXPIRY_REMINDER")));
        assertThat(inbox(learner).get(0).get("title").asString())
                .isEqualTo("\"Kubernetes Cluster Administration\" expires in 7 days");
        assertThat(json.readTree(http.get()
                                .uri("/api/v1/learners/" + learner + "/reminders")
                                .retrieve()
                                .body(String.class))
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("SENT");
        assertThat(mongo.count(Query.query(Criteria.where("learnerId").is(learner)), "deliveries"))
                .as("no reminder e-mail stored")
                .isEqualTo(1);
        assertThat(mailTo(emailOf(learner))).hasSize(1);
    }

    @Test
    void getShowsAConfirmPageWhoseFormPostsTheSameLink() {
        String learner = learner();
        String token = tokens.issue("unsubscribe", learner, Map.of(), Duration.ofDays(1));

        ResponseEntity<String> page = send("GET", "/unsubscribe?token=" + token);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        assertThat(page.getBody())
                .contains("<form method=\"post\" action=\"/unsubscribe?token=" + token + "\">")
                .contains("Stop reminder e-mails");
        assertThat(preferences(learner).get("reminderEmails").asBoolean())
                .as("showing the page changes nothing")
                .isTrue();
    }

    @Test
    void refusesABadAnExpiredOrAnotherPurposesTokenAndChangesNothing() {
        String learner = learner();
        String expired = tokens.issue("unsubscribe", learner, Map.of(), Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        List<String> bad = List.of(
                "not-a-token",
                expired,
                tokens.issue("renewal", learner, Map.of("badgeId", "b-1"), Duration.ofDays(1)),
                tokens.issue("unsubscribe", learner, Map.of(), Duration.ofDays(1)) + "x");

        for (String token : bad) {
            ResponseEntity<String> post = oneClick("/unsubscribe?token=" + token);
            ResponseEntity<String> get = send("GET", "/unsubscribe?token=" + token);

            assertThat(post.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(post.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(post.getBody()).get("type").asString())
                    .isEqualTo("urn:credstack:problem:invalid-link-token");
            assertThat(get.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(get.getBody()).contains("not valid or has expired");
        }
        ResponseEntity<String> none = oneClick("/unsubscribe");
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(preferences(learner).get("reminderEmails").asBoolean()).isTrue();
    }

    @Test
    void putsAndGetsPreferencesAndRefusesABodyWithoutReminderEmails() {
        String learner = learner();
        String path = "/api/v1/learners/" + learner + "/notification-preferences";

        assertThat(preferences(learner).get("reminderEmails").asBoolean()).isTrue();
        ResponseEntity<String> off = put(path, "{\"reminderEmails\": false}");
        ResponseEntity<String> missing = put(path, "{}");

        assertThat(off.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(off.getBody()).get("reminderEmails").asBoolean())
                .isFalse();
        assertThat(json.readTree(off.getBody()).get("inApp").asBoolean()).isTrue();
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(missing.getBody()).at("/errors/0/field").asString())
                .isEqualTo("reminderEmails");
        assertThat(preferences(learner).get("reminderEmails").asBoolean()).isFalse();
        assertThat(json.readTree(put(path, "{\"reminderEmails\": true}").getBody())
                        .get("reminderEmails")
                        .asBoolean())
                .isTrue();
    }

    private ResponseEntity<String> oneClick(String path) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("List-Unsubscribe=One-Click")
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);
    }

    private ResponseEntity<String> send(String method, String path) {
        return http.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);
    }

    private ResponseEntity<String> put(String path, String body) {
        return http.put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .onStatus(s -> true, (request, response) -> {})
                .toEntity(String.class);
    }

    private JsonNode preferences(String learner) {
        return json.readTree(http.get()
                .uri("/api/v1/learners/" + learner + "/notification-preferences")
                .retrieve()
                .body(String.class));
    }

    private JsonNode inbox(String learner) {
        return json.readTree(http.get()
                .uri("/api/v1/learners/" + learner + "/notifications")
                .retrieve()
                .body(String.class));
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String token(String link) {
        return URI.create(link).getRawQuery().substring("token=".length());
    }
}
