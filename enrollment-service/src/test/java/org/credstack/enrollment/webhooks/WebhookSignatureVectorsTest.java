package org.credstack.enrollment.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every entry of {@code webhooks/signature-test-vectors.json} (see SOURCES.md). The Standard Webhooks vector goes
 * through {@link SignatureCheck} itself: accepted at its own time, refused on a tampered body or another secret, and
 * refused as too old against the wall clock, as the vector's note demands. The GitHub and Stripe vectors use other
 * schemes, which the endpoint does not accept: their HMAC-SHA256 is computed with the same primitive and must give the
 * published value, their negatives must not, and their headers must never verify as a {@code webhook-signature}.
 */
class WebhookSignatureVectorsTest {

    private static final JsonNode VECTORS = read();

    static Stream<Arguments> vectors() {
        return VECTORS.propertyNames().stream().map(name -> Arguments.of(name, VECTORS.get(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyVectorOfTheFileHolds(String name, JsonNode vector) {
        switch (name) {
            case "standard_webhooks_v1" -> standardWebhooks(vector);
            case "github_x_hub_signature_256" -> github(vector);
            case "stripe_v1_computed" -> stripe(vector);
            default -> throw new AssertionError("a vector this test does not know: " + name);
        }
    }

    private static void standardWebhooks(JsonNode v) {
        SigningKey key = SigningKey.parse(v.get("secret").stringValue());
        String id = v.get("webhook-id").stringValue();
        String timestamp = v.get("webhook-timestamp").stringValue();
        byte[] body = bytes(v.get("payload").stringValue());
        String header = v.get("expected_header").stringValue();
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        SignatureCheck atSigningTime = check(new TestClock(signedAt.plusSeconds(30)));

        assertThat(key.whsec()).isEqualTo(v.get("secret").stringValue());
        assertThat("v1," + java.util.Base64.getEncoder().encodeToString(key.sign(id, timestamp, body)))
                .isEqualTo(header);
        assertThat(atSigningTime.verify(new SignatureCheck.Delivery(id, timestamp, header, body), List.of(key)))
                .isEqualTo(signedAt);
        assertThat(atSigningTime.verify(
                        new SignatureCheck.Delivery(id, timestamp, "v1a,bm90IG91cnM= " + header, body), List.of(key)))
                .as("one matching entry among several is enough")
                .isEqualTo(signedAt);
        assertThatThrownBy(() -> atSigningTime.verify(
                        new SignatureCheck.Delivery(id, timestamp, header, bytes("{\"test\": 2432232315}")),
                        List.of(key)))
                .isInstanceOf(WebhookSignatureInvalid.class);
        assertThatThrownBy(() -> atSigningTime.verify(
                        new SignatureCheck.Delivery(id, timestamp, header, body),
                        List.of(new SigningKey(new byte[24]))))
                .isInstanceOf(WebhookSignatureInvalid.class);
        assertThatThrownBy(() -> check(new TestClock(Instant.parse("2026-12-07T00:00:00Z")))
                        .verify(new SignatureCheck.Delivery(id, timestamp, header, body), List.of(key)))
                .isInstanceOf(WebhookTimestampOutsideTolerance.class)
                .hasMessageContaining("tolerance of 300 seconds");
    }

    private static void github(JsonNode v) {
        byte[] secret = bytes(v.get("secret").stringValue());
        String expected = v.get("expected_header").stringValue();

        assertThat("sha256=" + hex(secret, v.get("payload").stringValue())).isEqualTo(expected);
        for (JsonNode negative : v.get("negative")) {
            String payload = negative.has("payload")
                    ? negative.get("payload").stringValue()
                    : v.get("payload").stringValue();
            String header = negative.has("header") ? negative.get("header").stringValue() : expected;
            assertThat(("sha256=" + hex(secret, payload)).equals(header))
                    .as(negative.get("expect").stringValue())
                    .isFalse();
        }
        notAWebhookSignature(expected, v.get("payload").stringValue());
    }

    private static void stripe(JsonNode v) {
        byte[] secret = bytes(v.get("secret").stringValue()); // the whole whsec_ string is Stripe's key
        String t = v.get("t").stringValue();
        String payload = v.get("payload").stringValue();

        assertThat("t=" + t + ",v1=" + hex(secret, t + "." + payload))
                .isEqualTo(v.get("expected_header").stringValue());
        notAWebhookSignature(v.get("expected_header").stringValue(), payload);
    }

    /** Another scheme's header never verifies as a Standard Webhooks signature, whatever the key. */
    private static void notAWebhookSignature(String header, String payload) {
        SignatureCheck check = check(new TestClock(Instant.ofEpochSecond(1614265330)));
        assertThatThrownBy(() -> check.verify(
                        new SignatureCheck.Delivery("msg_1", "1614265330", header, bytes(payload)),
                        List.of(SigningKey.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))))
                .isInstanceOf(WebhookSignatureInvalid.class);
    }

    private static SignatureCheck check(TestClock clock) {
        return new SignatureCheck(
                clock, new WebhookProperties(Duration.ofMinutes(5), Duration.ofHours(24), 2, Duration.ofMinutes(1)));
    }

    private static String hex(byte[] key, String message) {
        return HexFormat.of().formatHex(SigningKey.hmacSha256(key, bytes(message)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode read() {
        try (InputStream in =
                WebhookSignatureVectorsTest.class.getResourceAsStream("/webhooks/signature-test-vectors.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
