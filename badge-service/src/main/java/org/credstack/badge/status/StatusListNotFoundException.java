package org.credstack.badge.status;

/** No status list was opened under a provider and number; answered with 404. */
public class StatusListNotFoundException extends RuntimeException {

    StatusListNotFoundException(String providerId, int list) {
        super("no status list " + list + " of provider '" + providerId + "'");
    }
}
