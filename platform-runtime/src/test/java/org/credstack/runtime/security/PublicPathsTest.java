package org.credstack.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class PublicPathsTest {

    @Test
    void readsMethodAndPattern() {
        PublicPaths paths = PublicPaths.of("GET /api/v1/credentials/**", "post /api/v1/verify", "/renewals/new");

        assertThat(paths.paths())
                .containsExactly(
                        new PublicPaths.PublicPath(HttpMethod.GET, "/api/v1/credentials/**"),
                        new PublicPaths.PublicPath(HttpMethod.POST, "/api/v1/verify"),
                        new PublicPaths.PublicPath(null, "/renewals/new"));
    }

    @Test
    void refusesAnUnknownMethodARelativePathAndABadPattern() {
        assertThatThrownBy(() -> PublicPaths.of("FETCH /x")).hasMessageContaining("FETCH /x");
        assertThatThrownBy(() -> PublicPaths.of("GET x")).hasMessageContaining("starts with /");
        assertThatThrownBy(() -> PublicPaths.of("GET /a/**/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void makesTheContractsPublicReadsPublic() {
        assertThat(PublicPaths.PLATFORM.paths())
                .extracting(PublicPaths.PublicPath::toString)
                .contains(
                        "GET /credentials/**",
                        "GET /issuers/**",
                        "GET /status-lists/**",
                        "/api/v1/verify",
                        "GET /api/v1/credentials/**",
                        "GET /renewals/new",
                        "POST /unsubscribe")
                .noneMatch(path -> path.contains("/learners") || path.contains("/providers"));
    }
}
