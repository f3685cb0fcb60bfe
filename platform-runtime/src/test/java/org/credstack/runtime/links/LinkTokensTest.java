package org.credstack.runtime.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final LinkTokens tokens = new LinkTokens(SECRET, clock);

    @Test
    void aTokenVerifiesForItsPurposeWithItsSubjectAndClaims() {
        String token = tokens.issue("renewal", "learner-1", Map.of("badgeId", "b-7"), Duration.ofDays(30));

        LinkToken verified = tokens.verify("renewal", token).orElseThrow();

        assertThat(verified.subject()).isEqualTo("learner-1");
        assertThat(verified.claims()).containsExactlyEntriesOf(Map.of("badgeId", "b-7"));
        assertThat(verified.expiresAt()).isEqualTo(Instant.parse("2027-01-06T10:00:00Z"));
    }

    @Test
    void aTokenForAnotherPurposeDoesNotVerify() {
        String token = tokens.issue("unsubscribe", "learner-1", Map.of(), Duration.ofDays(1));

        assertThat(tokens.verify("renewal", token)).isEmpty();
    }

    @Test
    void aTokenStopsWorkingAtItsExpiry() {
        String token = tokens.issue("renewal", "learner-1", Map.of(), Duration.ofHours(1));

        clock.advance(Duration.ofMinutes(59));
        assertThat(tokens.verify("renewal", token)).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(tokens.verify("renewal", token)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretOrChangedDoesNotVerify() {
        LinkTokens other =
                new LinkTokens("another secret of thirty-two byte".getBytes(StandardCharsets.US_ASCII), clock);
        String token = other.issue("renewal", "learner-1", Map.of(), Duration.ofDays(1));
        String mine = tokens.issue("renewal", "learner-1", Map.of(), Duration.ofDays(1));
        String[] parts = mine.split("\\.");
        String otherLearner = tokens.issue("renewal", "learner-2", Map.of(), Duration.ofDays(1));
        String spliced = otherLearner.split("\\.")[0] + "." + otherLearner.split("\\.")[1] + "." + parts[2];

        assertThat(tokens.verify("renewal", token)).isEmpty();
        assertThat(tokens.verify("renewal", spliced)).isEmpty();
        assertThat(tokens.verify("renewal", "not.a.token")).isEmpty();
        assertThat(tokens.verify("renewal", null)).isEmpty();
    }

    @Test
    void anUnsignedTokenDoesNotVerify() {
        String mine = tokens.issue("renewal", "learner-1", Map.of(), Duration.ofDays(1));
        String[] parts = mine.split("\\.");
        String none = java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.US_ASCII))
                + "." + parts[1] + ".";

        assertThat(tokens.verify("renewal", none)).isEmpty();
    }

    @Test
    void aShortSecretOrAReservedClaimIsRefused() {
        assertThatThrownBy(() -> new LinkTokens(new byte[16], clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue("renewal", "l", Map.of("sub", "x"), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
