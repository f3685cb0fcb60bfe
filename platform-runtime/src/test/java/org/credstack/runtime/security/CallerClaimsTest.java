package org.credstack.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CallerClaimsTest {

    static final CallerClaims CONTRACT =
            new CallerClaims(new SecurityProperties("sub", "roles", "provider_ids", Duration.ofSeconds(30)));

    @Test
    void mapsRolesToAuthoritiesAndNamesTheAuthenticationAfterTheCaller() {
        JwtAuthenticationToken authentication = CONTRACT.convert(jwt(Map.of(
                "sub", "staff-1", "roles", List.of("provider_staff", "operator"), "provider_ids", List.of("p1"))));

        assertThat(authentication.getName()).isEqualTo("staff-1");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_PROVIDER_STAFF", "ROLE_OPERATOR");
    }

    @Test
    void leavesOutRolesThatAreNotOurs() {
        Caller caller = CONTRACT.callerOf(jwt(Map.of("sub", "l-1", "roles", List.of("LEARNER", "offline_access"))));

        assertThat(caller.roles()).containsExactly(Role.LEARNER);
        assertThat(caller.providerIds()).isEmpty();
    }

    @Test
    void readsKeycloakRealmRolesThroughADottedPath() {
        CallerClaims keycloak = new CallerClaims(
                new SecurityProperties("sub", "realm_access.roles", "provider_ids", Duration.ofSeconds(30)));

        Caller caller = keycloak.callerOf(
                jwt(Map.of("sub", "l-1", "realm_access", Map.of("roles", List.of("learner", "uma_authorization")))));

        assertThat(caller.roles()).containsExactly(Role.LEARNER);
    }

    @Test
    void readsANamespacedClaimByItsWholeName() {
        CallerClaims namespaced = new CallerClaims(new SecurityProperties(
                "sub", "https://credstack.org/roles", "https://credstack.org/provider_ids", Duration.ZERO));

        Caller caller = namespaced.callerOf(jwt(Map.of(
                "sub", "partner-1",
                "https://credstack.org/roles", "partner",
                "https://credstack.org/provider_ids", List.of("p9"))));

        assertThat(caller.isPartnerOf("p9")).isTrue();
    }

    static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .claims(c -> c.putAll(claims))
                .build();
    }
}
