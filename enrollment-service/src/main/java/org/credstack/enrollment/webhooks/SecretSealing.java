package org.credstack.enrollment.webhooks;

/**
 * Seals webhook secrets for storage and opens them again. They cannot be hashed: every delivery's HMAC is recomputed
 * with them. The platform's envelope encryption ({@code org.credstack.runtime.crypto.SecretCipher}) does the work.
 */
interface SecretSealing {

    /**
     * @param secret the raw key bytes
     * @param context where the value lives ({@code enrollment/webhook-secret/<providerId>#<secretId>}); a sealed value
     *     opens only for the same context
     * @return the sealed value as one string; holds nothing secret
     */
    String seal(byte[] secret, String context);

    /**
     * @return the raw key bytes
     * @throws org.credstack.runtime.crypto.SealedValueException if the value was altered, sealed for another context, or under a key no longer
     *     configured
     */
    byte[] open(String sealed, String context);
}
