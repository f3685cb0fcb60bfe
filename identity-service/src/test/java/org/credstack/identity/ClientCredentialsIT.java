package org.credstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import org.bson.Document;
import org.credstack.identity.client.ClientRecord;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

class ClientCredentialsIT extends RunningIdentity {

    @Test
    void partnerClientGetsAJwtWithPartnerRoleAndItsProvider() {
        Jwt token = verify(baseUrl(), partnerToken());

        assertThat(token.getSubject()).isEqualTo(credentials().getProperty("partner.client-id"));
        assertThat(token.getClaimAsStringList("roles")).containsExactly("partner");
        assertThat(token.getClaimAsStringList("provider_ids")).containsExactly("demo-provider");
        assertThat(token.getClaimAsString("scope")).isEqualTo("credstack");
        assertThat(token.getExpiresAt()).isAfter(token.getIssuedAt());
    }

    @Test
    void wrongSecretIsRefusedAsInvalidClient() {
        HttpResponse<String> response = tokenRequest(
                credentials().getProperty("partner.client-id"),
                "not-the-secret",
                Map.of("grant_type", "client_credentials", "scope", "credstack"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void unknownClientIsRefusedAsInvalidClient() {
        HttpResponse<String> response =
                tokenRequest("no-such-client", "whatever", Map.of("grant_type", "client_credentials"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void passwordGrantIsNotSupported() {
        Properties credentials = credentials();
        HttpResponse<String> response = tokenRequest(
                credentials.getProperty("web.client-id"),
                credentials.getProperty("web.client-secret"),
                Map.of(
                        "grant_type", "password",
                        "username", credentials.getProperty("operator.email"),
                        "password", credentials.getProperty("operator.password")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void storesClientSecretsOnlyAsHashes() {
        Properties credentials = credentials();
        for (String client : new String[] {"partner", "web"}) {
            Document stored = mongo.findOne(
                    Query.query(Criteria.where("clientId").is(credentials.getProperty(client + ".client-id"))),
                    Document.class,
                    ClientRecord.COLLECTION);

            assertThat(stored.toJson()).doesNotContain(credentials.getProperty(client + ".client-secret"));
            assertThat(stored.getString("clientSecretHash")).startsWith("{bcrypt}");
        }
    }

    @Test
    void operatorRegistersAPartnerClientWhoseTokensNameItsProvider() {
        HttpResponse<String> created = postJson(
                "/api/v1/providers/provider-42/clients", "{\"name\":\"Moodle of Provider 42\"}", operatorToken());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode client = json.readTree(created.body());
        HttpResponse<String> token = tokenRequest(
                client.path("clientId").asString(),
                client.path("clientSecret").asString(),
                Map.of("grant_type", "client_credentials", "scope", "credstack"));
        assertThat(token.statusCode()).isEqualTo(200);
        Jwt jwt = verify(
                baseUrl(), json.readTree(token.body()).path("access_token").asString());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("partner");
        assertThat(jwt.getClaimAsStringList("provider_ids")).containsExactly("provider-42");
        Document stored = mongo.findOne(
                Query.query(
                        Criteria.where("clientId").is(client.path("clientId").asString())),
                Document.class,
                ClientRecord.COLLECTION);
        assertThat(stored.toJson()).doesNotContain(client.path("clientSecret").asString());

        HttpResponse<String> audit =
                getWithToken("/api/v1/audit-log?action=partner-client.created&providerId=provider-42", operatorToken());
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        JsonNode entry = json.readTree(audit.body()).path("entries").path(0);
        assertThat(entry.path("target").asString())
                .isEqualTo("/api/v1/providers/provider-42/clients/"
                        + client.path("clientId").asString());
        assertThat(entry.path("actor").path("roles").toString()).contains("operator");
        assertThat(entry.path("actor").path("id").asString())
                .isEqualTo(verify(baseUrl(), operatorToken()).getSubject());
        assertThat(audit.body()).doesNotContain(client.path("clientSecret").asString());
    }

    @Test
    void theAuditLogIsForOperatorsAndARefusedRegistrationRecordsNothing() {
        long entries = mongo.count(new Query(), "auditLog");

        postJson("/api/v1/providers/provider-42/clients", "{\"name\":\"Sneaky LMS\"}", partnerToken());

        assertThat(mongo.count(new Query(), "auditLog")).isEqualTo(entries);
        HttpResponse<String> partner = getWithToken("/api/v1/audit-log", partnerToken());
        assertThat(partner.statusCode()).isEqualTo(403);
        assertThat(json.readTree(partner.body()).path("type").asString()).isEqualTo("urn:credstack:problem:forbidden");
        assertThat(getWithToken("/api/v1/audit-log", null).statusCode()).isEqualTo(401);
    }

    @Test
    void operatorEndpointsRefuseOtherRolesWithProblems() {
        String body = "{\"name\":\"Sneaky LMS\"}";
        long clients = mongo.count(new Query(), ClientRecord.COLLECTION);

        HttpResponse<String> anonymous = postJson("/api/v1/providers/provider-42/clients", body, null);
        HttpResponse<String> partner = postJson("/api/v1/providers/provider-42/clients", body, partnerToken());
        HttpResponse<String> forged = postJson("/api/v1/providers/provider-42/clients", body, "not.a.jwt");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json.readTree(anonymous.body()).path("type").asString())
                .isEqualTo("urn:credstack:problem:unauthorized");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(partner.statusCode()).isEqualTo(403);
        assertThat(partner.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(partner.body()).path("type").asString()).isEqualTo("urn:credstack:problem:forbidden");
        assertThat(mongo.count(new Query(), ClientRecord.COLLECTION)).isEqualTo(clients);
    }
}
