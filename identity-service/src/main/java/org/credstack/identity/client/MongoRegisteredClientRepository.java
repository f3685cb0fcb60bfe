package org.credstack.identity.client;

import java.util.List;
import org.credstack.identity.IdentityProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Spring Authorization Server's client store over the {@code clients} collection ({@link ClientRecord}): by {@code
 * _id} and by the unique {@code clientId}. A client's {@code roles} and {@code provider_ids} travel in its {@link
 * ClientSettings} under {@link #ROLES} and {@link #PROVIDER_IDS}; its token lifetimes come from {@link
 * IdentityProperties}. The secret arrives already hashed (the repository never sees a plain secret).
 */
@Component
public class MongoRegisteredClientRepository implements RegisteredClientRepository {

    /** Client setting: the {@code roles} claim values of the client's own tokens ({@code List<String>}). */
    public static final String ROLES = "credstack.roles";

    /** Client setting: the {@code provider_ids} claim values of the client's own tokens ({@code List<String>}). */
    public static final String PROVIDER_IDS = "credstack.provider-ids";

    private final MongoTemplate mongo;
    private final IdentityProperties properties;

    MongoRegisteredClientRepository(MongoTemplate mongo, IdentityProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /**
     * Stores the client, replacing the registration of the same id.
     *
     * @throws ClientIdTaken if another registration has its {@code client_id}
     */
    @Override
    public void save(RegisteredClient client) {
        try {
            mongo.save(toRecord(client));
        } catch (DuplicateKeyException e) {
            throw new ClientIdTaken(client.getClientId());
        }
    }

    /**
     * Stores a new client only.
     *
     * @throws ClientIdTaken if a registration has its {@code client_id} (nothing stored)
     */
    public void insert(RegisteredClient client) {
        try {
            mongo.insert(toRecord(client));
        } catch (DuplicateKeyException e) {
            throw new ClientIdTaken(client.getClientId());
        }
    }

    @Override
    public RegisteredClient findById(String id) {
        ClientRecord record = mongo.findById(id, ClientRecord.class);
        return record == null ? null : toClient(record);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        ClientRecord record =
                mongo.findOne(Query.query(Criteria.where("clientId").is(clientId)), ClientRecord.class);
        return record == null ? null : toClient(record);
    }

    private static ClientRecord toRecord(RegisteredClient client) {
        ClientSettings settings = client.getClientSettings();
        return new ClientRecord(
                client.getId(),
                client.getClientId(),
                client.getClientSecret(),
                client.getClientName(),
                client.getClientIdIssuedAt(),
                client.getClientAuthenticationMethods().stream()
                        .map(ClientAuthenticationMethod::getValue)
                        .sorted()
                        .toList(),
                client.getAuthorizationGrantTypes().stream()
                        .map(AuthorizationGrantType::getValue)
                        .sorted()
                        .toList(),
                List.copyOf(client.getRedirectUris()),
                List.copyOf(client.getPostLogoutRedirectUris()),
                client.getScopes().stream().sorted().toList(),
                settings.isRequireProofKey(),
                listSetting(settings, ROLES),
                listSetting(settings, PROVIDER_IDS));
    }

    private RegisteredClient toClient(ClientRecord record) {
        return RegisteredClient.withId(record.id())
                .clientId(record.clientId())
                .clientSecret(record.clientSecretHash())
                .clientName(record.clientName())
                .clientIdIssuedAt(record.issuedAt())
                .clientAuthenticationMethods(methods -> record.authenticationMethods().stream()
                        .map(ClientAuthenticationMethod::new)
                        .forEach(methods::add))
                .authorizationGrantTypes(grants -> record.grantTypes().stream()
                        .map(AuthorizationGrantType::new)
                        .forEach(grants::add))
                .redirectUris(uris -> uris.addAll(record.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(record.postLogoutRedirectUris()))
                .scopes(scopes -> scopes.addAll(record.scopes()))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(record.requireProofKey())
                        .requireAuthorizationConsent(false)
                        .setting(ROLES, List.copyOf(record.roles()))
                        .setting(PROVIDER_IDS, List.copyOf(record.providerIds()))
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.accessTokenTtl())
                        .refreshTokenTimeToLive(properties.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }

    /** A list-valued client setting ({@link #ROLES}, {@link #PROVIDER_IDS}); empty when absent. */
    public static List<String> listSetting(ClientSettings settings, String name) {
        List<?> value = settings.getSetting(name);
        return value == null ? List.of() : value.stream().map(String::valueOf).toList();
    }
}
