package org.credstack.identity.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credstack.identity.IdentityProperties;
import org.credstack.identity.Secrets;
import org.credstack.identity.account.EmailTaken;
import org.credstack.identity.account.Role;
import org.credstack.identity.account.UserAccounts;
import org.credstack.identity.client.ClientIdTaken;
import org.credstack.identity.client.Clients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first start (docs/identity.md, "First start"): when {@code
 * credstack.identity.bootstrap.credentials-file} is set, creates whichever of these is absent, each with a random
 * password or secret: an operator account, the demo provider's staff account, the demo provider's partner client
 * (client credentials) and the web app client (authorization code with PKCE). What it created is appended to the
 * credentials file as {@code key=value} lines ({@code operator.email}, {@code operator.password}, ...), a file only its
 * owner may read or write; no password or secret is ever logged. A later start finds everything present and changes
 * nothing, the file included, except that a web client secret chosen by the deployment ({@code
 * web-client-secret}) and the configured redirect URIs are made to match the stored web client.
 */
@Component
public class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final IdentityProperties.Bootstrap settings;
    private final UserAccounts accounts;
    private final Clients clients;

    Bootstrap(IdentityProperties properties, UserAccounts accounts, Clients clients) {
        this.settings = properties.bootstrap();
        this.accounts = accounts;
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.credentialsFile() != null) {
            createAbsent();
        }
    }

    /**
     * Creates what is absent and appends its credentials to the file.
     *
     * @return the {@code key=value} pairs written, empty when everything was present
     * @throws UncheckedIOException if the credentials file cannot be written
     */
    public Map<String, String> createAbsent() {
        Map<String, String> created = new LinkedHashMap<>();
        account("operator", settings.operatorEmail(), "CredStack operator", Role.OPERATOR, List.of(), created);
        account(
                "staff",
                settings.staffEmail(),
                "Demo provider staff",
                Role.PROVIDER_STAFF,
                List.of(settings.demoProviderId()),
                created);
        if (!clients.exists(settings.partnerClientId())) {
            String secret = Secrets.random();
            try {
                clients.registerPartner(
                        settings.partnerClientId(), "Demo partner LMS", settings.demoProviderId(), secret);
                created.put("partner.client-id", settings.partnerClientId());
                created.put("partner.client-secret", secret);
                created.put("partner.provider-id", settings.demoProviderId());
            } catch (ClientIdTaken e) {
                log.info("identity bootstrap: client {} was created by another instance", settings.partnerClientId());
            }
        }
        if (!clients.exists(settings.webClientId())) {
            String secret = settings.webClientSecretChosen() ? settings.webClientSecret() : Secrets.random();
            try {
                clients.registerWebApp(settings.webClientId(), "CredStack web app", secret, settings.webRedirectUris());
                created.put("web.client-id", settings.webClientId());
                created.put("web.client-secret", secret);
                created.put(
                        "web.redirect-uri",
                        settings.webRedirectUris().getFirst().toString());
            } catch (ClientIdTaken e) {
                log.info("identity bootstrap: client {} was created by another instance", settings.webClientId());
            }
        } else if (settings.webClientSecretChosen()
                && clients.alignWebApp(
                        settings.webClientId(), settings.webClientSecret(), settings.webRedirectUris())) {
            log.info(
                    "identity bootstrap: client {} now has the configured secret and redirect URIs {}",
                    settings.webClientId(),
                    settings.webRedirectUris());
            // later lines win when the file is read: `./credstack token` signs people in with these
            created.put("web.client-secret", settings.webClientSecret());
            created.put(
                    "web.redirect-uri", settings.webRedirectUris().getFirst().toString());
        }
        if (created.isEmpty()) {
            log.info("identity bootstrap: accounts and clients present; nothing created");
        } else {
            append(settings.credentialsFile(), created);
            log.info(
                    "identity bootstrap: created {}; their passwords and secrets are in {}",
                    created.keySet().stream()
                            .filter(key -> key.endsWith(".email") || key.endsWith(".client-id"))
                            .map(created::get)
                            .toList(),
                    settings.credentialsFile());
        }
        return created;
    }

    private void account(
            String name,
            String email,
            String displayName,
            Role role,
            List<String> providerIds,
            Map<String, String> created) {
        if (accounts.byEmail(email).isPresent()) {
            return;
        }
        String password = Secrets.random();
        try {
            accounts.create(email, password, displayName, List.of(role), providerIds);
            created.put(name + ".email", UserAccounts.normalized(email));
            created.put(name + ".password", password);
            if (!providerIds.isEmpty()) {
                created.put(name + ".provider-id", providerIds.getFirst());
            }
        } catch (EmailTaken e) {
            log.info("identity bootstrap: account {} was created by another instance", email);
        }
    }

    private static void append(Path file, Map<String, String> created) {
        StringBuilder text = new StringBuilder();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!Files.exists(file)) {
                createOwnerOnly(file);
                text.append("# CredStack identity-service: accounts and clients made on first start.\n")
                        .append("# Keep this file private; only the hashes are stored in the identity database.\n");
            }
            created.forEach(
                    (key, value) -> text.append(key).append('=').append(value).append('\n'));
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the credentials file " + file, e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }
}
