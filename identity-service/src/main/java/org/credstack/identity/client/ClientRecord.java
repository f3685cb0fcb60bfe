package org.credstack.identity.client;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered OAuth client: a document of the {@code clients} collection, read by {@code _id} or by the unique
 * {@code clientId}. Token lifetimes are not stored: they come from {@code credstack.identity.*} when the client is
 * read.
 *
 * @param id the registration id (a UUID)
 * @param clientId the {@code client_id}
 * @param clientSecretHash the secret as {@code DelegatingPasswordEncoder} stores it; {@code null} for a public client
 * @param clientName a name for people
 * @param issuedAt when the client was registered ({@code client_id_issued_at})
 * @param authenticationMethods {@code client_secret_basic}, {@code client_secret_post}, {@code none}
 * @param grantTypes {@code client_credentials}, {@code authorization_code}, {@code refresh_token}
 * @param redirectUris exact redirect URIs (authorization code)
 * @param postLogoutRedirectUris exact URIs after RP-initiated logout
 * @param scopes the scopes the client may ask for
 * @param requireProofKey PKCE required (always for authorization code)
 * @param roles the {@code roles} claim of a client-credentials token, e.g. {@code [partner]}
 * @param providerIds the {@code provider_ids} claim of a client-credentials token
 */
@Document(ClientRecord.COLLECTION)
public record ClientRecord(
        @Id String id,
        @Indexed(unique = true) String clientId,
        String clientSecretHash,
        String clientName,
        Instant issuedAt,
        List<String> authenticationMethods,
        List<String> grantTypes,
        List<String> redirectUris,
        List<String> postLogoutRedirectUris,
        List<String> scopes,
        boolean requireProofKey,
        List<String> roles,
        List<String> providerIds) {

    public static final String COLLECTION = "clients";
}
