package org.credstack.catalog.credential;

/** Lifecycle of a credential: DRAFT, then PUBLISHED, then RETIRED. A published version never changes. */
public enum Status {
    DRAFT,
    PUBLISHED,
    RETIRED
}
