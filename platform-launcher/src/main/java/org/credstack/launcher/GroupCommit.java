package org.credstack.launcher;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Group commit for the embedded store: a command's reply waits until a commit that began after the
 * command changed the store has finished, and one commit serves every command waiting at that moment.
 *
 * <p>Why: committing the MVStore after every command (the first durable design) serialised all clients
 * behind one chunk write each; under load most of the store's time went into commits of one change. Here
 * the first waiting command becomes the leader and commits everything applied so far, while the commands
 * that arrive during that commit wait for the next one, which one of them leads. The guarantee is the
 * same: no reply leaves before the changes it may have seen are in the file.
 *
 * <p>A command that finds nothing unsaved and no commit under way returns at once: everything it could
 * have read is already committed (reads of an idle store cost no commit).
 */
final class GroupCommit {

    private final Runnable commit;
    private final BooleanSupplier hasUnsavedChanges;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committedOne = lock.newCondition();
    private long requested;
    private long committed;
    private boolean committing;

    /**
     * @param commit writes every change applied so far (for MVStore: {@code commit()})
     * @param hasUnsavedChanges whether any applied change is not yet written
     */
    GroupCommit(Runnable commit, BooleanSupplier hasUnsavedChanges) {
        this.commit = commit;
        this.hasUnsavedChanges = hasUnsavedChanges;
    }

    /**
     * Returns once every change applied before this call is committed.
     *
     * @throws RuntimeException the commit's own failure, to the leader that ran it (the others retry)
     */
    void awaitCommitted() {
        lock.lock();
        try {
            if (!committing && !hasUnsavedChanges.getAsBoolean()) {
                return;
            }
            long ticket = ++requested;
            while (committed < ticket) {
                if (committing) {
                    committedOne.awaitUninterruptibly();
                } else {
                    lead();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many commands have asked for a commit so far (for tests and diagnostics). */
    long requested() {
        lock.lock();
        try {
            return requested;
        } finally {
            lock.unlock();
        }
    }

    /** Commits, without holding the lock, everything requested so far; called and returns with the lock held. */
    private void lead() {
        committing = true;
        long upTo = requested;
        boolean done = false;
        lock.unlock();
        try {
            commit.run();
            done = true;
        } finally {
            lock.lock();
            committing = false;
            if (done) {
                committed = upTo;
            }
            committedOne.signalAll();
        }
    }
}
