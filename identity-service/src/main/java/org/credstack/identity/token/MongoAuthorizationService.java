package org.credstack.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.credstack.identity.client.MongoRegisteredClientRepository;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Authorization Server's authorization store over MongoDB: {@link StoredAuthorization} by {@code _id}, and a
 * {@link TokenKey} per token value (its SHA-256 as {@code _id}), so {@link #findByToken} reads two documents by
 * {@code _id} and never scans. Saving writes the token keys first, then the authorization, then drops the keys of
 * tokens it no longer holds: a crash in between leaves at most a key that {@link #findByToken} ignores, because it
 * checks the authorization really holds the token.
 */
@Component
public class MongoAuthorizationService implements OAuth2AuthorizationService {

    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
    private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);
    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final MongoTemplate mongo;
    private final MongoRegisteredClientRepository clients;
    private final JsonMapper json = JsonMapper.builder()
            .addModules(SecurityJacksonModules.getModules(MongoAuthorizationService.class.getClassLoader()))
            .build();

    MongoAuthorizationService(MongoTemplate mongo, MongoRegisteredClientRepository clients) {
        this.mongo = mongo;
        this.clients = clients;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Map<String, OAuth2TokenType> tokens = tokenValues(authorization);
        List<String> keys = new ArrayList<>();
        tokens.forEach((value, type) -> {
            TokenKey key = new TokenKey(hash(value), authorization.getId(), type.getValue());
            mongo.save(key);
            keys.add(key.id());
        });
        StoredAuthorization previous = mongo.findById(authorization.getId(), StoredAuthorization.class);
        mongo.save(toDocument(authorization, keys));
        if (previous != null) {
            Set<String> stale = new HashSet<>(previous.tokenKeys());
            keys.forEach(stale::remove);
            removeKeys(stale);
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        StoredAuthorization stored = mongo.findById(authorization.getId(), StoredAuthorization.class);
        mongo.remove(Query.query(Criteria.where("_id").is(authorization.getId())), StoredAuthorization.class);
        if (stored != null) {
            removeKeys(stored.tokenKeys());
        }
    }

    @Override
    public OAuth2Authorization findById(String id) {
        StoredAuthorization stored = mongo.findById(id, StoredAuthorization.class);
        return stored == null ? null : toAuthorization(stored);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        TokenKey key = mongo.findById(hash(token), TokenKey.class);
        if (key == null || (tokenType != null && !tokenType.getValue().equals(key.type()))) {
            return null;
        }
        OAuth2Authorization authorization = findById(key.authorizationId());
        if (authorization == null) {
            return null;
        }
        OAuth2TokenType held = tokenValues(authorization).get(token);
        return held != null && held.getValue().equals(key.type()) ? authorization : null;
    }

    private void removeKeys(java.util.Collection<String> keys) {
        if (!keys.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(keys)), TokenKey.class);
        }
    }

    /** Every value by which the authorization can be found, with its type. */
    private static Map<String, OAuth2TokenType> tokenValues(OAuth2Authorization authorization) {
        Map<String, OAuth2TokenType> values = new java.util.LinkedHashMap<>();
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null && !state.isEmpty()) {
            values.put(state, STATE);
        }
        put(values, authorization.getToken(OAuth2AuthorizationCode.class), CODE);
        put(values, authorization.getToken(OAuth2AccessToken.class), OAuth2TokenType.ACCESS_TOKEN);
        put(values, authorization.getToken(OidcIdToken.class), ID_TOKEN);
        put(values, authorization.getToken(OAuth2RefreshToken.class), OAuth2TokenType.REFRESH_TOKEN);
        return values;
    }

    private static void put(
            Map<String, OAuth2TokenType> values, OAuth2Authorization.Token<?> token, OAuth2TokenType type) {
        if (token != null) {
            values.put(token.getToken().getTokenValue(), type);
        }
    }

    private StoredAuthorization toDocument(OAuth2Authorization authorization, List<String> keys) {
        Map<String, Object> attributes = new java.util.HashMap<>(authorization.getAttributes());
        String state = (String) attributes.remove(OAuth2ParameterNames.STATE);
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getToken(OAuth2AccessToken.class);
        return new StoredAuthorization(
                authorization.getId(),
                authorization.getRegisteredClientId(),
                authorization.getPrincipalName(),
                authorization.getAuthorizationGrantType().getValue(),
                List.copyOf(authorization.getAuthorizedScopes()),
                json.writeValueAsString(attributes),
                state,
                stored(authorization.getToken(OAuth2AuthorizationCode.class), null, null),
                access == null
                        ? null
                        : stored(
                                access,
                                access.getToken().getTokenType().getValue(),
                                List.copyOf(access.getToken().getScopes())),
                stored(authorization.getToken(OidcIdToken.class), null, null),
                stored(authorization.getToken(OAuth2RefreshToken.class), null, null),
                keys,
                latestExpiry(authorization));
    }

    private StoredAuthorization.StoredToken stored(
            OAuth2Authorization.Token<? extends OAuth2Token> token, String tokenType, List<String> scopes) {
        if (token == null) {
            return null;
        }
        OAuth2Token value = token.getToken();
        return new StoredAuthorization.StoredToken(
                value.getTokenValue(),
                value.getIssuedAt(),
                value.getExpiresAt(),
                json.writeValueAsString(token.getMetadata()),
                tokenType,
                scopes);
    }

    private static Instant latestExpiry(OAuth2Authorization authorization) {
        return java.util.stream.Stream.of(
                        authorization.getToken(OAuth2AuthorizationCode.class),
                        authorization.getToken(OAuth2AccessToken.class),
                        authorization.getToken(OidcIdToken.class),
                        authorization.getToken(OAuth2RefreshToken.class))
                .filter(Objects::nonNull)
                .map(token -> token.getToken().getExpiresAt())
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private OAuth2Authorization toAuthorization(StoredAuthorization stored) {
        RegisteredClient client = clients.findById(stored.registeredClientId());
        if (client == null) {
            throw new DataRetrievalFailureException(
                    "authorization " + stored.id() + " names an unknown client " + stored.registeredClientId());
        }
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(stored.id())
                .principalName(stored.principalName())
                .authorizationGrantType(new AuthorizationGrantType(stored.grantType()))
                .authorizedScopes(Set.copyOf(stored.authorizedScopes()))
                .attributes(attributes -> attributes.putAll(read(stored.attributes())));
        if (stored.state() != null) {
            builder.attribute(OAuth2ParameterNames.STATE, stored.state());
        }
        StoredAuthorization.StoredToken code = stored.authorizationCode();
        if (code != null) {
            builder.token(
                    new OAuth2AuthorizationCode(code.value(), code.issuedAt(), code.expiresAt()),
                    metadata -> metadata.putAll(read(code.metadata())));
        }
        StoredAuthorization.StoredToken access = stored.accessToken();
        if (access != null) {
            OAuth2AccessToken.TokenType type =
                    OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(access.tokenType())
                            ? OAuth2AccessToken.TokenType.DPOP
                            : OAuth2AccessToken.TokenType.BEARER;
            builder.token(
                    new OAuth2AccessToken(
                            type,
                            access.value(),
                            access.issuedAt(),
                            access.expiresAt(),
                            access.scopes() == null ? Set.of() : Set.copyOf(access.scopes())),
                    metadata -> metadata.putAll(read(access.metadata())));
        }
        StoredAuthorization.StoredToken id = stored.idToken();
        if (id != null) {
            Map<String, Object> metadata = read(id.metadata());
            builder.token(
                    new OidcIdToken(id.value(), id.issuedAt(), id.expiresAt(), (Map<String, Object>)
                            metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME)),
                    m -> m.putAll(metadata));
        }
        StoredAuthorization.StoredToken refresh = stored.refreshToken();
        if (refresh != null) {
            builder.token(
                    new OAuth2RefreshToken(refresh.value(), refresh.issuedAt(), refresh.expiresAt()),
                    metadata -> metadata.putAll(read(refresh.metadata())));
        }
        return builder.build();
    }

    private Map<String, Object> read(String value) {
        return json.readValue(value, MAP);
    }

    /** base64url of the SHA-256 of a token value: its {@link TokenKey} id. */
    static String hash(String tokenValue) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokenValue.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
