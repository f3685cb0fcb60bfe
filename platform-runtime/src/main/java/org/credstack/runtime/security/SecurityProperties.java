package org.credstack.runtime.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code credstack.security.*}: where the claims of the identity contract are in a token, so an OIDC provider that
 * names them otherwise (Keycloak: {@code realm_access.roles}) is mapped by configuration alone. A name is first
 * looked up as one claim (so {@code https://credstack.org/roles} works); when there is no such claim and the name
 * has dots, as a path through nested objects. Key source, issuer and audiences are Boot's own
 * {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param idClaim the caller's id, a learner's {@code learnerId}; default {@code sub}
 * @param rolesClaim an array of role names (or one space-separated string); default {@code roles}
 * @param providerIdsClaim an array of provider ids; default {@code provider_ids}
 * @param clockSkew how far {@code exp} and {@code nbf} may be off the service's clock; default 30 seconds
 */
@ConfigurationProperties("credstack.security")
public record SecurityProperties(
        @DefaultValue("sub") String idClaim,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("provider_ids") String providerIdsClaim,
        @DefaultValue("30s") Duration clockSkew) {}
