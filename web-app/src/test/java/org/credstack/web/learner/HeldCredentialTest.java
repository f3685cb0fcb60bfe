package org.credstack.web.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.credstack.web.learner.HeldCredential.Policy;
import org.credstack.web.learner.HeldCredential.Renewal;
import org.credstack.web.learner.HeldCredential.Standing;
import org.junit.jupiter.api.Test;

class HeldCredentialTest {

    static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");

    static HeldCredential held(String validUntil, Boolean revoked, boolean renewed, Policy policy, String renewal) {
        return HeldCredential.of(
                "b",
                "https://badges.test/credentials/b",
                "c",
                "Cert",
                Instant.parse("2025-01-01T00:00:00Z"),
                validUntil == null ? null : Instant.parse(validUntil),
                revoked,
                renewed,
                policy,
                true,
                renewal,
                NOW);
    }

    @Test
    void isExpiringSoonOnceTheRenewalWindowOpensAndOffersRenewalUntilTheGracePeriodEnds() {
        Policy policy = Policy.of("P30D", "P14D");

        HeldCredential before = held("2027-02-10T00:00:00Z", false, false, policy, null);
        HeldCredential inWindow = held("2027-02-08T00:00:00Z", false, false, policy, null);
        HeldCredential inGrace = held("2027-01-01T00:00:00Z", false, false, policy, null);
        HeldCredential lapsed = held("2026-12-20T00:00:00Z", false, false, policy, null);

        assertThat(before.standing()).isEqualTo(Standing.ACTIVE);
        assertThat(before.renewal()).isEqualTo(Renewal.NOT_YET);
        assertThat(before.renewalOpensAt()).isEqualTo(Instant.parse("2027-01-11T00:00:00Z"));
        assertThat(inWindow.standing()).isEqualTo(Standing.EXPIRING_SOON);
        assertThat(inWindow.renewal()).isEqualTo(Renewal.OPEN);
        assertThat(inGrace.standing()).isEqualTo(Standing.EXPIRED);
        assertThat(inGrace.renewal()).isEqualTo(Renewal.OPEN);
        assertThat(lapsed.renewal()).isEqualTo(Renewal.CLOSED);
    }

    @Test
    void revokedAndRenewedWinOverExpiryAndOfferNoRenewal() {
        Policy policy = Policy.of(null, null);

        assertThat(held("2026-01-01T00:00:00Z", true, true, policy, null))
                .extracting(HeldCredential::standing, HeldCredential::renewal)
                .containsExactly(Standing.REVOKED, Renewal.NONE);
        assertThat(held("2027-01-20T00:00:00Z", false, true, policy, null))
                .extracting(HeldCredential::standing, HeldCredential::renewal)
                .containsExactly(Standing.RENEWED, Renewal.NONE);
    }

    @Test
    void withoutAWindowRenewalIsOpenAnyTimeAndExpiringSoonMeansThirtyDays() {
        Policy anyTime = Policy.of(null, null);

        assertThat(held("2028-01-01T00:00:00Z", false, false, anyTime, null))
                .extracting(HeldCredential::standing, HeldCredential::renewal)
                .containsExactly(Standing.ACTIVE, Renewal.OPEN);
        assertThat(held("2027-02-05T00:00:00Z", false, false, null, null))
                .extracting(HeldCredential::standing, HeldCredential::renewal)
                .containsExactly(Standing.EXPIRING_SOON, Renewal.NONE);
        assertThat(held(null, false, false, anyTime, null))
                .extracting(HeldCredential::standing, HeldCredential::renewal)
                .containsExactly(Standing.ACTIVE, Renewal.NONE);
    }

    @Test
    void aRenewalUnderWayReplacesTheButton() {
        assertThat(held("2027-02-01T00:00:00Z", false, false, Policy.of("P90D", null), "e-r")
                        .renewal())
                .isEqualTo(Renewal.IN_PROGRESS);
    }
}
