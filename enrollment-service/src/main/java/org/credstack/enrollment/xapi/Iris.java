package org.credstack.enrollment.xapi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Checks for the xAPI data types IRI, UUID and language tag (xAPI Data sections 2.4.1, 4.2, 4.3). */
final class Iris {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private Iris() {}

    /** An absolute IRI: a scheme and something after it. Non-ASCII characters are allowed, as IRIs allow them. */
    static boolean isAbsolute(String iri) {
        if (iri == null || iri.isBlank()) {
            return false;
        }
        try {
            return new URI(iri).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static void requireAbsolute(String iri, String pointer, String what) {
        StatementRejected.require(isAbsolute(iri), pointer, what + " is an absolute IRI");
    }

    /**
     * A UUID in standard string form (8-4-4-4-12 hex digits). The variant nibble is not checked: the xAPI spec's own
     * example id {@code 12345678-1234-5678-1234-567812345678} does not carry the RFC 4122 variant.
     */
    static boolean isUuid(String value) {
        return value != null && UUID_FORM.matcher(value).matches();
    }

    /** An RFC 5646 language tag, checked for shape only ({@code en-US}, {@code und}, {@code zh-Hant-TW}). */
    static boolean isLanguageTag(String tag) {
        return tag != null && LANGUAGE_TAG.matcher(tag).matches();
    }
}
