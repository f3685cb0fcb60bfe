package org.credstack.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class StoreQueriesTest {

    record Award(@Id String id, @Field("enrollment") String enrollmentId, int version) {}

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "store-queries");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void answersWhetherAnyDocumentMatchesMappingTheQueryAsTheEntity() {
        String enrolled = UUID.randomUUID().toString();
        mongo.insert(new Award("a-1", enrolled, 3));
        mongo.insert(new Award("a-2", enrolled, 4));

        Query byEnrollment = Query.query(Criteria.where("enrollmentId").is(enrolled));
        Query byOther = Query.query(Criteria.where("enrollmentId").is("another"));

        assertThat(StoreQueries.exists(mongo, byEnrollment, Award.class)).isTrue();
        assertThat(StoreQueries.exists(mongo, byOther, Award.class)).isFalse();
        assertThat(byEnrollment.getLimit())
                .as("the caller's query is left as it was")
                .isZero();
    }
}
