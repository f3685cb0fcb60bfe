package org.credstack.identity.client;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.credstack.identity.account.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Component;

/**
 * Registers the two kinds of client CredStack knows, their secrets hashed with the {@code DelegatingPasswordEncoder}:
 * a provider's partner system (client credentials; its tokens carry {@code roles [partner]} and {@code provider_ids
 * [providerId]}) and a first-party web app (authorization code with PKCE and refresh tokens, scopes {@code openid
 * profile email credstack}; its tokens are the signed-in person's).
 */
@Component
public class Clients {

    /** The scope of every CredStack API token. */
    public static final String CREDSTACK_SCOPE = "credstack";

    private final MongoRegisteredClientRepository repository;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Clients(MongoRegisteredClientRepository repository, PasswordEncoder passwords, Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Registers a partner system of one provider.
     *
     * @param secret the plain secret (only its hash is stored)
     * @throws ClientIdTaken if the {@code client_id} is registered (nothing stored)
     */
    public RegisteredClient registerPartner(String clientId, String name, String providerId, String secret) {
        RegisteredClient client = confidential(clientId, name, secret)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(CREDSTACK_SCOPE)
                .clientSettings(ClientSettings.builder()
                        .setting(MongoRegisteredClientRepository.ROLES, List.of(Role.PARTNER.claim()))
                        .setting(MongoRegisteredClientRepository.PROVIDER_IDS, List.of(providerId))
                        .build())
                .build();
        repository.insert(client);
        return client;
    }

    /**
     * Registers a first-party web app (a confidential client: refresh tokens are issued to confidential clients only).
     *
     * @param secret the plain secret (only its hash is stored)
     * @param redirectUris exact redirect URIs
     * @throws ClientIdTaken if the {@code client_id} is registered (nothing stored)
     */
    public RegisteredClient registerWebApp(String clientId, String name, String secret, List<URI> redirectUris) {
        RegisteredClient client = confidential(clientId, name, secret)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> redirectUris.forEach(uri -> uris.add(uri.toString())))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .scope(CREDSTACK_SCOPE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).build())
                .build();
        repository.insert(client);
        return client;
    }

    /**
     * Makes a registered web app's secret and redirect URIs these, when they differ (a secret the deployment chose,
     * a web app moved to another port).
     *
     * @param secret the plain secret (only its hash is stored)
     * @return whether anything changed; {@code false} also when no such client is registered
     */
    public boolean alignWebApp(String clientId, String secret, List<URI> redirectUris) {
        RegisteredClient client = repository.findByClientId(clientId);
        if (client == null) {
            return false;
        }
        Set<String> wanted =
                redirectUris.stream().map(URI::toString).collect(Collectors.toCollection(LinkedHashSet::new));
        boolean sameSecret = passwords.matches(secret, client.getClientSecret());
        if (sameSecret && client.getRedirectUris().equals(wanted)) {
            return false;
        }
        repository.save(RegisteredClient.from(client)
                .clientSecret(sameSecret ? client.getClientSecret() : passwords.encode(secret))
                .redirectUris(uris -> {
                    uris.clear();
                    uris.addAll(wanted);
                })
                .build());
        return true;
    }

    /** Whether a client with this {@code client_id} is registered. */
    public boolean exists(String clientId) {
        return repository.findByClientId(clientId) != null;
    }

    /** A confidential client authenticating with its secret (Basic or form), issued now. */
    private RegisteredClient.Builder confidential(String clientId, String name, String secret) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(passwords.encode(secret))
                .clientName(name)
                .clientIdIssuedAt(clock.instant())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }
}
