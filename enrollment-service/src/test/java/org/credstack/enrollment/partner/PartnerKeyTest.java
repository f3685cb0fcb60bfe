package org.credstack.enrollment.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PartnerKeyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final PartnerKey key =
            new PartnerKey("pk-1", "provider-1", null, "{bcrypt}old", null, null, T0, null, null, null);

    @Test
    void acceptsOnlyTheCurrentSecretBeforeAnyRotation() {
        assertThat(key.acceptedHashes(T0)).containsExactly("{bcrypt}old");
    }

    @Test
    void acceptsThePreviousSecretUntilTheOverlapEnds() {
        Instant rotatedAt = T0.plus(Duration.ofDays(1));
        PartnerKey rotated = key.rotated("{bcrypt}new", rotatedAt, rotatedAt.plus(Duration.ofHours(1)));

        assertThat(rotated.acceptedHashes(rotatedAt.plus(Duration.ofMinutes(59))))
                .containsExactly("{bcrypt}new", "{bcrypt}old");
        assertThat(rotated.acceptedHashes(rotatedAt.plus(Duration.ofHours(1)))).containsExactly("{bcrypt}new");
        assertThat(rotated.rotatedAt()).isEqualTo(rotatedAt);
    }

    @Test
    void aRevokedKeyKnowsIt() {
        assertThat(key.revoked()).isFalse();
        assertThat(key.revokedAt(T0).revoked()).isTrue();
    }
}
