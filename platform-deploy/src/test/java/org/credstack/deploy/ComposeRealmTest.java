package org.credstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.credstack.runtime.security.Role;
import org.credstack.runtime.security.SecurityProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Keycloak realm of docker-compose.yml ({@code deploy/keycloak/credstack-realm.json}) gives the tokens the
 * identity contract our services read (docs/identity.md, "Claims" and "Another provider"), and compose points every
 * service at it by the names Keycloak uses.
 */
class ComposeRealmTest {

    static Path root;
    static JsonNode realm;
    static ComposeFile compose;

    @BeforeAll
    static void read() throws IOException {
        root = ComposePlatform.repositoryRoot();
        realm = JsonMapper.builder()
                .build()
                .readTree(Files.readString(root.resolve("deploy/keycloak/credstack-realm.json")));
        compose = ComposeFile.read(root.resolve("docker-compose.yml"));
    }

    @Test
    void hasARealmRoleForEveryRoleTheServicesKnow() {
        List<String> realmRoles = texts(realm.path("roles").path("realm"), "name");

        assertThat(realmRoles)
                .containsAll(Arrays.stream(Role.values()).map(Role::claimValue).toList());
        assertThat(realm.path("defaultRole")
                        .path("composites")
                        .path("realm")
                        .get(0)
                        .asString())
                .as("a person who registers at Keycloak is a learner, as at identity-service")
                .isEqualTo("learner");
    }

    @Test
    void putsRolesAndProviderIdsUnderTheClaimNamesTheServicesRead() {
        JsonNode credstack = named(realm.path("clientScopes"), "credstack");
        JsonNode roles = mapper(credstack, "oidc-usermodel-realm-role-mapper");
        JsonNode providerIds = mapper(credstack, "oidc-usermodel-attribute-mapper");

        assertThat(roles.path("config").path("claim.name").asString()).isEqualTo(defaultOf("rolesClaim"));
        assertThat(providerIds.path("config").path("claim.name").asString()).isEqualTo(defaultOf("providerIdsClaim"));
        assertThat(providerIds.path("config").path("user.attribute").asString()).isEqualTo("provider_ids");
        for (JsonNode claim : List.of(roles, providerIds)) {
            assertThat(claim.path("config").path("multivalued").asString()).isEqualTo("true");
            assertThat(claim.path("config").path("access.token.claim").asString())
                    .as("the services read the access token")
                    .isEqualTo("true");
            assertThat(claim.path("config").path("id.token.claim").asString())
                    .as("the web app reads the ID token")
                    .isEqualTo("true");
        }
        assertThat(roles.path("config")
                        .path("usermodel.realmRoleMapping.rolePrefix")
                        .asString())
                .isEmpty();
        assertThat(realm.path("components").toString())
                .as("the user profile declares provider_ids, so mappers see it")
                .contains("\\\"name\\\":\\\"provider_ids\\\"");
        assertThat(texts(realm.path("clientScopes"), "name")).contains("basic", "profile", "email", "credstack");
    }

