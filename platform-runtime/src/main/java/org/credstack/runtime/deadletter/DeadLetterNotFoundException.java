package org.credstack.runtime.deadletter;

/** No such record on one of this service's dead-letter topics (or the topic is not one of them). */
class DeadLetterNotFoundException extends RuntimeException {

    DeadLetterNotFoundException(String message) {
        super(message);
    }
}
