package org.credstack.identity.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.credstack.identity.IdentityProperties;
import org.credstack.identity.RunningIdentity;
import org.credstack.identity.account.UserAccount;
import org.credstack.identity.account.UserAccounts;
import org.credstack.identity.client.ClientRecord;
import org.credstack.identity.client.Clients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

@ExtendWith(OutputCaptureExtension.class)
class BootstrapIT extends RunningIdentity {

    @Autowired
    Bootstrap bootstrap;

    @Autowired
    IdentityProperties properties;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Clients clients;

    @Autowired
    RegisteredClientRepository registeredClients;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void firstStartWroteRandomSecretsToAnOwnerOnlyFile() throws Exception {
        Properties credentials = credentials();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(CREDENTIALS)))
                .isEqualTo("rw-------");
        assertThat(credentials.getProperty("operator.email")).isEqualTo("operator@credstack.example");
        assertThat(credentials.getProperty("staff.provider-id")).isEqualTo("demo-provider");
        assertThat(credentials.getProperty("partner.client-id")).isEqualTo("demo-partner");
        assertThat(credentials.getProperty("web.client-id")).isEqualTo("credstack-web");
        List<String> secrets = List.of(
                credentials.getProperty("operator.password"),
                credentials.getProperty("staff.password"),
                credentials.getProperty("partner.client-secret"),
                credentials.getProperty("web.client-secret"));
        assertThat(secrets).allSatisfy(s -> assertThat(s).hasSize(43).matches("[A-Za-z0-9_-]+"));
        assertThat(Set.copyOf(secrets)).hasSize(4);
        assertThat(accounts.byEmail("operator@credstack.example").orElseThrow().roleClaims())
                .containsExactly("operator");
    }

    @Test
    void aLaterStartChangesNothing() throws Exception {
        String file = Files.readString(CREDENTIALS);
        UserAccount operator = accounts.byEmail("operator@credstack.example").orElseThrow();
        long users = mongo.count(new Query(), UserAccount.COLLECTION);
        long registered = mongo.count(new Query(), ClientRecord.COLLECTION);

        Map<String, String> created = bootstrap.createAbsent();

        assertThat(created).isEmpty();
        assertThat(Files.readString(CREDENTIALS)).isEqualTo(file);
        assertThat(accounts.byEmail("operator@credstack.example").orElseThrow()).isEqualTo(operator);
        assertThat(mongo.count(new Query(), UserAccount.COLLECTION)).isEqualTo(users);
        assertThat(mongo.count(new Query(), ClientRecord.COLLECTION)).isEqualTo(registered);
    }

    @Test
    void aWebClientSecretChosenByTheDeploymentAndMovedRedirectUrisAreAlignedOnTheNextStart() {
        String webClientId = "web-" + Long.toHexString(System.nanoTime());
        URI first = URI.create("http://127.0.0.1:8090/login/oauth2/code/credstack");
        URI moved = URI.create("http://127.0.0.1:8590/login/oauth2/code/credstack");
        new Bootstrap(withWebClient(webClientId, first, ""), accounts, clients).createAbsent();

        Map<String, String> created = new Bootstrap(
                        withWebClient(webClientId, moved, "the-launchers-web-secret"), accounts, clients)
                .createAbsent();
        RegisteredClient web = registeredClients.findByClientId(webClientId);

        assertThat(created)
                .as("what the credentials file gets, for ./credstack token")
                .containsOnly(
                        Map.entry("web.client-secret", "the-launchers-web-secret"),
                        Map.entry("web.redirect-uri", moved.toString()));
        assertThat(web.getRedirectUris()).containsExactly(moved.toString());
        assertThat(passwords.matches("the-launchers-web-secret", web.getClientSecret()))
                .isTrue();
        assertThat(clients.alignWebApp(webClientId, "the-launchers-web-secret", List.of(moved)))
                .as("a second start finds nothing to change")
                .isFalse();
    }

    private IdentityProperties withWebClient(String webClientId, URI redirectUri, String secret) {
        IdentityProperties.Bootstrap b = properties.bootstrap();
        return new IdentityProperties(
                properties.accessTokenTtl(),
                properties.refreshTokenTtl(),
                properties.keyRotation(),
                properties.keyCheckInterval(),
                new IdentityProperties.Bootstrap(
                        b.credentialsFile(),
                        b.operatorEmail(),
                        b.demoProviderId(),
                        b.staffEmail(),
                        b.partnerClientId(),
                        webClientId,
                        List.of(redirectUri),
                        secret));
    }

    @Test
    void anotherPlatformGetsOtherSecretsAndNoneIsLogged(CapturedOutput output) throws Exception {
        Path otherFile = Files.createTempDirectory("identity-bootstrap").resolve("credentials.txt");
        String suffix = Long.toHexString(System.nanoTime());
        IdentityProperties other = new IdentityProperties(
                properties.accessTokenTtl(),
                properties.refreshTokenTtl(),
                properties.keyRotation(),
                properties.keyCheckInterval(),
                new IdentityProperties.Bootstrap(
                        otherFile,
                        "operator-" + suffix + "@credstack.example",
                        "provider-" + suffix,
                        "staff-" + suffix + "@credstack.example",
                        "partner-" + suffix,
                        "web-" + suffix,
                        List.of(URI.create("http://127.0.0.1:8400/callback")),
                        ""));

        Map<String, String> created = new Bootstrap(other, accounts, clients).createAbsent();

        assertThat(created).containsKeys("operator.password", "staff.password", "partner.client-secret");
        assertThat(created.get("operator.password")).isNotEqualTo(credentials().getProperty("operator.password"));
        assertThat(created.get("partner.client-secret"))
                .isNotEqualTo(credentials().getProperty("partner.client-secret"));
        assertThat(output.getAll()).contains(otherFile.toString());
        created.values().stream()
                .filter(value -> value.length() == 43)
                .forEach(secret -> assertThat(output.getAll()).doesNotContain(secret));
    }
}
