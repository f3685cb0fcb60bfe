package org.credstack.enrollment.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bson.Document;
import org.credstack.enrollment.ServiceIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The shared migration step: a derived field goes on the documents that lack it, and never over a newer save. */
class StoreDerivedIT extends ServiceIT {

    static final String COLLECTION = "storeDerivedTest";

    @Autowired
    OneTimeMigrations migrations;

    @AfterEach
    void drop() {
        mongo.dropCollection(COLLECTION);
    }

    @Test
    void storesTheFieldOnDocumentsLackingItAndSkipsWhatDerivesToNothing() {
        mongo.insert(new Document("_id", "lacking").append("name", "Ada"), COLLECTION);
        mongo.insert(new Document("_id", "nameless"), COLLECTION);
        mongo.insert(new Document("_id", "done").append("name", "Grace").append("upper", "set before"), COLLECTION);

        int stored = migrations.storeDerived(
                COLLECTION,
                "upper",
                document -> document.getString("name") == null
                        ? null
                        : document.getString("name").toUpperCase(),
                false,
                "name");

        assertThat(stored).isEqualTo(1);
        assertThat(field("lacking")).isEqualTo("ADA");
        assertThat(field("nameless")).isNull();
        assertThat(field("done")).isEqualTo("set before");
    }

    @Test
    void aVersionedFieldIsNotStoredOnADocumentSavedSinceItWasRead() {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("name", "Ada").append("version", 0L), COLLECTION);

        int stored = migrations.storeDerived(
                COLLECTION,
                "upper",
                document -> {
                    // another writer saves the document between the read and the update
                    mongo.updateFirst(
                            Query.query(Criteria.where("_id").is(id)),
                            new Update().set("name", "Grace").inc("version", 1),
                            COLLECTION);
                    return document.getString("name").toUpperCase();
                },
                true,
                "name");

        assertThat(stored).isZero();
        assertThat(field(id)).as("the newer save wins").isNull();
    }

    private String field(String id) {
        return mongo.findById(id, Document.class, COLLECTION).getString("upper");
    }
}
