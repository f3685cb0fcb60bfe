package org.credstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DiscoveryIT extends RunningIdentity {

    @Test
    void publishesOpenIdConfigurationWithoutThePasswordGrant() {
        HttpResponse<String> response = get(browser(), "/.well-known/openid-configuration", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode configuration = json.readTree(response.body());
        assertThat(configuration.path("issuer").asString()).isEqualTo(baseUrl());
        assertThat(configuration.path("jwks_uri").asString()).isEqualTo(baseUrl() + "/oauth2/jwks");
        assertThat(configuration.path("token_endpoint").asString()).isEqualTo(baseUrl() + "/oauth2/token");
        assertThat(configuration.path("authorization_endpoint").asString()).isEqualTo(baseUrl() + "/oauth2/authorize");
        assertThat(strings(configuration.path("grant_types_supported")))
                .contains("authorization_code", "client_credentials", "refresh_token")
                .doesNotContain("password");
        assertThat(strings(configuration.path("code_challenge_methods_supported")))
                .contains("S256");
        assertThat(strings(configuration.path("id_token_signing_alg_values_supported")))
                .contains("RS256");
    }

    @Test
    void publishesThePublicRsaSigningKeyOnly() {
        HttpResponse<String> response = get(browser(), "/oauth2/jwks", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode key = json.readTree(response.body()).path("keys").get(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("kid").asString()).isNotBlank();
        assertThat(key.path("n").asString()).isNotBlank();
        assertThat(key.has("d")).as("private exponent published").isFalse();
        assertThat(key.has("p")).isFalse();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
