package org.credstack.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.credstack.enrollment.catalog.CatalogReplica;
import org.credstack.events.catalog.CatalogEvent;
import org.credstack.events.catalog.CredentialPublished;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.credstack.testsupport.StoreCommands;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The enrollment helpers on top of the shared {@link ServiceIntegrationTest}: an HTTP client sending the token of the
 * caller each path belongs to ({@link Api}), publishing catalog snapshots as the catalog would and waiting for the
 * replica, and registering learners. Every context has {@link StoreCommands}, for the tests that count round trips.
 */
@Import(StoreCommands.class)
public abstract class ServiceIT extends ServiceIntegrationTest {

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected CatalogReplica replica;

    protected Api api;

    @Autowired
    protected MeterRegistry meters;

    /** The count of a counter with these tags ({@code "channel", "xapi"}), 0 while nothing registered it. */
    protected double counted(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The provider of {@link Credentials}' snapshots. */
    protected static final String PROVIDER = "provider-1";

    /**
     * Sends an operator's token by default, so tests about something else need no token of their own (operators may
     * do everything); tests about who may do what send their own {@code Authorization}.
     */
    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /**
     * The headers of an xAPI request by a partner system of {@link #PROVIDER}: {@code X-Experience-API-Version} and
     * its bearer token of role {@code partner}.
     */
    protected static Map<String, String> partnerXapi(String version) {
        return Map.of(
                "X-Experience-API-Version", version, "Authorization", TestTokens.bearer(TestTokens.partner(PROVIDER)));
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

    /**
     * Registers a learner with a fresh email as a learner does: signed in with a new id (their token's {@code sub}),
     * which becomes the learner id; returns it.
     */
    protected String learner(String email) {
        String id = UUID.randomUUID().toString();
        Api.Response created = api.as(TestTokens.learner(id)).post("/api/v1/learners", """
                {"displayName": "Ada Lovelace", "emails": ["%s"]}""".formatted(email));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.body().get("id").stringValue()).isEqualTo(id);
        return id;
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
}
