package org.credstack.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.List;
import org.credstack.load.PlatformClient.Enrolled;

/**
 * Batched ingestion (closed model): {@code -Dclients} partners each post their share of {@code -Dbatches} batches of
 * {@code -DbatchSize} statements back to back, every statement completing one learner's one-assignment credential.
 * Measures statements acknowledged per second and credentials issued per second end to end ({@link LoadReport}),
 * after {@code -Dpreload} learners were stored.
 *
 * <pre>./mvnw -f platform-load gatling:test -Dsimulation=BatchIngestion
 * -Dbatches=30 -DbatchSize=100 -Dclients=2 -Dpreload=2000</pre>
 */
public class BatchIngestionSimulation extends Simulation {

    private static final String BATCH = "batch";

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final LoadRun run = new LoadRun("batches", settings);

    private final ScenarioBuilder partners = scenario("batches of completions")
            .repeat(settings.batchesPerClient())
            .on(exec(session -> session.set(BATCH, run.next(settings.batchSize())))
                    .exec(http("POST /xapi/statements (batch)")
                            .post("/xapi/statements")
                            .header("X-Experience-API-Version", "1.0.3")
                            .header("Authorization", session -> "Bearer " + run.partnerToken())
                            .body(StringBody(session -> run.batch(session.get(BATCH))))
                            .asJson()
                            .check(status().is(200)))
                    .exec(session -> {
                        if (!session.isFailed()) {
                            run.acknowledged(session.<List<Enrolled>>get(BATCH));
                        }
                        return session.markAsSucceeded();
                    }));

    public BatchIngestionSimulation() {
        setUp(partners.injectOpen(atOnceUsers(settings.clients())))
                .protocols(http.baseUrl(settings.enrollment().toString()));
    }

    @Override
    public void before() {
        run.prepare(settings.batchesPerClient() * settings.clients() * settings.batchSize());
    }

    @Override
    public void after() {
        run.finish();
    }
}
