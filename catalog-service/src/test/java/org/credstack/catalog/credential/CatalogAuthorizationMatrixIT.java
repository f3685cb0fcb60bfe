package org.credstack.catalog.credential;

import static org.credstack.catalog.credential.TestDrafts.micro;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.credstack.testsupport.security.ActuatorAccess;
import org.credstack.testsupport.security.AuthorizationMatrix;
import org.credstack.testsupport.security.Rule;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the catalog's OpenAPI document × every caller kind (docs/authz-catalog.md):
 * reads and search are public, credential writes and imports are for staff of the credential's provider and
 * operators, creating a provider, the dead letters and the audit log are for operators; every refused write stores
 * nothing, in the audit log neither.
 */
class CatalogAuthorizationMatrixIT extends CredentialIntegrationTest {

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void prometheusScrapesWithoutATokenAndTheMetricsStayWithOperators() {
        ActuatorAccess.verify("http://localhost:" + port, "catalog-service");
    }

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() {
        String providerId = importedProvider();
        String toEdit = newDraft(micro("Matrix draft " + run, providerId));
        String toPublish = newDraft(micro("Matrix unpublished " + run, providerId));
        String toRevise = published(micro("Matrix revised " + run, providerId));
        String toRetire = published(micro("Matrix retired " + run, providerId));
        String credential = asJson(micro("Matrix new " + run, providerId));

        AuthorizationMatrix.of("http://localhost:" + port, "learner-" + run, providerId)
                .storesNothingWhenRefused(() -> storedFor(providerId))
                .storesNothingWhenRefused(() -> mongo.getCollection(CREDENTIALS).countDocuments())
                .storesNothingWhenRefused(() -> mongo.getCollection("providers").countDocuments())
                .storesNothingWhenRefused(() -> mongo.getCollection("auditLog").countDocuments())
                .rule(Rule.anyone(), "GET /api/v1/credentials", "GET /api/v1/providers", "GET /api/v1/goals")
                .rule("GET /api/v1/credentials/{id}", Rule.anyone().with("id", toEdit))
                .rule("GET /api/v1/credentials/{id}/versions", Rule.anyone().with("id", toRevise))
                .rule(
                        "GET /api/v1/credentials/{id}/versions/{version}",
                        Rule.anyone().with("id", toRevise).with("version", "1"))
                .rule("GET /api/v1/providers/{id}", Rule.anyone().with("id", providerId))
                .rule("POST /api/v1/credentials", Rule.providerStaff().body(credential))
                .rule(
                        "PUT /api/v1/credentials/{id}",
                        Rule.providerStaff().with("id", toEdit).body(credential))
                .rule(
                        "POST /api/v1/credentials/{id}/publish",
                        Rule.providerStaff().with("id", toPublish))
                .rule(
                        "POST /api/v1/credentials/{id}/revisions",
                        Rule.providerStaff().with("id", toRevise).body(credential))
                .rule(
                        "POST /api/v1/credentials/{id}/retire",
                        Rule.providerStaff().with("id", toRetire))
                .rule(
                        "POST /api/v1/imports",
                        Rule.providerStaff().query("format=openbadges").body(achievement("second")))
                .rule("POST /api/v1/providers", Rule.operator().body(asJson(TestDrafts.provider("Matrix new " + run))))
                .rule(
                        "PUT /api/v1/providers/{id}",
                        Rule.providerStaff()
                                .with("id", providerId)
                                .body(asJson(TestDrafts.provider("Matrix Academy " + run))))
                .rule(
                        Rule.operator(),
                        "GET /api/v1/dead-letters",
                        "GET /api/v1/audit-log",
                        "GET /api/v1/operations/consumer-lag",
                        "GET /api/v1/operations/last-hour")
                .rule(
                        "POST /api/v1/dead-letters/{dlqTopic}/{partition}/{offset}/replay",
                        Rule.operator().with("partition", "0").with("offset", "0"))
                .verify();
    }

    /** A provider with a source key (made by an operator's import), so its staff can import into it too. */
    private String importedProvider() {
        Answer imported = post(
                "/api/v1/imports?format=openbadges",
                "application/json",
                achievement("first").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (imported.status() != 200) {
            throw new AssertionError("not imported: " + imported);
        }
        String credentialId =
                imported.body().get("credentials").get(0).get("credentialId").asString();
        return get("/api/v1/credentials/" + credentialId)
                .body()
                .get("content")
                .get("providerId")
                .asString();
    }

    /** An Open Badges 3.0 Achievement of this run's issuer. */
    String achievement(String name) {
        String base = "https://badges.example.org/" + run;
        return """
                {"@context": ["https://www.w3.org/ns/credentials/v2",
                              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "id": "%1$s/achievements/%2$s", "type": ["Achievement"],
                 "name": "Matrix %2$s", "description": "The %2$s badge of the matrix",
                 "criteria": {"id": "%1$s/criteria/%2$s", "narrative": "Take part"},
                 "creator": {"id": "%1$s/issuer", "type": ["Profile"], "name": "Matrix Academy %3$s",
                             "url": "%1$s"}}
                """.formatted(base, name, run);
    }

    private List<Document> storedFor(String providerId) {
        List<Document> stored = new ArrayList<>();
        mongo.getCollection(CREDENTIALS)
                .find(Filters.eq("content.providerId", providerId))
                .into(stored);
        mongo.getCollection("providers").find(Filters.eq("_id", providerId)).into(stored);
        return stored;
    }

    private String asJson(Object value) {
        return this.json.writeValueAsString(value);
    }
}
