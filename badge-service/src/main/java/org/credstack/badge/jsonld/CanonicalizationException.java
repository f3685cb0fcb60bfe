package org.credstack.badge.jsonld;

/**
 * A JSON-LD document could not be turned into canonical N-Quads: a context is not bundled, a term
 * is not defined by any context, or the JSON-LD is invalid. The message names the JSON-LD error
 * code and what it concerns.
 */
public final class CanonicalizationException extends RuntimeException {

    CanonicalizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
