package org.credstack.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Mustache;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates(Mustache.compiler()
            .withLoader(name -> new InputStreamReader(
                    getClass().getResourceAsStream("/templates/" + name + ".mustache"), StandardCharsets.UTF_8)));

    @Test
    void namesTheAchievementTheLinkAndValidUntilInTheIssuanceEmail() {
        RenderedMail mail = templates.render("badge-issued", issued(Instant.parse("2027-03-31T12:00:00Z")));

        assertThat(mail.subject()).isEqualTo("Your credential \"Data & AI <Basics>\" has been issued");
        assertThat(mail.body())
                .startsWith("Hello Ada Lovelace,")
                .contains("you have earned \"Data & AI <Basics>\"")
                .contains("https://badges.credstack.example/credentials/1?lang=en&x=1")
                .contains("It is valid until 2027-03-31 12:00 UTC.");
    }

    @Test
    void readsAndCompilesEachTemplateOnceHoweverManyMailsItRenders() {
        List<String> loaded = new java.util.concurrent.CopyOnWriteArrayList<>();
        MailTemplates counting = new MailTemplates(Mustache.compiler().withLoader(name -> {
            loaded.add(name);
            return new InputStreamReader(
                    getClass().getResourceAsStream("/templates/" + name + ".mustache"), StandardCharsets.UTF_8);
        }));
        Map<String, Object> grace = issued(null);
        grace.put("recipientName", "Grace Hopper");

        RenderedMail first = counting.render("badge-issued", issued(null));
        RenderedMail second = counting.render("badge-issued", grace);

        assertThat(loaded).containsExactly("mail/badge-issued-subject", "mail/badge-issued");
        assertThat(first.body()).startsWith("Hello Ada Lovelace,");
        assertThat(second.body()).as("each mail from its own model").startsWith("Hello Grace Hopper,");
    }

    @Test
    void leavesOutTheValidityLineForACredentialThatNeverExpires() {
        RenderedMail mail = templates.render("badge-issued", issued(null));

        assertThat(mail.body()).doesNotContain("valid until").doesNotContain("remind");
    }

    @Test
    void greetsWithoutANameWhenTheLearnerHasNone() {
        Map<String, Object> model = issued(null);
        model.put("recipientName", null);

        assertThat(templates.render("badge-issued", model).body()).startsWith("Hello,");
    }

    @Test
    void saysHowManyDaysAreLeftInAReminder() {
        RenderedMail mail = templates.render("expiry-reminder", reminder(credential("Kubernetes", null)));

        assertThat(mail.subject()).isEqualTo("\"Kubernetes\" expires in 7 days");
        assertThat(mail.body())
                .contains("expires in 7 days, on 2027-03-31 12:00 UTC")
                .contains("https://badges.credstack.example/credentials/Kubernetes")
                .doesNotContain("Renew");
    }

    @Test
    void listsEveryCredentialOfADigestWithTheRenewalLinkOfThoseThatRenew() {
        RenderedMail mail = templates.render(
                "expiry-reminder",
                reminder(
                        credential("Kubernetes", "https://enroll.example/renewals/new?token=k"),
                        credential("Terraform", null),
                        credential("Kafka", "https://enroll.example/renewals/new?token=f")));

        assertThat(mail.subject()).isEqualTo("3 of your credentials expire soon");
        assertThat(mail.body())
                .contains("3 of your credentials expire soon.")
                .contains("\"Kubernetes\" expires in 7 days")
                .contains("\"Terraform\" expires in 7 days")
                .contains("\"Kafka\" expires in 7 days")
                .contains("Renew it to keep it valid:\nhttps://enroll.example/renewals/new?token=k")
                .contains("Renew it to keep it valid:\nhttps://enroll.example/renewals/new?token=f");
        assertThat(mail.body().split("Renew it", -1)).as("two renewal links").hasSize(3);
    }

    @Test
    void putsTheUnsubscribeLinkInTheFooter() {
        assertThat(templates.text("footer", Map.of("unsubscribeUrl", "https://n.example/unsubscribe?token=t")))
                .contains("To stop reminder e-mails")
                .contains("https://n.example/unsubscribe?token=t");
    }

    private static Map<String, Object> reminder(Map<String, Object>... credentials) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", "Ada");
        model.put("single", credentials.length == 1);
        model.put("count", credentials.length);
        model.put("credentials", java.util.List.of(credentials));
        return model;
    }

    private static Map<String, Object> credential(String name, String renewalUrl) {
        Map<String, Object> credential = new HashMap<>();
        credential.put("achievementName", name);
        credential.put("publicUrl", "https://badges.credstack.example/credentials/" + name);
        credential.put("validUntil", MailTemplates.utc(Instant.parse("2027-03-31T12:00:00Z")));
        credential.put("daysBefore", "7 days");
        credential.put("renewalUrl", renewalUrl);
        return credential;
    }

    private static Map<String, Object> issued(Instant validUntil) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", "Ada Lovelace");
        model.put("achievementName", "Data & AI <Basics>");
        model.put("publicUrl", "https://badges.credstack.example/credentials/1?lang=en&x=1");
        model.put("validUntil", MailTemplates.utc(validUntil));
        return model;
    }
}
