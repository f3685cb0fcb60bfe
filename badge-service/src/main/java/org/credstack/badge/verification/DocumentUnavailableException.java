package org.credstack.badge.verification;

import java.net.URI;

/**
 * A remote document (a controller document, a status list credential) could not be obtained. It says nothing about
 * the credential that named it: the check that needed the document is {@code unverifiable}, never {@code invalid}.
 */
public class DocumentUnavailableException extends RuntimeException {

    /** Why, in words that end up in a check's {@code detail}. */
    public enum Reason {
        /** The URL is not {@code https} (or {@code http} where allowed), or names no host. */
        REFUSED_SCHEME("refused scheme"),
        /** The host resolves to an address the verifier never calls (loopback, private, link-local, ...). */
        REFUSED_ADDRESS("refused address"),
        /** The host name does not resolve. */
        UNKNOWN_HOST("unknown host"),
        /** No connection or no whole response within the configured timeouts. */
        TIMEOUT("timeout"),
        /** The body is larger than {@code max-document-size}. */
        TOO_LARGE("too large"),
        /** The server answered 404 or 410, or the fixtures' source has no such document. */
        NOT_FOUND("not found"),
        /** The server answered another error, a redirect too many, or the connection failed. */
        UNREACHABLE("unreachable"),
        /** The body is not a JSON object. */
        NOT_JSON("not a JSON object"),
        /** The circuit breaker is open after recent failures: nothing was attempted. */
        BREAKER_OPEN("breaker open");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        /** The reason as the words a report shows, e.g. {@code refused address}. */
        public String words() {
            return words;
        }
    }

    private final transient URI url;
    private final Reason reason;

    /**
     * @param url the document's URL
     * @param reason why it could not be obtained
     * @param detail what happened, for the report
     */
    public DocumentUnavailableException(URI url, Reason reason, String detail) {
        super(url + ": " + reason.words() + (detail == null ? "" : " (" + detail + ")"));
        this.url = url;
        this.reason = reason;
    }

    /** The URL that could not be fetched. */
    public URI url() {
        return url;
    }

    /** Why it could not be fetched. */
    public Reason reason() {
        return reason;
    }
}
