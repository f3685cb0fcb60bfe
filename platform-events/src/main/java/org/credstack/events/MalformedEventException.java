package org.credstack.events;

/** A record whose envelope or value cannot be read as a v1 event; it belongs in the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    /** @param message what is wrong, naming the attribute or type */
    public MalformedEventException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the type
     * @param cause the parse failure
     */
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
