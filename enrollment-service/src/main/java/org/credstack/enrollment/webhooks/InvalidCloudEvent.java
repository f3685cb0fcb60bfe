package org.credstack.enrollment.webhooks;

import org.credstack.enrollment.problem.DomainException;

/**
 * 400 {@code invalid-cloud-event}: the request is not a CloudEvent this endpoint takes; the error names the attribute
 * ({@code specversion}, {@code id}, {@code source}, {@code type}, {@code time}, {@code datacontenttype}) or {@code
 * data}.
 */
class InvalidCloudEvent extends DomainException {

    InvalidCloudEvent(String attribute, String message) {
        super(Reason.INVALID, attribute, message);
    }
}
