package org.credstack.web.signin;

import java.util.List;

/**
 * The signed-in person on whose behalf a page calls the services: who they are, what they may do, and the access
 * token the services check (docs/identity.md, "Claims"). A controller method takes it as a parameter; it is resolved
 * from the session by {@link CallerResolver}, refreshing an expired access token first.
 *
 * @param subject the account id ({@code sub}); a learner's is their learner id
 * @param name the display name ({@code name}), or the e-mail when the account has none
 * @param email the sign-in e-mail
 * @param roles the platform roles ({@code learner}, {@code provider_staff}, {@code operator})
 * @param providerIds the providers a member of staff works for; empty otherwise
 * @param accessToken the current access token (a JWT, valid for minutes); never logged or shown
 */
public record Caller(
        String subject, String name, String email, List<String> roles, List<String> providerIds, String accessToken) {

    public Caller {
        roles = List.copyOf(roles);
        providerIds = List.copyOf(providerIds);
    }

    /** The {@code Authorization} header value for a call to a service: {@code Bearer <access token>}. */
    public String authorization() {
        return "Bearer " + accessToken;
    }

    /** Whether the person has the platform role ({@code learner}, {@code provider_staff}, {@code operator}). */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "Caller[subject=" + subject + ", roles=" + roles + ", providerIds=" + providerIds + "]";
    }
}
