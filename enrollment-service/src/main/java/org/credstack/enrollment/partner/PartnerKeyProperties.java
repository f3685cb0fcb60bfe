package org.credstack.enrollment.partner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of partner keys ({@code credstack.enrollment.partner-keys.*}, docs/partner-keys.md).
 *
 * @param rotationOverlap how long the secret before a rotation keeps working, so a partner can deploy the new one
 *     without a gap; zero ends it at once. Default 1 hour.
 * @param verifiedTtl how long a key id and secret that passed the (slow, bcrypt) hash check are accepted again by a
 *     fast SHA-256 lookup instead; zero checks the hash on every request. Default 5 minutes.
 */
@ConfigurationProperties("credstack.enrollment.partner-keys")
record PartnerKeyProperties(
        @DefaultValue("PT1H") Duration rotationOverlap,
        @DefaultValue("PT5M") Duration verifiedTtl) {

    PartnerKeyProperties {
        if (rotationOverlap == null || rotationOverlap.isNegative()) {
            throw new IllegalArgumentException(
                    "credstack.enrollment.partner-keys.rotation-overlap is zero or positive");
        }
        if (verifiedTtl == null || verifiedTtl.isNegative()) {
            throw new IllegalArgumentException("credstack.enrollment.partner-keys.verified-ttl is zero or positive");
        }
    }
}
