package org.credstack.identity.token;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An {@code OAuth2Authorization} as the {@code authorizations} collection keeps it, read by {@code _id}; its tokens
 * are found through {@link TokenKey}s. Attributes and token metadata are JSON written by Spring Security's Jackson
 * modules (as its JDBC store does).
 *
 * @param id the authorization id
 * @param registeredClientId the client's registration id
 * @param principalName the account id of a person, the {@code client_id} for client credentials
 * @param grantType {@code authorization_code}, {@code client_credentials}, {@code refresh_token}
 * @param authorizedScopes the scopes granted
 * @param attributes JSON of the attributes (authorization request, principal, ...)
 * @param state the {@code state} of an authorization request in progress
 * @param authorizationCode the code, until exchanged
 * @param accessToken the latest access token
 * @param idToken the latest OpenID Connect ID token
 * @param refreshToken the latest refresh token
 * @param tokenKeys the {@code _id}s of this authorization's {@link TokenKey}s
 * @param expiresAt the latest expiry of its tokens
 */
@Document(StoredAuthorization.COLLECTION)
record StoredAuthorization(
        @Id String id,
        String registeredClientId,
        String principalName,
        String grantType,
        List<String> authorizedScopes,
        String attributes,
        String state,
        StoredToken authorizationCode,
        StoredToken accessToken,
        StoredToken idToken,
        StoredToken refreshToken,
        List<String> tokenKeys,
        Instant expiresAt) {

    static final String COLLECTION = "authorizations";

    /**
     * One token of an authorization.
     *
     * @param value the token value
     * @param issuedAt when issued
     * @param expiresAt when it expires ({@code null}: never)
     * @param metadata JSON of its metadata (claims, invalidated, ...)
     * @param tokenType {@code Bearer} or {@code DPoP} for an access token
     * @param scopes an access token's scopes
     */
    record StoredToken(
            String value,
            Instant issuedAt,
            Instant expiresAt,
            String metadata,
            String tokenType,
            List<String> scopes) {}
}