    @Test
    void registersTheWebAppAsTheConfidentialPkceClientItSignsInAs() throws IOException {
        String clientId = ComposePlatform.settings(root.resolve("web-app/src/main/resources/application.yml"))
                .get("credstack.web.client-id");
        JsonNode web = client(clientId);
        String webUrl = compose.environment("web-app").get("CREDSTACK_URLS_WEB");

        assertThat(web.path("publicClient").asBoolean()).isFalse();
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asString())
                .isEqualTo("S256");
        assertThat(texts(web.path("redirectUris"), null)).containsExactly(webUrl + "/login/oauth2/code/credstack");
        assertThat(texts(web.path("defaultClientScopes"), null)).containsAll(scopesTheWebAppAsksFor());
        assertThat(secretDefault(web.path("secret").asString(), "CREDSTACK_WEB_CLIENT_SECRET"))
                .as("Keycloak and the web app get the same client secret")
                .isEqualTo(compose.environment("web-app").get("CREDSTACK_WEB_CLIENT_SECRET"))
                .isEqualTo(compose.environment("keycloak").get("CREDSTACK_WEB_CLIENT_SECRET"));
    }

    @Test
    void hasAPartnerClientWhoseServiceAccountIsAPartnerOfItsProvider() {
        JsonNode partner = client("demo-partner");
        JsonNode serviceAccount = StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(user -> "demo-partner"
                        .equals(user.path("serviceAccountClientId").asString()))
                .findFirst()
                .orElseThrow();

        assertThat(partner.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(partner.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(texts(partner.path("defaultClientScopes"), null)).contains("credstack");
        assertThat(texts(serviceAccount.path("realmRoles"), null)).containsExactly("partner");
        assertThat(texts(serviceAccount.path("attributes").path("provider_ids"), null))
                .containsExactly(
                        compose.environment("catalog-service").get("CREDSTACK_CATALOG_BOOTSTRAP_DEMOPROVIDERID"));
    }

    @Test
    void keycloakIsGivenEveryVariableTheRealmFileReads() throws IOException {
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}")
                .matcher(Files.readString(root.resolve("deploy/keycloak/credstack-realm.json")));
        List<String> read = new ArrayList<>();
        while (placeholder.find()) {
            read.add(placeholder.group(1));
        }

        assertThat(read).isNotEmpty();
        assertThat(compose.environment("keycloak")).containsKeys(read.toArray(String[]::new));
    }

    @Test
    void pointsEveryServiceAtTheRealmByItsPublicIssuerAndItsKeysInsideTheNetwork() {
        String hostname = compose.environment("keycloak").get("KC_HOSTNAME");
        String issuer = hostname + "/realms/" + realm.path("realm").asString();
        String inside = "http://keycloak:" + compose.containerPorts("keycloak").getFirst() + "/realms/"
                + realm.path("realm").asString() + "/protocol/openid-connect";

        assertThat(compose.service("keycloak").get("ports"))
                .asList()
                .contains(hostname.substring(hostname.lastIndexOf(':') + 1) + ":"
                        + compose.containerPorts("keycloak").getFirst());
        for (String service :
                List.of("catalog-service", "enrollment-service", "badge-service", "notification-service")) {
            Map<String, String> environment = compose.environment(service);
            assertThat(environment)
                    .as(service)
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", issuer)
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", inside + "/certs");
        }
        assertThat(compose.environment("web-app"))
                .containsEntry("CREDSTACK_WEB_OIDC_ISSUER", issuer)
                .containsEntry("CREDSTACK_WEB_OIDC_AUTHORIZATIONURI", issuer + "/protocol/openid-connect/auth")
                .containsEntry("CREDSTACK_WEB_OIDC_TOKENURI", inside + "/token")
                .containsEntry("CREDSTACK_WEB_OIDC_JWKSETURI", inside + "/certs");
    }

    /** The scopes of the web app's client registration ({@code .scope("openid", ...)} in SignInConfiguration). */
    private static List<String> scopesTheWebAppAsksFor() throws IOException {
        String source = Files.readString(
                root.resolve("web-app/src/main/java/org/credstack/web/signin/SignInConfiguration.java"));
        Matcher scope = Pattern.compile("\\.scope\\(([^)]*)\\)").matcher(source);
        assertThat(scope.find()).isTrue();
        return Arrays.stream(scope.group(1).split(","))
                .map(each -> each.strip().replace("\"", ""))
                .filter(each -> !each.equals("openid"))
                .toList();
    }

    private static String defaultOf(String component) {
        Parameter parameter = Arrays.stream(SecurityProperties.class.getDeclaredConstructors()[0].getParameters())
                .filter(each -> each.getName().equals(component))
                .findFirst()
                .orElseThrow();
        return parameter.getAnnotation(DefaultValue.class).value()[0];
    }

    /** {@code ${VAR:default}} in the realm file → the value compose gives Keycloak for VAR. */
    private static String secretDefault(String placeholder, String variable) {
        assertThat(placeholder).startsWith("${" + variable + ":");
        return compose.environment("keycloak").get(variable);
    }

    private static JsonNode client(String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> clientId.equals(client.path("clientId").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the realm has no client " + clientId));
    }

    private static JsonNode named(JsonNode array, String name) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(each -> name.equals(each.path("name").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing named " + name));
    }

    private static JsonNode mapper(JsonNode scope, String type) {
        return StreamSupport.stream(scope.path("protocolMappers").spliterator(), false)
                .filter(each -> type.equals(each.path("protocolMapper").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + scope.path("name")));
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(each -> field == null ? each.asString() : each.path(field).asString())
                .toList();
    }
}
