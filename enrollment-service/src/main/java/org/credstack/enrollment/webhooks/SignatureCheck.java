package org.credstack.enrollment.webhooks;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Verifies a delivery signed per Standard Webhooks 1.0.0 ("Webhook headers", "Verifying signatures"):
 *
 * <ul>
 *   <li>{@code webhook-id}: 1 to {@value #MAX_ID} visible ASCII characters without {@code .} (the spec's advice, so
 *       the signed content cannot be shifted between id and timestamp);
 *   <li>{@code webhook-timestamp}: integer Unix seconds, within {@link WebhookProperties#tolerance()} of the injected
 *       {@link Clock}, either way;
 *   <li>{@code webhook-signature}: space-separated {@code <version>,<base64>} entries (several during a rotation); a
 *       {@code v1} entry verifies when it equals {@code HMAC-SHA256(key, id.timestamp.body)} of one of the provider's
 *       valid keys, compared in constant time. Other versions ({@code v1a}, asymmetric) are ignored.
 * </ul>
 *
 * The signature is checked before the timestamp, so only a holder of the secret learns about the time window.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class SignatureCheck {

    static final int MAX_ID = 256;
    private static final int MAX_SIGNATURES = 16;

    private final Clock clock;
    private final Duration tolerance;

    SignatureCheck(Clock clock, WebhookProperties properties) {
        this.clock = clock;
        this.tolerance = properties.tolerance();
    }

    /**
     * A delivery as received.
     *
     * @param webhookId the {@code webhook-id} header, or {@code null}
     * @param timestamp the {@code webhook-timestamp} header, or {@code null}
     * @param signature the {@code webhook-signature} header, or {@code null}
     * @param body the raw request body, exactly as received
     */
    record Delivery(String webhookId, String timestamp, String signature, byte[] body) {}

    /**
     * Verifies the delivery against the provider's valid keys.
     *
     * @param keys the provider's valid signing keys (none: nothing verifies)
     * @return the {@code webhook-timestamp} as an instant
     * @throws WebhookSignatureInvalid naming the header that is missing or malformed, or {@code webhook-signature}
     *     when no {@code v1} entry matches a key
     * @throws WebhookTimestampOutsideTolerance when the timestamp is further than the tolerance from now
     */
    Instant verify(Delivery delivery, List<SigningKey> keys) {
        String id = delivery.webhookId();
        if (id == null
                || id.isEmpty()
                || id.length() > MAX_ID
                || !id.chars().allMatch(c -> c > 32 && c < 127 && c != '.')) {
            throw new WebhookSignatureInvalid(
                    "webhook-id", "webhook-id is 1 to " + MAX_ID + " visible ASCII characters without '.'");
        }
        String timestamp = delivery.timestamp();
        if (timestamp == null || !timestamp.matches("[0-9]{1,12}")) {
            throw new WebhookSignatureInvalid("webhook-timestamp", "webhook-timestamp is integer Unix seconds");
        }
        List<byte[]> signatures = v1Signatures(delivery.signature());
        if (!matchesAny(keys, signatures, id, timestamp, delivery.body())) {
            throw new WebhookSignatureInvalid(
                    "webhook-signature", "no v1 signature matches a valid webhook secret of this provider");
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Instant now = clock.instant();
        if (Duration.between(at, now).abs().compareTo(tolerance) > 0) {
            throw new WebhookTimestampOutsideTolerance(at, now, tolerance);
        }
        return at;
    }

    private static List<byte[]> v1Signatures(String header) {
        if (header == null || header.isBlank()) {
            throw new WebhookSignatureInvalid("webhook-signature", "webhook-signature is missing");
        }
        String[] entries = header.trim().split(" +");
        if (entries.length > MAX_SIGNATURES) {
            throw new WebhookSignatureInvalid(
                    "webhook-signature", "webhook-signature has at most " + MAX_SIGNATURES + " entries");
        }
        List<byte[]> v1 = new ArrayList<>();
        for (String entry : entries) {
            if (entry.startsWith("v1,")) {
                try {
                    v1.add(Base64.getDecoder().decode(entry.substring(3)));
                } catch (IllegalArgumentException notBase64) {
                    // another entry may still verify
                }
            }
        }
        return v1;
    }

    /** Tries every pair, without stopping early, so the time taken does not tell which pair matched. */
    private static boolean matchesAny(
            List<SigningKey> keys, List<byte[]> signatures, String id, String timestamp, byte[] body) {
        boolean matched = false;
        for (SigningKey key : keys) {
            byte[] expected = key.sign(id, timestamp, body);
            for (byte[] signature : signatures) {
                matched |= MessageDigest.isEqual(expected, signature);
            }
        }
        return matched;
    }
}
