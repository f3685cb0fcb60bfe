package org.credstack.catalog.credential;

/** What a credential is: earned directly, or earned by completing component credentials. */
public enum Kind {
    MICRO_CREDENTIAL,
    STACK
}
