package org.credstack.enrollment.webhooks;

import org.credstack.enrollment.problem.DomainException;

/**
 * 401 {@code webhook-signature-invalid}: a Standard Webhooks header is missing or malformed, or no signature verifies
 * with the provider's valid secrets. Nothing of the delivery is read further or stored.
 */
class WebhookSignatureInvalid extends DomainException {

    /** @param header {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} */
    WebhookSignatureInvalid(String header, String message) {
        super(Reason.UNAUTHENTICATED, header, message);
    }
}
