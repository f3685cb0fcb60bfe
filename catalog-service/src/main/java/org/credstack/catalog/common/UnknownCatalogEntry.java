package org.credstack.catalog.common;

/** No provider, credential or credential version with the requested id. The API answers 404 Not Found. */
public class UnknownCatalogEntry extends RuntimeException {

    /**
     * @param kind what was looked for, e.g. {@code credential}
     * @param id the id asked for
     */
    public UnknownCatalogEntry(String kind, String id) {
        super("no " + kind + " with id '" + id + "'");
    }
}
