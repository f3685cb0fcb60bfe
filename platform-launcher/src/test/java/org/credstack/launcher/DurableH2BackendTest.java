package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries the store answers from its indexes give the same documents as reading the whole collection. */
class DurableH2BackendTest {

    @TempDir
    Path dataDir;

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> enrollments;

    @BeforeEach
    void start() {
        server = new MongoServer(DurableH2Backend.open(dataDir.resolve(EmbeddedMongo.STORE_FILE)));
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://localhost:" + address.getPort());
        enrollments = client.getDatabase("enrollment").getCollection("enrollments");
        for (int i = 0; i < 50; i++) {
            enrollments.insertOne(
                    new Document("_id", "e" + i).append("version", 0).append("learnerId", "l" + i % 5));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void updatesUnderTheOptimisticLockOnlyWhenTheVersionMatches() {
        long stale = enrollments
                .updateOne(Filters.and(Filters.eq("_id", "e7"), Filters.eq("version", 3)), Updates.set("version", 4))
                .getModifiedCount();
        long current = enrollments
                .updateOne(Filters.and(Filters.eq("_id", "e7"), Filters.eq("version", 0)), Updates.set("version", 1))
                .getModifiedCount();

        assertThat(stale).as("update with a stale version").isZero();
        assertThat(current).as("update with the current version").isEqualTo(1);
        assertThat(enrollments.find(Filters.eq("_id", "e7")).first().getInteger("version"))
                .isEqualTo(1);
    }

    @Test
    void findsByIdListAndAnotherField() {
        List<String> found = enrollments
                .find(Filters.and(Filters.in("_id", "e1", "e2", "e6", "missing"), Filters.eq("learnerId", "l1")))
                .map(d -> d.getString("_id"))
                .into(new ArrayList<>());

        assertThat(found).containsExactlyInAnyOrder("e1", "e6");
    }

    @Test
    void answersLikeAStoreWithoutIndexesThroughRandomChanges() {
        MongoServer plain = new MongoServer(new MemoryBackend());
        try (MongoClient reference =
                MongoClients.create("mongodb://localhost:" + plain.bind().getPort())) {
            MongoCollection<Document> indexed = client.getDatabase("enrollment").getCollection("random");
            MongoCollection<Document> scanned =
                    reference.getDatabase("enrollment").getCollection("random");
            for (MongoCollection<Document> c : List.of(indexed, scanned)) {
                c.createIndex(Indexes.ascending("learnerId"));
                c.createIndex(Indexes.ascending("assignments.activityId"));
                c.createIndex(Indexes.ascending("voids"), new IndexOptions().sparse(true));
                c.createIndex(Indexes.ascending("pending.eventId"), new IndexOptions().sparse(true));
                c.createIndex(Indexes.compoundIndex(Indexes.ascending("learnerId"), Indexes.ascending("status")));
            }
            Random random = new Random(42);
            for (int step = 0; step < 3_000; step++) {
                String id = "d" + random.nextInt(200);
                Bson change = switch (random.nextInt(6)) {
                    case 0 -> Updates.set("learnerId", "l" + random.nextInt(20));
                    case 1 -> Updates.set("status", random.nextBoolean() ? "ACTIVE" : "WITHDRAWN");
                    case 2 -> Updates.push("assignments", new Document("activityId", "a" + random.nextInt(10)));
                    case 3 -> Updates.set("voids", random.nextBoolean() ? "d" + random.nextInt(200) : null);
                    case 4 ->
                        random.nextBoolean()
                                ? Updates.push("pending", new Document("eventId", "ev" + random.nextInt(1000)))
                                : Updates.set("pending", List.of());
                    default -> Updates.unset("learnerId");
                };
                boolean delete = random.nextInt(10) == 0;
                for (MongoCollection<Document> c : List.of(indexed, scanned)) {
                    if (delete) {
                        c.deleteOne(Filters.eq("_id", id));
                    } else {
                        c.updateOne(Filters.eq("_id", id), change, new UpdateOptions().upsert(true));
                    }
                }
            }
            List<Bson> queries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                queries.add(Filters.eq("learnerId", "l" + i));
                queries.add(Filters.and(Filters.eq("learnerId", "l" + i), Filters.ne("status", "WITHDRAWN")));
                queries.add(Filters.and(Filters.eq("learnerId", "l" + i), Filters.eq("status", "ACTIVE")));
                queries.add(Filters.and(
                        Filters.eq("learnerId", "l" + i), Filters.eq("assignments.activityId", "a" + i % 10)));
                queries.add(Filters.eq("voids", "d" + i));
                queries.add(Filters.in("voids", "d" + i, "d" + (i + 20), "d" + (i + 40)));
                queries.add(Filters.and(
                        Filters.in("learnerId", "l" + i, "l" + (i + 1) % 20, "nobody"),
                        Filters.eq("status", "ACTIVE")));
                queries.add(Filters.and(
                        Filters.eq("learnerId", "l" + i),
                        Filters.in("status", "ACTIVE", "WITHDRAWN"),
                        Filters.exists("voids")));
            }
            queries.add(Filters.eq("learnerId", null));
            queries.add(Filters.exists("pending.eventId"));
            for (Bson query : queries) {
                assertThat(ids(indexed, query)).as(query.toString()).isEqualTo(ids(scanned, query));
                assertThat(indexed.countDocuments(query))
                        .as("countDocuments, an aggregate, of " + query)
                        .isEqualTo(scanned.countDocuments(query));
            }
        } finally {
            plain.shutdownNow();
        }
    }

    @Test
    void rebuildsItsIndexesFromTheFileOnRestart() {
        enrollments.createIndex(Indexes.ascending("learnerId"));
        enrollments.insertOne(new Document("_id", "late").append("learnerId", "l3"));
        client.close();
        server.shutdownNow();

        server = new MongoServer(DurableH2Backend.open(dataDir.resolve(EmbeddedMongo.STORE_FILE)));
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
        enrollments = client.getDatabase("enrollment").getCollection("enrollments");

        assertThat(ids(enrollments, Filters.eq("learnerId", "l3")))
                .containsExactly("e13", "e18", "e23", "e28", "e3", "e33", "e38", "e43", "e48", "e8", "late");
        assertThat(enrollments.find(Filters.eq("_id", "e7")).first())
                .as("by _id")
                .isNotNull();
        assertThatThrownBy(() -> enrollments.insertOne(new Document("_id", "e7")))
                .as("the _id index after the restart")
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
    }

    @Test
    void refusesADuplicateOfAUniqueIndexBuiltOverStoredDocuments() {
        enrollments.createIndex(
                Indexes.ascending("activeKey"), new IndexOptions().unique(true).sparse(true));
        enrollments.insertOne(new Document("_id", "a1").append("activeKey", "l1|c1"));

        assertThatThrownBy(() -> enrollments.insertOne(new Document("_id", "a2").append("activeKey", "l1|c1")))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        assertThat(ids(enrollments, Filters.eq("activeKey", "l1|c1"))).containsExactly("a1");
        enrollments.deleteOne(Filters.eq("_id", "a1"));
        enrollments.insertOne(new Document("_id", "a2").append("activeKey", "l1|c1"));
        assertThat(ids(enrollments, Filters.eq("activeKey", "l1|c1"))).containsExactly("a2");
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson query) {
        List<String> ids = collection.find(query).map(d -> d.getString("_id")).into(new ArrayList<>());
        ids.sort(null);
        return ids;
    }

    @Test
    void stillAnswersIdOperatorsItCannotNarrow() {
        long others = enrollments.countDocuments(Filters.and(Filters.ne("_id", "e1"), Filters.eq("learnerId", "l1")));

        assertThat(others).isEqualTo(9);
    }
}
