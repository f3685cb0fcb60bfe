package org.credstack.web.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.credstack.web.Accessibility;
import org.credstack.web.SignedInAs;
import org.credstack.web.StubService;
import org.credstack.web.signin.SignInConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The operator's pipeline page against stand-ins of the five services: what each section shows, the exact request
 * each service gets (with the operator's token), the replay with its confirmation and result, htmx sections, and who
 * may see the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OperatorPageIT {

    static final String BEARER = "Bearer " + SignedInAs.ACCESS_TOKEN;
    static final String DLQ = "enrollment.events.v1.badge-service.dlq";

    static final StubService CATALOG = answering(StubService.start());
    static final StubService ENROLLMENT = answering(StubService.start());
    static final StubService BADGE = answering(StubService.start());
    static final StubService NOTIFICATION = answering(StubService.start());
    static final StubService IDENTITY = answering(StubService.start());

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.catalog-url", CATALOG::url);
        registry.add("credstack.web.enrollment-url", ENROLLMENT::url);
        registry.add("credstack.web.badge-url", BADGE::url);
        registry.add("credstack.web.notification-url", NOTIFICATION::url);
        registry.add("credstack.web.identity-url", IDENTITY::url);
    }

    /** What every service answers when nothing is amiss: empty lists, no lag, all up. */
    static StubService answering(StubService stub) {
        return stub.json("/api/v1/operations/consumer-lag", "{\"measuredAt\":\"2026-12-07T10:00:00Z\",\"groups\":[]}")
                .json("/api/v1/dead-letters", "[]")
                .json(
                        "/api/v1/operations/last-hour",
                        "{\"from\":\"2026-12-07T09:01:00Z\",\"to\":\"2026-12-07T10:00:10Z\","
                                + "\"countingSince\":\"2026-12-01T08:00:00Z\",\"counts\":{}}")
                .json("/actuator/health", "{\"status\":\"UP\"}");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    ClientRegistration registration;

    @BeforeEach
    void registration() {
        registration = registrations.findByRegistrationId(SignInConfiguration.REGISTRATION_ID);
        BADGE.json("/api/v1/operations/consumer-lag", """
                {"measuredAt":"2026-12-07T10:00:00Z","groups":[{"group":"badge-service","state":"STABLE","members":3,
                 "lag":7,"topics":[
                  {"topic":"catalog.credentials.v1","lag":0,"partitions":[{"partition":0,"committedOffset":4,"endOffset":4,"lag":0}]},
                  {"topic":"enrollment.events.v1","lag":7,"partitions":[
                    {"partition":0,"committedOffset":12,"endOffset":14,"lag":2},
                    {"partition":1,"committedOffset":null,"endOffset":5,"lag":5}]}]}]}
                """);
        BADGE.json("/api/v1/dead-letters", """
                [{"dlqTopic":"%s","partition":1,"offset":5,"key":"learner-7",
                  "originalTopic":"enrollment.events.v1","originalPartition":2,"originalOffset":41,
                  "exception":{"type":"org.credstack.events.MalformedEventException","message":"completedAt is missing"},
                  "ceId":"e-1","ceType":"org.credstack.enrollment.EnrollmentCompleted.v1",
                  "timestamp":"2026-12-07T09:15:30Z","valuePreview":"{}","replayed":false},
                 {"dlqTopic":"%s","partition":0,"offset":2,"key":"learner-8","originalTopic":"enrollment.events.v1",
                  "exception":{"type":"java.lang.IllegalArgumentException","message":"unknown credential"},
                  "ceType":"org.credstack.enrollment.EnrollmentCompleted.v1","timestamp":"2026-12-07T08:00:00Z",
                  "replayed":true}]
                """.formatted(DLQ, DLQ));
        BADGE.json(
                "/api/v1/operations/last-hour",
                "{\"from\":\"2026-12-07T09:01:00Z\",\"to\":\"2026-12-07T10:00:10Z\","
                        + "\"countingSince\":\"2026-12-01T08:00:00Z\","
                        + "\"counts\":{\"org.credstack.badge.BadgeIssued.v1\":12,\"org.credstack.badge.BadgeRevoked.v1\":1}}");
        NOTIFICATION.json(
                "/api/v1/operations/last-hour",
                "{\"from\":\"2026-12-07T09:01:00Z\",\"to\":\"2026-12-07T10:00:10Z\","
                        + "\"countingSince\":\"2026-12-07T09:30:00Z\",\"counts\":{"
                        + "\"org.credstack.notification.ReminderSent.v1\":4,\"notification.emails.failed\":2,"
                        + "\"notification.email-attempts.failed\":9}}");
        ENROLLMENT.json("/api/v1/inbox/unmatched", """
                [{"statementId":"st-1","reason":"NO_LEARNER","actorKey":"mbox:mailto:ada@partner.example",
                  "activityId":"https://lms.example/course/1","verbId":"http://adlnet.gov/expapi/verbs/completed",
                  "timestamp":"2026-12-07T09:00:00Z","heldAt":"2026-12-07T09:00:01Z"}]
                """);
        NOTIFICATION.answer("/actuator/health", 503, "application/vnd.spring-boot.actuator.v3+json", """
                {"status":"DOWN","components":{"mail":{"status":"DOWN","details":{"location":"localhost:2525",
                 "error":"connection refused"}},"mongo":{"status":"UP","details":{"maxWireVersion":21}}}}
                """);
    }

    @Test
    void showsTheLagOfEachConsumerGroupPerTopic() throws Exception {
        String html = page("/operator");

        Accessibility.assertBasics(html);
        assertThat(html)
                .contains("data-service=\"badge-service\" data-topic=\"enrollment.events.v1\"")
                .contains("<td class=\"lag\">7</td>")
                .contains("0: 12 of 14; 1: none of 5")
                .contains("STABLE, 3 consumers");
        assertThat(BADGE.received())
                .contains(new StubService.Request("GET", "/api/v1/operations/consumer-lag", BEARER, ""));
        for (StubService service : List.of(CATALOG, ENROLLMENT, NOTIFICATION, IDENTITY)) {
            assertThat(service.received())
                    .contains(new StubService.Request("GET", "/api/v1/operations/consumer-lag", BEARER, ""));
        }
    }

    @Test
    void showsEachServicesDeadLettersWithTheirErrorAndAReplayLinkForThoseNotReplayed() throws Exception {
        String html = page("/operator");

        assertThat(html)
                .contains("<strong>MalformedEventException</strong>")
                .contains("completedAt is missing")
                .contains(DLQ + " partition 1 offset 5")
                .contains("/operator/dead-letters/replay?service=badge-service&amp;dlqTopic=" + DLQ
                        + "&amp;partition=1&amp;offset=5")
                .doesNotContain("partition=0&amp;offset=2")
                .contains("Replayed");
        for (StubService service : List.of(CATALOG, ENROLLMENT, BADGE, NOTIFICATION, IDENTITY)) {
            assertThat(service.received())
                    .contains(new StubService.Request("GET", "/api/v1/dead-letters?limit=50", BEARER, ""));
        }
    }

    @Test
    void showsTheUnmatchedInbox() throws Exception {
        String html = page("/operator");

        assertThat(html)
                .contains("st-1")
                .contains("no learner known by this actor")
                .contains("mbox:mailto:ada@partner.example")
                .contains("https://lms.example/course/1");
        assertThat(ENROLLMENT.received())
                .contains(new StubService.Request("GET", "/api/v1/inbox/unmatched?limit=50", BEARER, ""));
    }

    @Test
    void showsTheCountsOfTheLastHourAndSaysWhenAServiceCountedForLess() throws Exception {
        String html = page("/operator");

        assertThat(countOf(html, "Credentials issued")).isEqualTo("12");
        assertThat(countOf(html, "Reminders sent")).isEqualTo("4");
        assertThat(countOf(html, "E-mails failed (given up after their last attempt)"))
                .isEqualTo("2");
        assertThat(countOf(html, "E-mail attempts failed (tried again later)")).isEqualTo("9");
        assertThat(html).contains("counted since notification-service started at");
        assertThat(html).doesNotContain("counted since badge-service");
        assertThat(BADGE.received())
                .contains(new StubService.Request("GET", "/api/v1/operations/last-hour", BEARER, ""));
        assertThat(NOTIFICATION.received())
                .contains(new StubService.Request("GET", "/api/v1/operations/last-hour", BEARER, ""));
    }

    @Test
    void showsEachServicesHealthWithDetailsAndADownServiceAsDown() throws Exception {
        String html = page("/operator");

        assertThat(html)
                .contains("<span class=\"not-verified\">DOWN</span>")
                .contains("mail: DOWN")
                .contains("location: localhost:2525, error: connection refused")
                .contains("mongo: UP")
                .doesNotContain("did not answer");
        for (StubService service : List.of(CATALOG, ENROLLMENT, BADGE, NOTIFICATION, IDENTITY)) {
            assertThat(service.received()).contains(new StubService.Request("GET", "/actuator/health", BEARER, ""));
        }
    }

    @Test
    void refreshesOneSectionForHtmx() throws Exception {
        String html = page("/operator/sections/lag");

        assertThat(html)
                .startsWith("<section id=\"lag\"")
                .contains("hx-get=\"/operator/sections/lag\"")
                .contains("<td class=\"lag\">7</td>")
                .doesNotContain("<header>")
                .doesNotContain("Dead letters");
        assertThat(page("/operator/sections/dead-letters")).contains("completedAt is missing");
        assertThat(page("/operator/sections/inbox")).contains("st-1");
        assertThat(page("/operator/sections/last-hour")).contains("Credentials issued");
        assertThat(page("/operator/sections/health")).contains("mail: DOWN");
        mvc.perform(operator(get("/operator/sections/nothing"))).andExpect(status().isNotFound());
    }

    @Test
    void asksToConfirmAReplayThenReplaysWithTheTokenAndShowsTheResult() throws Exception {
        String replayPath = "/api/v1/dead-letters/" + DLQ + "/1/5/replay";
        BADGE.json(
                replayPath,
                "{\"id\":\"" + DLQ + "/1/5\",\"dlqTopic\":\"" + DLQ + "\",\"partition\":1,\"offset\":5,"
                        + "\"originalTopic\":\"enrollment.events.v1\",\"replayedAt\":\"2026-12-07T10:01:00Z\","
                        + "\"republishedPartition\":2,\"republishedOffset\":97}");

        String confirm =
                page("/operator/dead-letters/replay?service=badge-service&dlqTopic=" + DLQ + "&partition=1&offset=5");
        Accessibility.assertBasics(confirm);
        assertThat(confirm)
                .contains("Replay this dead letter?")
                .contains("<form method=\"post\" action=\"/operator/dead-letters/replay\">")
                .contains("name=\"_csrf\"")
                .contains("<input type=\"hidden\" name=\"offset\" value=\"5\">");
        assertThat(BADGE.received()).noneMatch(request -> request.target().endsWith("/replay"));

        mvc.perform(operator(post("/operator/dead-letters/replay"))
                        .with(csrf())
                        .param("service", "badge-service")
                        .param("dlqTopic", DLQ)
                        .param("partition", "1")
                        .param("offset", "5"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/operator#dead-letters"))
                .andExpect(flash().attribute(
                                "replay",
                                new ReplayResult(
                                        true,
                                        "Replayed " + DLQ + " partition 1 offset 5 of badge-service to "
                                                + "enrollment.events.v1 (partition 2, offset 97).")));

        assertThat(BADGE.received()).contains(new StubService.Request("POST", replayPath, BEARER, ""));
    }

    @Test
    void showsTheResultOnThePageAfterTheRedirect() throws Exception {
        String html = mvc.perform(operator(get("/operator"))
                        .flashAttr("replay", new ReplayResult(false, "Not replayed again: replayed before")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("<p id=\"replay-result\" role=\"status\" class=\"notice\">Not replayed again: "
                        + "replayed before</p>");
    }

    @Test
    void saysWhyAReplayWasRefused() throws Exception {
        String replayPath = "/api/v1/dead-letters/" + DLQ + "/0/2/replay";
        BADGE.answer(
                replayPath,
                409,
                "application/problem+json",
                "{\"status\":409,\"detail\":\"dead letter " + DLQ + "/0/2 was replayed at 2026-12-07T08:30:00Z\"}");

        mvc.perform(operator(post("/operator/dead-letters/replay"))
                        .with(csrf())
                        .param("service", "badge-service")
                        .param("dlqTopic", DLQ)
                        .param("partition", "0")
                        .param("offset", "2"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute(
                                "replay",
                                new ReplayResult(
                                        false,
                                        "Not replayed again: dead letter " + DLQ
                                                + "/0/2 was replayed at 2026-12-07T08:30:00Z")));
    }

    @Test
    void refusesAReplayOfAnUnknownServiceOrANonNumericOffsetNamingTheFieldAndAsksNoService() throws Exception {
        int before = BADGE.received().size();

        MockHttpServletResponse unknown = mvc.perform(operator(post("/operator/dead-letters/replay"))
                        .with(csrf())
                        .param("service", "mail-relay")
                        .param("dlqTopic", DLQ)
                        .param("partition", "0")
                        .param("offset", "2"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse();
        MockHttpServletResponse offset = mvc.perform(operator(get("/operator/dead-letters/replay"))
                        .param("service", "badge-service")
                        .param("dlqTopic", DLQ)
                        .param("partition", "0")
                        .param("offset", "two"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse();

        assertThat(unknown.getContentAsString()).contains("data-field=\"service\"");
        assertThat(offset.getContentAsString()).contains("data-field=\"offset\"");
        assertThat(BADGE.received()).hasSize(before);
    }

    @Test
    void refusesLearnersAndStaffAndSendsAnonymousPeopleToSignIn() throws Exception {
        int before = BADGE.received().size();
        mvc.perform(get("/operator").with(SignedInAs.learner(registration, "learner-7")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/operator/sections/lag").with(SignedInAs.staff(registration, "staff-1", "provider-1")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/operator/dead-letters/replay")
                        .with(SignedInAs.staff(registration, "staff-1", "provider-1"))
                        .with(csrf())
                        .param("service", "badge-service")
                        .param("dlqTopic", DLQ)
                        .param("partition", "1")
                        .param("offset", "5"))
                .andExpect(status().isForbidden());
        String signIn = mvc.perform(get("/operator"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(signIn).endsWith("/oauth2/authorization/credstack");
        assertThat(BADGE.received()).as("no service asked").hasSize(before);
    }

    private String page(String path) throws Exception {
        return mvc.perform(operator(get(path)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder request) {
        return request.with(SignedInAs.operator(registration, "operator-1"));
    }

    /** The number shown for the count labelled {@code label}. */
    private static String countOf(String html, String label) {
        int at = html.indexOf("data-count=\"" + label + "\"");
        assertThat(at).as("count " + label).isPositive();
        int start = html.indexOf("<span class=\"count\">", at) + "<span class=\"count\">".length();
        return html.substring(start, html.indexOf("</span>", start));
    }
}
