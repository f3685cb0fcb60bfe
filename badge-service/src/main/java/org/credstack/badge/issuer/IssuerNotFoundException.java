package org.credstack.badge.issuer;

/** No issuer is known for a provider id; answered with 404. */
public class IssuerNotFoundException extends RuntimeException {

    /** @param providerId the provider asked for */
    public IssuerNotFoundException(String providerId) {
        super("no issuer with provider id '" + providerId + "'");
    }
}
