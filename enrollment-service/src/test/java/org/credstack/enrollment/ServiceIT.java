package org.credstack.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.credstack.enrollment.catalog.CatalogReplica;
import org.credstack.events.catalog.CatalogEvent;
import org.credstack.events.catalog.CredentialPublished;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the service's integration tests: one Spring context (the same configuration everywhere, so it is cached
 * and shared) against the real broker and store, an HTTP client, and a {@link TestBroker} that publishes as the
 * catalog and partners would and follows {@code enrollment.events.v1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
public abstract class ServiceIT {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected CatalogReplica replica;

    protected Api api;
    protected TestBroker broker;

    @BeforeEach
    void connect() {
        api = new Api(port);
        broker = new TestBroker(json);
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    /** Publishes a snapshot as the catalog would and waits until the replica has it. */
    protected CredentialSnapshot published(CredentialSnapshot snapshot) {
        return published(new CredentialPublished(snapshot.id(), snapshot, snapshot.publishedAt()));
    }

    protected CredentialSnapshot published(CatalogEvent event) {
        broker.publish(event, event.occurredAt());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(replica.find(event.credentialId())).contains(event.credential()));
        return event.credential();
    }

    /** Registers a learner with a fresh email; returns the learner id. */
    protected String learner(String email) {
        Api.Response created = api.post("/api/v1/learners", """
                {"displayName": "Ada Lovelace", "emails": ["%s"]}""".formatted(email));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().get("id").stringValue();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
}
