package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries that name {@code _id} and more fields answer as MongoDB does, now that they read only that document. */
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
    void stillAnswersIdOperatorsItCannotNarrow() {
        long others = enrollments.countDocuments(Filters.and(Filters.ne("_id", "e1"), Filters.eq("learnerId", "l1")));

        assertThat(others).isEqualTo(9);
    }
}
