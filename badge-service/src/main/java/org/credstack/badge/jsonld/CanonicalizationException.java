package org.credstack.badge.jsonld;

/**
 * A JSON-LD document could not be turned into canonical N-Quads: a context is not bundled, a term
 * is not defined by any context, the JSON-LD is invalid, or its blank nodes would take RDFC-1.0 too much work. The
 * message names the JSON-LD error code and what it concerns.
 */
public final class CanonicalizationException extends RuntimeException {

    CanonicalizationException(String message) {
        super(message);
    }

    CanonicalizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
