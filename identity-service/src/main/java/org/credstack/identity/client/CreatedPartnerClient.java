package org.credstack.identity.client;

import java.util.List;

/**
 * A partner client just registered, with its secret shown this once (only its hash is stored).
 *
 * @param clientId the {@code client_id}
 * @param clientSecret the {@code client_secret}
 * @param clientName the name given
 * @param roles the {@code roles} claim of its tokens: {@code [partner]}
 * @param providerIds the {@code provider_ids} claim of its tokens: {@code [providerId]}
 * @param grantType {@code client_credentials}
 * @param scope the scope to ask for: {@code credstack}
 */
record CreatedPartnerClient(
        String clientId,
        String clientSecret,
        String clientName,
        List<String> roles,
        List<String> providerIds,
        String grantType,
        String scope) {}
