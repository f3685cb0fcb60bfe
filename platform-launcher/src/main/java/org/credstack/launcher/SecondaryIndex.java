package org.credstack.launcher;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A non-unique index for the embedded store, which mongo-java-server leaves out (it answers every query that no
 * unique index names by reading the whole collection). Kept in memory and rebuilt from the documents when the store
 * starts; the documents themselves stay the one durable truth, so nothing about {@code kill -9} changes.
 *
 * <p>Maps each key value of a document (one per array element for a field holding an array, as MongoDB's multikey
 * indexes do) to the positions of the documents holding it. A position is the document's {@code _id}, as the H2
 * backend stores it. Queried through {@link #positions}, with equality on every field of the index; the rest of a
 * query is matched on the documents found. The documents holding one value are kept in the order they were added,
 * so a query without a sort meets the oldest first. Called under the collection's lock, like every index of the
 * store.
 */
final class SecondaryIndex extends Index<Object> {

    private final Map<KeyValue, Set<Object>> positions = new ConcurrentHashMap<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    /**
     * The positions of the documents whose indexed fields equal the given values.
     *
     * @param values one plain value (not an operator, array or null) per field of {@link #fields()}, in that order
     */
    Set<Object> positions(List<Object> values) {
        Document probe = new Document();
        List<String> fields = fields();
        for (int i = 0; i < fields.size(); i++) {
            put(probe, fields.get(i), values.get(i));
        }
        Set<KeyValue> keys = getKeyValues(probe);
        return keys.size() == 1 ? positions.getOrDefault(keys.iterator().next(), Set.of()) : null;
    }

    /**
     * The positions of every document that has a value in this sparse index's field, for {@code {field: {$exists:
     * true}}}; for a field inside an array ({@code pendingEvents.eventId}) those whose array holds one.
     */
    Set<Object> positionsWithAnyValue() {
        Set<Object> all = new LinkedHashSet<>();
        positions.values().forEach(all::addAll);
        return all;
    }

    /** Whether documents without the field are left out, so that {@link #positionsWithAnyValue} is exact. */
    boolean sparse() {
        return isSparse();
    }

    /** The indexed fields (dotted paths), in index order. */
    List<String> fields() {
        return keys();
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: every value is allowed
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (indexes(document)) {
            for (KeyValue key : getKeyValues(document)) {
                positions.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(position);
            }
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = positionOf(document);
        if (indexes(document)) {
            removeKeys(document, position);
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // the store asks through positions(...), which also narrows queries naming more fields
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("queried through positions(values)");
    }

    @Override
    public long getCount() {
        return positions.values().stream().mapToLong(Set::size).sum();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: every value is allowed
    }

    @Override
    public void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        if (indexes(oldDocument)) {
            removeKeys(oldDocument, position);
        }
        add(newDocument, position, collection);
    }

    @Override
    public void drop() {
        positions.clear();
    }

    private void removeKeys(Document document, Object position) {
        for (KeyValue key : getKeyValues(document)) {
            positions.computeIfPresent(key, (k, held) -> {
                held.remove(position);
                return held.isEmpty() ? null : held;
            });
        }
    }

    /** A sparse index leaves out documents that have none of its fields. */
    private boolean indexes(Document document) {
        if (!isSparse()) {
            return true;
        }
        return fields().stream().anyMatch(field -> valueAt(document, field) != null);
    }

    /** The H2 backend's position of a document: its {@code _id}. */
    private static Object positionOf(Document document) {
        return Missing.ofNullable(document.get("_id"));
    }

    private static Object valueAt(Document document, String path) {
        Object value = document;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Document d)) {
                return value instanceof Collection<?> ? value : null;
            }
            value = d.get(part);
        }
        return value;
    }

    private static void put(Document document, String path, Object value) {
        String[] parts = path.split("\\.");
        Document current = document;
        for (int i = 0; i < parts.length - 1; i++) {
            current = (Document) current.computeIfAbsent(parts[i], k -> new Document());
        }
        current.put(parts[parts.length - 1], value);
    }
}
