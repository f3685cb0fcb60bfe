package org.credstack.enrollment.webhooks;

import org.credstack.enrollment.problem.DomainException;

/** 409 {@code too-many-webhook-secrets}: the provider holds the most valid secrets allowed; revoke one first. */
class TooManyWebhookSecrets extends DomainException {

    TooManyWebhookSecrets(String providerId, int max) {
        super(
                Reason.CONFLICT,
                "providerId",
                "provider " + providerId + " has " + max + " valid webhook secrets already; revoke one first");
    }
}
