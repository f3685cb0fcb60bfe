package org.credstack.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;

class AccessTest {

    final Access access = new Access(CallerClaimsTest.CONTRACT);

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void letsALearnerActOnlyOnThemselves() {
        callerIs(Map.of("sub", "l-1", "roles", List.of("learner")));

        assertThat(access.requireLearner("l-1").id()).isEqualTo("l-1");
        assertThatThrownBy(() -> access.requireLearner("l-2")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> access.requireProviderStaff("l-1")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void letsStaffActOnlyForTheirProviders() {
        callerIs(Map.of("sub", "s-1", "roles", List.of("provider_staff"), "provider_ids", List.of("p1", "p2")));

        assertThat(access.requireProviderStaff("p2").providerIds()).containsExactlyInAnyOrder("p1", "p2");
        assertThatThrownBy(() -> access.requireProviderStaff("p3")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> access.requirePartnerOf("p1"))
                .as("staff are not the provider's partner system")
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void letsAPartnerReportOnlyForItsProvider() {
        callerIs(Map.of("sub", "lms-1", "roles", List.of("partner"), "provider_ids", List.of("p1")));

        assertThat(access.requirePartnerOf("p1").id()).isEqualTo("lms-1");
        assertThatThrownBy(() -> access.requirePartnerOf("p2")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(access::requireOperator).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void letsAnOperatorPassEveryCheck() {
        callerIs(Map.of("sub", "op", "roles", List.of("operator")));

        assertThat(access.requireLearner("anyone").isOperator()).isTrue();
        assertThat(access.requireProviderStaff("any-provider").isOperator()).isTrue();
        assertThat(access.requirePartnerOf("any-provider").isOperator()).isTrue();
        assertThat(access.requireOperator().id()).isEqualTo("op");
    }

    @Test
    void refusesWith403ProblemNamingTheRule() {
        callerIs(Map.of("sub", "l-1", "roles", List.of("learner")));

        assertThatThrownBy(access::requireOperator).isInstanceOfSatisfying(ForbiddenException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(403);
            assertThat(e.getBody().getType()).hasToString("urn:credstack:problem:forbidden");
            assertThat(e.getBody().getDetail()).isEqualTo("only an operator may do this");
        });
    }

    @Test
    void answersWithoutACallerWith401AndABearerChallenge() {
        assertThatThrownBy(() -> access.requireLearner("l-1"))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(401);
                    assertThat(e.getBody().getType()).hasToString("urn:credstack:problem:unauthorized");
                    assertThat(e.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                            .isEqualTo("Bearer");
                });
    }

    private static void callerIs(Map<String, Object> claims) {
        SecurityContextHolder.getContext()
                .setAuthentication(CallerClaimsTest.CONTRACT.convert(CallerClaimsTest.jwt(claims)));
    }
}
