package org.credstack.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Mustache;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
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
        RenderedMail mail = templates.render(
                "expiry-reminder",
                Map.of(
                        "recipientName", "Ada",
                        "achievementName", "Kubernetes",
                        "publicUrl", "https://badges.credstack.example/credentials/1",
                        "validUntil", MailTemplates.utc(Instant.parse("2027-03-31T12:00:00Z")),
                        "daysBefore", "7 days"));

        assertThat(mail.subject()).isEqualTo("\"Kubernetes\" expires in 7 days");
        assertThat(mail.body())
                .contains("expires in 7 days, on 2027-03-31 12:00 UTC")
                .contains("https://badges.credstack.example/credentials/1");
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
