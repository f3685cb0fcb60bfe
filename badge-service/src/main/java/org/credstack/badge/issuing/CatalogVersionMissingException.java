package org.credstack.badge.issuing;

/**
 * A completion names a credential version the catalog replica has not seen (yet). Retryable: the
 * catalog event may still be on its way; after the binder's retries the event goes to the dead-letter
 * topic for an operator to replay.
 */
class CatalogVersionMissingException extends RuntimeException {

    CatalogVersionMissingException(String credentialId, int version, String enrollmentId) {
        super("credential " + credentialId + " version " + version + " (completed by enrollment " + enrollmentId
                + ") is not in the catalog replica");
    }
}
