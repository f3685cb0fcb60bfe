package org.credstack.launcher;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend made durable and fast enough to be the platform's default store.
 *
 * <p><b>Durable:</b> no reply leaves before the changes it may have seen are committed to the file, so an
 * acknowledged write survives {@code kill -9} of the store's process (not a power cut: there is no fsync). The
 * stock backend leaves changes in memory until MVStore's background writer commits them about every second;
 * here the store is opened with auto-commit disabled and commits through {@link GroupCommit}, one chunk write for
 * all the commands that wait at that moment.
 *
 * <p><b>Indexes in memory:</b> unique ({@link HeapUniqueIndex}) and secondary ({@link SecondaryIndex}) indexes are
 * kept in the heap and rebuilt from the documents at start; the file holds only documents.
 *
 * <p><b>Indexed queries:</b> mongo-java-server uses an index only when a query names exactly that index's fields, and has
 * no non-unique indexes at all, so {@code {_id: x, version: 3}} (every optimistic-lock save of Spring Data) and
 * {@code {learnerId: x}} read the whole collection, and a request's cost grew with the data stored. Here the
 * non-unique indexes a service declares are kept ({@link SecondaryIndex}), and a query with equalities on every
 * field of an index reads only the documents that index names, matching the rest of the query on them, as MongoDB
 * does.
 */
final class DurableH2Backend extends H2Backend {

