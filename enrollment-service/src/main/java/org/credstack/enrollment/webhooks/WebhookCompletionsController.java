package org.credstack.enrollment.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.credstack.runtime.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/providers/{providerId}/webhooks/completions}: a provider's system reports a completion as a
 * CloudEvent of type {@value CompletionEvent#TYPE} (data: a {@code CompletionReported}), in structured mode ({@code
 * Content-Type: application/cloudevents+json}) or binary mode ({@code ce-*} headers, {@code application/json} data),
 * signed per Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}).
 *
 * <ul>
 *   <li>202 {@code {id, statementId}}: accepted and matched as a {@code partner.completions.v1} record would be;
 *   <li>200 {@code {id, statementId, retry: true}}: this {@code webhook-id} was accepted before with the same body;
 *       nothing changes;
 *   <li>401 {@code webhook-signature-invalid} or {@code webhook-timestamp-outside-tolerance}; 400 {@code
 *       invalid-cloud-event} or {@code invalid-completion} naming the attribute or data field; 403 {@code
 *       activity-not-owned}; 409 {@code webhook-id-reused}; 415 for other content types. Nothing is stored on any.
 * </ul>
 *
 * Authenticated by the signature, not by a bearer token (docs/webhooks.md): the path is public to the security kit,
 * and a bearer token sent with it changes nothing.
 */
@RestController
class WebhookCompletionsController {

    /** The signature is the proof: no bearer token is needed (docs/security.md, public paths). */
    @Configuration(proxyBeanMethods = false)
    static class SignedByTheProvider {
        @Bean
        PublicPaths webhookCompletionsArePublic() {
            return PublicPaths.of("POST /api/v1/providers/{providerId}/webhooks/completions");
        }
    }

    private final WebhookCompletions completions;

    WebhookCompletionsController(WebhookCompletions completions) {
        this.completions = completions;
    }

    @PostMapping(
            path = "/api/v1/providers/{providerId}/webhooks/completions",
            consumes = {CloudEvent.STRUCTURED, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Map<String, Object>> receive(
            @PathVariable String providerId,
            @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body) {
        WebhookCompletions.Outcome outcome =
                completions.receive(providerId, headers, body == null ? new byte[0] : body);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", outcome.eventId());
        answer.put("statementId", outcome.statementId());
        if (outcome.retry()) {
            answer.put("retry", true);
        }
        return ResponseEntity.status(outcome.retry() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(answer);
    }
}
