package org.credstack.runtime;

import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;

/**
 * Refuses to save a mapped object that would replace an aggregate document of an {@link OutboxCollection} without
 * its {@code pendingEvents} or its {@code version}: such a save (a record that does not map those fields, say) would
 * silently drop events not yet published, or the optimistic lock. Applies to Spring Data's {@code save} and {@code
 * insert} of mapped objects; conditional updates ({@code $set}, {@code $push}) keep the other fields and are not
 * checked.
 */
public class AggregateShapeGuard implements BeforeSaveCallback<Object> {

    private final Set<String> collections;

    /** @param collections the names of the service's outbox collections */
    public AggregateShapeGuard(Set<String> collections) {
        this.collections = Set.copyOf(collections);
    }

    /**
     * @throws IllegalStateException naming the collection, the document and the missing field
     */
    @Override
    public Object onBeforeSave(Object entity, Document document, String collection) {
        if (collections.contains(collection)) {
            for (String field : new String[] {OutboxRelay.PENDING, OutboxRelay.VERSION}) {
                if (!document.containsKey(field)) {
                    throw new IllegalStateException("refusing to save " + collection + " " + document.get("_id")
                            + " without '" + field + "': " + entity.getClass().getName()
                            + " must map it, or the save drops it");
                }
            }
        }
        return entity;
    }
}
