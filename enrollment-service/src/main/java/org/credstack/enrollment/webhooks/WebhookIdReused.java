package org.credstack.enrollment.webhooks;

import org.credstack.enrollment.problem.DomainException;

/**
 * 409 {@code webhook-id-reused}: the provider already delivered this {@code webhook-id} with another body. A delivery
 * with the same id and the same body is a retry and is answered 200 without effect instead.
 */
class WebhookIdReused extends DomainException {

    WebhookIdReused(String webhookId) {
        super(
                Reason.CONFLICT,
                "webhook-id",
                "webhook-id " + webhookId + " was already accepted with another body; a new event needs a new id");
    }
}
