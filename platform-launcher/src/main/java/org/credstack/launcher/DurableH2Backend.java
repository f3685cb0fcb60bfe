package org.credstack.launcher;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with every command's changes committed to the file before the
 * reply goes out, so an acknowledged write survives {@code kill -9} of the store's process.
 *
 * <p>Why: the stock backend leaves changes in memory until MVStore's background writer commits
 * them (every second, and then asynchronously on a serialization executor), so a killed process
 * loses the last second of acknowledged writes. Here the store is opened with auto-commit
 * disabled, which also means no background executors: every {@link MVStore#commit()} writes the
 * new chunk on the calling thread, under the store lock, into the OS page cache. That survives the
 * death of the process (not a power cut: there is no fsync).
 *
 * <p>The commit runs after every command, reads included, rather than after a list of write
 * commands: a command that does not change anything finds no unsaved changes, and calling
 * {@code commit()} (rather than checking {@link MVStore#hasUnsavedChanges()} first) makes a
 * command wait for a store that another thread has begun and that may hold its own change.
 */
final class DurableH2Backend extends H2Backend {

    private DurableH2Backend(MVStore store) {
        super(store);
    }

    /**
     * Opens (or creates) the MVStore file with auto-commit disabled.
     *
     * @param file the {@code .mv.db} file; its directory must exist
     */
    static DurableH2Backend open(Path file) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .open();
        return new DurableH2Backend(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // also after a failed command: an ordered insert may have stored some documents first
            getMvStore().commit();
        }
    }
}
