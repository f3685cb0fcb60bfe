package org.credstack.identity.token;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Finds an authorization by one of its token values with a read by {@code _id}: a document of the {@code
 * authorizationTokens} collection per {@code state}, code, access, refresh and ID token.
 *
 * @param id base64url of the SHA-256 of the token value
 * @param authorizationId the authorization holding the token
 * @param type {@code state}, {@code code}, {@code access_token}, {@code refresh_token} or {@code id_token}
 */
@Document(TokenKey.COLLECTION)
record TokenKey(@Id String id, String authorizationId, String type) {

    static final String COLLECTION = "authorizationTokens";
}
