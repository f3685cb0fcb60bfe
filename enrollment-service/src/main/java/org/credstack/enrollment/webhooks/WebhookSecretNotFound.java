package org.credstack.enrollment.webhooks;

import org.credstack.enrollment.problem.DomainException;

/** 404 {@code webhook-secret-not-found}: the provider has no valid webhook secret with this id. */
class WebhookSecretNotFound extends DomainException {

    WebhookSecretNotFound(String providerId, String secretId) {
        super(Reason.NOT_FOUND, "secretId", "provider " + providerId + " has no valid webhook secret " + secretId);
    }
}