    private static final String ID = "_id";
    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);
    /** Queries reading at least this many documents are logged at DEBUG ({@code -Dcredstack.store.log=DEBUG}). */
    private static final int LARGE_READ = 1_000;

    private static final int CACHE_MB = 128;
    private static final int COMPACT_FILL_RATE = 80;
    private static final int COMPACT_BYTES = 16 << 20;

    private final GroupCommit commits;

    private final AtomicLong commitCount = new AtomicLong();

    private DurableH2Backend(MVStore store) {
        super(store);
        this.commits = new GroupCommit(
                () -> {
                    store.commit();
                    commitCount.incrementAndGet();
                },
                store::hasUnsavedChanges);
    }

    /** Commits and commands so far, and the file's size: the store's own load figures, logged at DEBUG. */
    String stats() {
        return "commits " + commitCount.get() + ", commands waited " + commits.requested() + ", file "
                + (getMvStore().getFileStore().size() >> 20) + " MB";
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
                .cacheSize(CACHE_MB)
                .open();
        // MVStore's default retention (45 s) stays: a long read still reads the chunks of the version it started on,
        // and with 1 s a scan of 100,000 documents met "Chunk ... not found"
        return new DurableH2Backend(store);
    }

    /**
     * Rewrites sparse chunks into new ones, the work MVStore's background writer does and that this store (without
     * one) must do itself: without it every commit leaves chunks behind that stay partly live, the chunk table that
     * each commit rewrites grows, and commits and the file grow with the data written.
     *
     * @return whether anything was rewritten
     */
    boolean compact() {
        return getMvStore().compact(COMPACT_FILL_RATE, COMPACT_BYTES);
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
        return new IndexedDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    /** The collection and first {@code $match} of the {@code aggregate} this thread is running. */
    private record AggregateMatch(String collection, Document match) {}

    private static final ThreadLocal<AggregateMatch> AGGREGATED = new ThreadLocal<>();

    /** An {@link H2Database} with {@link SecondaryIndex}es, whose collections are {@link IndexedCollection}s. */
    private static final class IndexedDatabase extends H2Database {

        private final MVStore store;
        private final boolean constructed;

        IndexedDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
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
            return new IndexedCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        /**
         * Runs an {@code aggregate} whose pipeline starts with {@code $match} over only the documents that match it,
         * found through the indexes: mongo-java-server streams the whole collection into the first stage, and the
         * Java driver's {@code countDocuments} (Spring Data's {@code exists} and {@code count}) is such a pipeline.
         */
        @Override
        public Document handleCommand(
                Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
            if (command.equalsIgnoreCase("aggregate")
                    && query.get("pipeline") instanceof List<?> pipeline
                    && !pipeline.isEmpty()
                    && pipeline.getFirst() instanceof Document first
                    && first.get("$match") instanceof Document match) {
                AGGREGATED.set(new AggregateMatch(String.valueOf(query.get(command)), match));
                try {
                    return super.handleCommand(channel, command, query, resolver, oplog);
                } finally {
                    AGGREGATED.remove();
                }
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new HeapUniqueIndex(indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            collection.dropIndex(indexName); // nothing of it is in the file
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex(indexName, keys, sparse);
        }
    }

    /**
     * An {@link H2Collection} that answers a query from the documents an index names, when the query has an equality
     * on every field of one ({@code _id} first, then unique, then secondary indexes), and matches the whole query on
     * those documents; otherwise it reads the collection, as before.
     */
    private static final class IndexedCollection extends H2Collection {

        IndexedCollection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
        }

        /** Every document, or, under an {@code aggregate} of this collection, only those its first {@code $match} can match. */
        @Override
        public Stream<Document> queryAllAsStream() {
            AggregateMatch aggregate = AGGREGATED.get();
            Iterable<Document> documents =
                    aggregate != null && aggregate.collection().equals(getCollectionName())
                            ? handleQuery(aggregate.match())
                            : queryAll();
            return StreamSupport.stream(documents.spliterator(), false);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
            List<Object> candidates = candidates(query);
            if (log.isDebugEnabled()) {
                int read = candidates == null ? count() : candidates.size();
                if (read >= LARGE_READ) {
                    log.debug(
                            "{} read {} documents{} for {}",
                            getFullName(),
                            read,
                            candidates == null ? " (all)" : "",
                            query);
                }
            }
            if (candidates == null) {
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
            }
            return matchDocuments(query, present(candidates), orderBy, skip, limit, batchSize, fields);
        }

        /** The positions of the only documents that can match, or null when no index narrows the query. */
        private List<Object> candidates(Document query) {
            List<Index<Object>> indexes = getIndexes();
            if (query.containsKey(ID)) {
                Document byId = new Document(ID, query.get(ID));
                for (Index<Object> index : indexes) {
                    if (index.getName().equals(Constants.PRIMARY_KEY_INDEX_NAME) && index.canHandle(byId)) {
                        return existing(index.getPositions(byId));
                    }
                }
            }
            for (Index<Object> index : indexes) {
                if (index.isUnique() && !index.getName().equals(Constants.PRIMARY_KEY_INDEX_NAME)) {
                    Document equalities = equalities(query, fieldsOf(index));
                    if (equalities != null && index.canHandle(equalities)) {
                        return existing(index.getPositions(equalities));
                    }
                }
            }
            for (Index<Object> index : indexes) {
                if (index instanceof SecondaryIndex secondary) {
                    Iterable<Object> positions = positions(secondary, query);
                    if (positions != null) {
                        return existing(positions);
                    }
                }
            }
            return null;
        }

        /**
         * The positions a secondary index gives for the query: equality on each of its fields, or {@code $in} on one
         * of them and equality on the others (the union over the {@code $in} values), or {@code $exists: true} on the
         * one field of a sparse index (every document it holds); null when it cannot narrow the query.
         */
        private static Iterable<Object> positions(SecondaryIndex index, Document query) {
            Document equalities = equalities(query, index.fields());
            if (equalities != null) {
                return index.positions(new ArrayList<>(equalities.values()));
            }
            if (index.fields().size() == 1
                    && index.sparse()
                    && query.get(index.fields().getFirst()) instanceof Document operator
                    && operator.size() == 1
                    && Boolean.TRUE.equals(operator.get("$exists"))) {
                return index.positionsWithAnyValue();
            }
            return positionsOfIn(index, query);
        }

        /** The union for {@code $in} on one field of the index and equality on each other one, else null. */
        private static Iterable<Object> positionsOfIn(SecondaryIndex index, Document query) {
            List<String> fields = index.fields();
            int in = -1;
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                Object value = query.get(fields.get(i));
                if (plain(value)) {
                    values.add(value);
                } else if (in < 0
                        && value instanceof Document operator
                        && operator.size() == 1
                        && operator.get("$in") instanceof Collection<?>) {
                    in = i;
                    values.add(null);
                } else {
                    return null;
                }
            }
            if (in < 0) {
                return null;
            }
            Set<Object> union = new LinkedHashSet<>();
            for (Object value : (Collection<?>) ((Document) query.get(fields.get(in))).get("$in")) {
                if (!plain(value)) {
                    return null;
                }
                values.set(in, value);
                Set<Object> found = index.positions(values);
                if (found == null) {
                    return null;
                }
                union.addAll(found);
            }
            return union;
        }

        /** The query's plain equalities on these fields, or null unless it has one on each. */
        private static Document equalities(Document query, List<String> fields) {
            Document equalities = new Document();
            for (String field : fields) {
                Object value = query.get(field);
                if (!plain(value)) {
                    return null;
                }
                equalities.put(field, value);
            }
            return equalities;
        }

        /** A value an equality compares with as it is: not an operator document, array, null or pattern. */
        private static boolean plain(Object value) {
            return value != null
                    && !(value instanceof Document)
                    && !(value instanceof Collection<?>)
                    && !(value instanceof Pattern)
                    && !(value instanceof BsonRegularExpression);
        }

        private static List<String> fieldsOf(Index<Object> index) {
            return index.getKeys().stream().map(IndexKey::getKey).toList();
        }

        /** A copy of the positions: the index may change while the result is read. */
        private static List<Object> existing(Iterable<Object> positions) {
            List<Object> copy = new ArrayList<>();
            positions.forEach(copy::add);
            return copy;
        }

        /**
         * The candidates that still hold a document when they are read, so matching never meets a removed one; read
         * only as far as the query consumes them (a claim with a limit of one reads one).
         */
        private Iterable<Object> present(List<Object> candidates) {
            return () -> candidates.stream().filter(p -> getDocument(p) != null).iterator();
        }
    }
}
