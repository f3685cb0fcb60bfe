package org.credstack.web.provider;

/**
 * The signed-in member of staff does not work for the provider a page is about ({@code Caller.providerIds}): answered
 * by {@link ProviderAdvice} with a 403 page, before any service is asked.
 */
class NotStaffOfProvider extends RuntimeException {

    private final String providerId;

    NotStaffOfProvider(String providerId) {
        super("not staff of provider " + providerId);
        this.providerId = providerId;
    }

    String providerId() {
        return providerId;
    }
}
