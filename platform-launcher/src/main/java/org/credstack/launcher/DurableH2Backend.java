package org.credstack.launcher;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend made durable and fast enough to be the platform's default store.
 *
 * <p><b>Durable:</b> no reply leaves before the changes it may have seen are committed to the file, so an
 * acknowledged write survives {@code kill -9} of the store's process (not a power cut: there is no fsync). The
 * stock backend leaves changes in memory until MVStore's background writer commits them about every second;
 * here the store is opened with auto-commit disabled and commits through {@link GroupCommit}, one chunk write for
 * all the commands that wait at that moment.
 *
 * <p><b>Fast on {@code _id}:</b> mongo-java-server uses an index only when a query names exactly that index's
 * fields, so {@code {_id: x, version: 3}} (every optimistic-lock save of Spring Data) read the whole collection.
 * Here a query with an equality (or {@code $in}) on {@code _id} reads only those documents and matches the rest of
 * the query on them, as MongoDB does.
 */
final class DurableH2Backend extends H2Backend {

    private static final String ID = "_id";

    private final GroupCommit commits;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.commits = new GroupCommit(store::commit, store::hasUnsavedChanges);
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
            commits.awaitCommitted();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdFirstDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    /** An {@link H2Database} whose collections are {@link IdFirstCollection}s. */
    private static final class IdFirstDatabase extends H2Database {

        private final MVStore store;
        private final boolean constructed;

        IdFirstDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
            this.store = store;
            this.constructed = true;
            // the super constructor ran this before our fields were set; now the collections can be opened
            super.initializeNamespacesAndIndexes();
        }

        @Override
        protected void initializeNamespacesAndIndexes() {
            if (constructed) {
                super.initializeNamespacesAndIndexes();
            }
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String name = getFullCollectionNamespace(collectionName);
            // the map names of H2Database, so files written before stay readable
            MVMap<Object, Document> data = store.openMap("databases." + name);
            MVMap<String, Object> meta = store.openMap("meta." + name);
            return new IdFirstCollection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }

    /** An {@link H2Collection} that narrows a query to the documents its {@code _id} names before matching. */
    private static final class IdFirstCollection extends H2Collection {

        IdFirstCollection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
            if (query.size() > 1 && query.containsKey(ID)) {
                Document byId = new Document(ID, query.get(ID));
                for (Index<Object> index : getIndexes()) {
                    if (index.getName().equals(Constants.PRIMARY_KEY_INDEX_NAME) && index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize, fields);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
        }
    }
}
