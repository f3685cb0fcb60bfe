package org.credstack.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.time.Instant;
import java.util.List;
import org.credstack.web.signin.SignInConfiguration;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/**
 * A signed-in person for MockMvc page tests, as the sign-in flow leaves them (SignInIT tests the flow itself): an
 * ID token with {@code roles} and {@code provider_ids}, the role authorities, and an access token the page relays
 * to the services ({@value #ACCESS_TOKEN}, so a stub service can check it got {@code Bearer access-token}).
 */
public final class SignedInAs {

    /** The access token every signed-in test person has. */
    public static final String ACCESS_TOKEN = "access-token";

    private SignedInAs() {}

    /** A learner whose learner id (the {@code sub}) is {@code learnerId}. */
    public static OidcLoginRequestPostProcessor learner(ClientRegistration registration, String learnerId) {
        return person(registration, learnerId, List.of(SignInConfiguration.LEARNER), List.of());
    }

    /** A member of staff of {@code providerId}. */
    public static OidcLoginRequestPostProcessor staff(
            ClientRegistration registration, String accountId, String providerId) {
        return person(registration, accountId, List.of(SignInConfiguration.PROVIDER_STAFF), List.of(providerId));
    }

    /** An operator. */
    public static OidcLoginRequestPostProcessor operator(ClientRegistration registration, String accountId) {
        return person(registration, accountId, List.of(SignInConfiguration.OPERATOR), List.of());
    }

    /**
     * Anyone: {@code registration} is the app's ({@code ClientRegistrationRepository.findByRegistrationId(
     * SignInConfiguration.REGISTRATION_ID)}).
     */
    public static OidcLoginRequestPostProcessor person(
            ClientRegistration registration, String subject, List<String> roles, List<String> providerIds) {
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(900))
                .claim("name", "Test " + subject)
                .claim("email", subject + "@example.org")
                .claim("roles", roles)
                .claims(claims -> {
                    if (!providerIds.isEmpty()) {
                        claims.put("provider_ids", providerIds);
                    }
                })
                .build();
        return oidcLogin()
                .clientRegistration(registration)
                .idToken(token -> token.claims(claims -> claims.putAll(idToken.getClaims())))
                .authorities(roles.stream()
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(java.util.Locale.ROOT)))
                        .toArray(SimpleGrantedAuthority[]::new));
    }
}
