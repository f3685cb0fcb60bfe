package org.credstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.credstack.demo.JourneyReport.Enrollment;
import org.credstack.demo.Tokens.Session;
import org.junit.jupiter.api.Test;

/** When {@link Tokens} asks for a token again, and how {@link Journey} splits statements among partners. */
class TokensTest {

    static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");

    @Test
    void aSessionHandsOutItsTokenUntilAMinuteBeforeItExpires() {
        Session session = Session.person("ada@example.org", "secret")
                .with("{\"access_token\":\"a1\",\"refresh_token\":\"r1\",\"expires_in\":900}", NOW);

        assertThat(session.accessToken()).isEqualTo("a1");
        assertThat(session.refreshToken()).isEqualTo("r1");
        assertThat(session.valid(NOW.plusSeconds(839))).isTrue();
        assertThat(session.valid(NOW.plusSeconds(840))).isFalse();
        assertThat(Session.person("ada@example.org", "secret").valid(NOW)).isFalse();
    }

    @Test
    void aClientCredentialsAnswerWithoutARefreshTokenKeepsTheSecretAndHasNone() {
        Session session =
                Session.client("partner-1", "s3cret").with("{\"access_token\":\"p1\",\"expires_in\":300}", NOW);

        assertThat(session.secret()).isEqualTo("s3cret");
        assertThat(session.refreshToken()).isNull();
        assertThat(session.expiresAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void aRefreshKeepsThePreviousRefreshTokenWhenTheAnswerHasNoNewOne() {
        Session session = Session.person("ada@example.org", "secret")
                .with("{\"access_token\":\"a1\",\"refresh_token\":\"r1\",\"expires_in\":900}", NOW)
                .with("{\"access_token\":\"a2\",\"expires_in\":900}", NOW.plusSeconds(900));

        assertThat(session.accessToken()).isEqualTo("a2");
        assertThat(session.refreshToken()).isEqualTo("r1");
    }

    @Test
    void statementsGoToOneBatchPerProviderInTheOrderTheEnrollmentsNameThem() {
        Enrollment cota = enrollment("e1", "nbcot");
        Enrollment lifeSupport = enrollment("e2", "skmch");
        Enrollment advanced = enrollment("e3", "nbcot");

        assertThat(Journey.byProvider(List.of(cota, lifeSupport, advanced)))
                .containsExactly(
                        java.util.Map.entry("nbcot", List.of(cota, advanced)),
                        java.util.Map.entry("skmch", List.of(lifeSupport)));
    }

    static Enrollment enrollment(String id, String providerId) {
        return new Enrollment(id, "credential-" + id, "Title " + id, null, providerId, List.of());
    }
}
