package org.credstack.runtime.deadletter;

/** The dead letter has been replayed before; it is not sent again. */
class DeadLetterAlreadyReplayedException extends RuntimeException {

    private final transient DeadLetterReplay replay;

    DeadLetterAlreadyReplayedException(DeadLetterReplay replay) {
        super("dead letter " + replay.id() + " was replayed to " + replay.originalTopic() + " at "
                + replay.replayedAt());
        this.replay = replay;
    }

    /** The earlier replay. */
    DeadLetterReplay replay() {
        return replay;
    }
}
