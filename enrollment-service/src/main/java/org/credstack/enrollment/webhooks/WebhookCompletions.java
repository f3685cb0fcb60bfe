package org.credstack.enrollment.webhooks;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.credstack.enrollment.catalog.CatalogReplica;
import org.credstack.enrollment.enrollment.CompletionMetrics;
import org.credstack.enrollment.statements.PartnerCompletionIntake;
import org.credstack.events.partner.CompletionReported;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives one signed completion webhook of a provider, in this order, so that nothing unauthenticated is read and
 * nothing refused is stored:
 *
 * <ol>
 *   <li>the Standard Webhooks signature with the provider's valid secrets, then the timestamp ({@link SignatureCheck};
 *       401);
 *   <li>the CloudEvent (structured or binary mode) and its completion data ({@link CloudEvent}, {@link
 *       CompletionEvent}; 400);
 *   <li>the {@code webhook-id}: accepted before with the same body, the delivery is a retry and changes nothing; with
 *       another body it is refused ({@link WebhookIdReused}; 409);
 *   <li>the activity must belong to credentials of this provider only (a webhook completion carries no reporting provider for the matcher to check, unlike an xAPI partner's statement) ({@link ActivityNotOwned}; 403);
 *   <li>the completion goes to {@link PartnerCompletionIntake}, the intake of {@code partner.completions.v1}, which
 *       stores it once per statement id and matches it (or holds it in the unmatched inbox);
 *   <li>the {@code webhook-id} is remembered ({@link WebhookDeliveries}).
 * </ol>
 *
 * The id is remembered after the intake, so a crash in between loses nothing: the sender's retry runs the intake
 * again, which finds the statement stored and changes nothing more.
 */
@Service
class WebhookCompletions {

    private final WebhookSecrets secrets;
    private final SignatureCheck signatures;
    private final WebhookDeliveries deliveries;
    private final CatalogReplica catalog;
    private final PartnerCompletionIntake intake;
    private final JsonMapper json;
    private final CompletionMetrics metrics;

    WebhookCompletions(
            WebhookSecrets secrets,
            SignatureCheck signatures,
            WebhookDeliveries deliveries,
            CatalogReplica catalog,
            PartnerCompletionIntake intake,
            JsonMapper json,
            CompletionMetrics metrics) {
        this.metrics = metrics;
        this.secrets = secrets;
        this.signatures = signatures;
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.intake = intake;
        this.json = json;
    }

    /**
     * What became of a delivery.
     *
     * @param eventId the CloudEvent {@code id} (for a retry: as first accepted, {@code null} if unknown)
     * @param statementId the completion's statement id
     * @param retry {@code true} when the {@code webhook-id} was accepted before with the same body
     */
    record Outcome(String eventId, String statementId, boolean retry) {}

    /**
     * @param headers the request's headers (Standard Webhooks and CloudEvents ones, {@code Content-Type})
     * @param body the raw body, exactly as received
     * @throws WebhookSignatureInvalid, WebhookTimestampOutsideTolerance (401), InvalidCloudEvent, InvalidCompletion
     *     (400), ActivityNotOwned (403), WebhookIdReused (409)
     */
    Outcome receive(String providerId, HttpHeaders headers, byte[] body) {
        String webhookId = headers.getFirst("webhook-id");
        Instant signedAt = signatures.verify(
                new SignatureCheck.Delivery(
                        webhookId, headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"), body),
                secrets.validKeys(providerId));
        CloudEvent event = CloudEvent.read(headers, body, json);
        CompletionReported completion = CompletionEvent.of(event, providerId, json);
        String digest = sha256(body);
        Optional<WebhookDeliveries.Accepted> earlier = deliveries.find(providerId, webhookId);
        if (earlier.isPresent()) {
            if (!earlier.get().bodyDigest().equals(digest)) {
                throw new WebhookIdReused(webhookId);
            }
            return new Outcome(event.id(), earlier.get().statementId(), true);
        }
        Set<String> owners =
                catalog.providersOf(List.of(completion.activityId())).getOrDefault(completion.activityId(), Set.of());
        if (!owners.equals(Set.of(providerId))) {
            throw new ActivityNotOwned(providerId, completion.activityId());
        }
        intake.apply(completion);
        metrics.received(CompletionMetrics.Channel.WEBHOOK, 1);
        deliveries.remember(providerId, webhookId, digest, completion.statementId(), signedAt);
        return new Outcome(event.id(), completion.statementId(), false);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
