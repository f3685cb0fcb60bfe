package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.catalog.credential.TestDrafts.micro;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Publishing, revising and retiring a credential (and importing one) are recorded in the catalog's audit log with the
 * caller, the credential and its provider (docs/audit-log.md); a refused call records nothing.
 */
class CredentialAuditIT extends CredentialIntegrationTest {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    String provider;

    @BeforeEach
    void aProvider() {
        token = TestTokens.operator();
        provider = newProvider("Audited " + run);
    }

    @Test
    void recordsTheLifecycleOfACredentialWithItsStaffAndProvider() {
        token = TestTokens.staff(provider);
        String id = newDraft(micro("Audited " + run, provider));
        assertThat(post("/api/v1/credentials/" + id + "/publish", null).status())
                .isEqualTo(200);
        assertThat(post("/api/v1/credentials/" + id + "/revisions", micro("Audited v2 " + run, provider))
                        .status())
                .isEqualTo(201);
        assertThat(post("/api/v1/credentials/" + id + "/retire", null).status()).isEqualTo(200);

        List<JsonNode> entries = entries("providerId=" + provider);

        assertThat(entries)
                .extracting(e -> e.get("action").asString())
                .containsExactly("credential.retired", "credential.revised", "credential.published");
        assertThat(entries)
                .extracting(e -> e.get("details").get("version").asInt())
                .containsExactly(2, 2, 1);
        for (JsonNode entry : entries) {
            assertThat(entry.get("target").asString()).isEqualTo("/api/v1/credentials/" + id);
            assertThat(entry.get("providerId").asString()).isEqualTo(provider);
            assertThat(entry.get("actor").get("id").asString()).isEqualTo("staff-of-" + provider);
            assertThat(entry.get("actor").get("roles").get(0).asString()).isEqualTo("provider_staff");
        }
    }

    @Test
    void recordsNothingForARefusedPublish() {
        String id = newDraft(micro("Refused " + run, provider));
        long before = mongo.getCollection("auditLog").countDocuments();

        token = TestTokens.staff("someone-else-" + run);
        assertThat(post("/api/v1/credentials/" + id + "/publish", null).status())
                .isEqualTo(403);

        assertThat(mongo.getCollection("auditLog").countDocuments()).isEqualTo(before);
        assertThat(entries("providerId=" + provider)).isEmpty();
    }

    @Test
    void recordsAnImportedCredentialAsPublishedByTheImport() {
        String base = "https://audit.example.org/" + run;
        String achievement = """
                {"@context": ["https://www.w3.org/ns/credentials/v2",
                              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "id": "%1$s/achievements/a", "type": ["Achievement"],
                 "name": "Audit import", "description": "Imported",
                 "criteria": {"id": "%1$s/criteria/a", "narrative": "Take part"},
                 "creator": {"id": "%1$s/issuer", "type": ["Profile"], "name": "Audit Academy %2$s", "url": "%1$s"}}
                """.formatted(base, run);

        Answer imported = post(
                "/api/v1/imports?format=openbadges", "application/json", achievement.getBytes(StandardCharsets.UTF_8));

        assertThat(imported.status()).isEqualTo(200);
        String id =
                imported.body().get("credentials").get(0).get("credentialId").asString();
        List<JsonNode> entries = entries("action=credential.published&actorId=" + TestTokens.OPERATOR_ID);
        JsonNode entry = entries.stream()
                .filter(e -> e.get("target").asString().equals("/api/v1/credentials/" + id))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("details").get("via").asString()).isEqualTo("import");
        assertThat(entry.get("providerId").asString()).isNotBlank();
    }

    private List<JsonNode> entries(String query) {
        String caller = token;
        token = TestTokens.operator();
        Answer page = get("/api/v1/audit-log?" + query);
        token = caller;
        assertThat(page.status()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        page.body().get("entries").forEach(entries::add);
        return entries;
    }
}
