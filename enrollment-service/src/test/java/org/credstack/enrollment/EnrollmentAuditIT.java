package org.credstack.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.enrollment.Credentials.all;
import static org.credstack.enrollment.Credentials.byProvider;
import static org.credstack.enrollment.Credentials.selfPaced;
import static org.credstack.enrollment.Credentials.snapshot;

import java.util.ArrayList;
import java.util.List;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Manual completions, partner key and webhook secret changes are recorded in enrollment-service's audit log with the
 * caller, the target and its provider (docs/audit-log.md), never a secret; refused or repeated calls record nothing.
 */
class EnrollmentAuditIT extends ServiceIT {

    @Test
    void recordsAManualCompletionByTheProvidersStaffOnce() {
        String provider = unique("academy");
        CredentialSnapshot credential = published(byProvider(
                snapshot(unique("cred"), 1, "PUBLISHED", all(), selfPaced("r1"), selfPaced("r2")), provider));
        String ada = learner(unique("ada") + "@example.org");
        Api.Response enrolled =
                api.post("/api/v1/learners/" + ada + "/enrollments", "{\"credentialId\": \"" + credential.id() + "\"}");
        String enrollment = enrolled.body().get("id").stringValue();
        String complete = "/api/v1/providers/" + provider + "/enrollments/" + enrollment + "/assignments/r1/complete";
        long before = auditEntries();

        assertThat(api.as(TestTokens.staff("rival")).post(complete, "{}").status())
                .isEqualTo(403);
        assertThat(auditEntries()).as("refused: nothing recorded").isEqualTo(before);
        Api.Response done = api.as(TestTokens.staff(provider)).post(complete, "{}");
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        assertThat(api.as(TestTokens.staff(provider)).post(complete, "{}").status())
                .isEqualTo(200);

        List<JsonNode> entries = entries("providerId=" + provider);
        assertThat(entries).as("the second call changed nothing").hasSize(1);
        JsonNode entry = entries.getFirst();
        assertThat(entry.get("action").stringValue()).isEqualTo("assignment.completed-manually");
        assertThat(entry.get("target").stringValue()).isEqualTo(complete.replace("/complete", ""));
        assertThat(entry.get("providerId").stringValue()).isEqualTo(provider);
        assertThat(entry.get("actor").get("id").stringValue()).isEqualTo("staff-of-" + provider);
        assertThat(entry.get("details").get("learnerId").stringValue()).isEqualTo(ada);
    }

    @Test
    void recordsPartnerKeyChangesWithoutTheirSecrets() {
        String provider = unique("provider");
        Api staff = api.as(TestTokens.staff(provider));
        String keys = "/api/v1/providers/" + provider + "/partner-keys";
        assertThat(api.as(TestTokens.staff("rival")).post(keys, "{}").status()).isEqualTo(403);

        JsonNode created = staff.post(keys, "{\"label\": \"Moodle\"}").body();
        String id = created.get("id").stringValue();
        JsonNode rotated = staff.post(keys + "/" + id + "/rotate", "").body();
        staff.post(keys + "/" + id + "/revoke", "");
        staff.post(keys + "/" + id + "/revoke", "");

        List<JsonNode> entries = entries("providerId=" + provider);
        assertThat(entries)
                .extracting(e -> e.get("action").stringValue())
                .containsExactly("partner-key.revoked", "partner-key.rotated", "partner-key.created");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("target").stringValue()).isEqualTo(keys + "/" + id);
            assertThat(e.get("actor").get("id").stringValue()).isEqualTo("staff-of-" + provider);
        });
        assertThat(entries.getLast().get("details").get("label").stringValue()).isEqualTo("Moodle");
        assertThat(entries.toString())
                .doesNotContain(created.get("secret").stringValue())
                .doesNotContain(rotated.get("secret").stringValue())
                .doesNotContain("bcrypt");
    }

    @Test
    void recordsWebhookSecretChangesWithoutTheirSecrets() {
        String provider = unique("provider");
        Api staff = api.as(TestTokens.staff(provider));
        String secrets = "/api/v1/providers/" + provider + "/webhook-secrets";
        assertThat(api.as(TestTokens.partner(provider)).post(secrets, "").status())
                .isEqualTo(403);

        JsonNode first = staff.post(secrets, "").body();
        JsonNode second = staff.post(secrets + "/" + first.get("id").stringValue() + "/rotate", "")
                .body();
        assertThat(api.as(TestTokens.operator())
                        .delete(secrets + "/" + second.get("id").stringValue())
                        .status())
                .isEqualTo(204);

        List<JsonNode> entries = entries("providerId=" + provider);
        assertThat(entries)
                .extracting(
                        e -> e.get("action").stringValue(), e -> e.get("target").stringValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "webhook-secret.revoked",
                                secrets + "/" + second.get("id").stringValue()),
                        org.assertj.core.groups.Tuple.tuple(
                                "webhook-secret.rotated",
                                secrets + "/" + second.get("id").stringValue()),
                        org.assertj.core.groups.Tuple.tuple(
                                "webhook-secret.created",
                                secrets + "/" + first.get("id").stringValue()));
        assertThat(entries.get(1).get("details").get("replaces").stringValue())
                .isEqualTo(first.get("id").stringValue());
        assertThat(entries.getFirst().get("actor").get("roles").get(0).stringValue())
                .isEqualTo("operator");
        assertThat(entries.toString())
                .doesNotContain(first.get("secret").stringValue())
                .doesNotContain(second.get("secret").stringValue());
    }

    private long auditEntries() {
        return mongo.getCollection("auditLog").countDocuments();
    }

    private List<JsonNode> entries(String query) {
        Api.Response page = api.as(TestTokens.operator()).get("/api/v1/audit-log?" + query);
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        page.body().get("entries").forEach(entries::add);
        return entries;
    }
}
