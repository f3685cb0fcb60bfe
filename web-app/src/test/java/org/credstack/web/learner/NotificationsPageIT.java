package org.credstack.web.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.credstack.web.Accessibility;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;

/** Notifications and the reminder e-mail preference. */
class NotificationsPageIT extends LearnerPagesBase {

    static final String INBOX = "/api/v1/learners/ida/notifications";
    static final String PREFERENCES = "/api/v1/learners/ida/notification-preferences";

    static {
        NOTIFICATION
                .json(INBOX, """
                        [{"id": "n-2", "kind": "RENEWAL_REMINDER", "title": "Cert expires in 30 days",
                          "link": "https://learn.example/my/credentials", "createdAt": "2027-01-09T08:00:00Z",
                          "read": false},
                         {"id": "n-1", "kind": "CREDENTIAL_ISSUED", "title": "You earned Cert",
                          "link": "javascript:alert(1)", "createdAt": "2027-01-01T08:00:00Z", "read": true}]""")
                .json(PREFERENCES, "{\"learnerId\": \"ida\", \"reminderEmails\": true, \"inApp\": true}")
                .json(INBOX + "/n-2/read", "{\"id\": \"n-2\", \"read\": true}")
                .answer(INBOX + "/n-9/read", 404, PROBLEM, problem(404, "notification-not-found"));
    }

    @Test
    void listsNotificationsNewestFirstAndTheReminderSetting() throws Exception {
        String html = page(get("/my/notifications").with(learner("ida")), 200);

        assertThat(html)
                .contains("<a href=\"https://learn.example/my/credentials\">Cert expires in 30 days</a>")
                .contains("action=\"/my/notifications/n-2/read\"")
                .doesNotContain("action=\"/my/notifications/n-1/read\"")
                .doesNotContain("javascript:")
                .contains("<span>You earned Cert</span>")
                .containsPattern("id=\"reminderEmails-true\"[^>]*checked=\"checked\"");
        assertThat(to(NOTIFICATION, INBOX + "?limit=50"))
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer access-token"));
        Accessibility.assertBasics(html);
    }

    @Test
    void turnsReminderEmailsOffWithTheLearnersToken() throws Exception {
        mvc.perform(post("/my/notifications/preferences")
                        .param("reminderEmails", "false")
                        .with(learner("ida"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/my/notifications"))
                .andExpect(flash().attribute("done", "No more reminder e-mails."));

        assertThat(to(NOTIFICATION, PREFERENCES).stream()
                        .filter(request -> request.method().equals("PUT"))
                        .toList())
                .singleElement()
                .extracting(StubService.Request::authorization, StubService.Request::body)
                .containsExactly("Bearer access-token", "{\"reminderEmails\":false}");
    }

    @Test
    void answersAPreferenceThatIsNeitherYesNorNoWithA400MarkingTheField() throws Exception {
        String html = page(
                post("/my/notifications/preferences")
                        .param("reminderEmails", "sometimes")
                        .with(learner("jo"))
                        .with(csrf()),
                400);

        assertThat(html)
                .contains("id=\"form-errors\"")
                .contains("data-field=\"reminderEmails\"")
                .contains("aria-describedby=\"reminderEmails-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("id=\"reminderEmails-error\"");
        assertThat(NOTIFICATION.received())
                .noneMatch(request ->
                        request.method().equals("PUT") && request.target().contains("/jo/"));
    }

    @Test
    void marksANotificationReadAndSaysWhenItIsNotThere() throws Exception {
        mvc.perform(post("/my/notifications/n-2/read").with(learner("ida")).with(csrf()))
                .andExpect(redirectedUrl("/my/notifications"));
        String html =
                page(post("/my/notifications/n-9/read").with(learner("ida")).with(csrf()), 404);

        assertThat(to(NOTIFICATION, INBOX + "/n-2/read"))
                .singleElement()
                .extracting(StubService.Request::method, StubService.Request::authorization)
                .containsExactly("POST", "Bearer access-token");
        assertThat(html).contains("The notification was not marked read: it was not found");
    }

    @Test
    void refusesOtherRoles() throws Exception {
        mvc.perform(get("/my/notifications").with(operator())).andExpect(status().isForbidden());
        String signIn = mvc.perform(get("/my/notifications"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(signIn).endsWith("/oauth2/authorization/credstack");
    }
}
