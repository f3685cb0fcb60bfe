package org.credstack.runtime.deadletter;

/** The record exists but does not say where it came from, or says a topic its dead-letter topic is not for. */
class DeadLetterNotReplayableException extends RuntimeException {

    DeadLetterNotReplayableException(String message) {
        super(message);
    }
}
