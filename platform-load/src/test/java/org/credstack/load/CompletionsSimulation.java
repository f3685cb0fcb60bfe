package org.credstack.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.List;
import org.credstack.load.PlatformClient.Enrolled;

/**
 * Completions at a fixed rate (open model): each virtual user is one learner, already enrolled in a one-assignment
 * credential, whose partner posts the one xAPI statement that completes it. Measures completion acknowledged →
 * credential issued ({@link LoadReport}), with {@code -Drate} per second for {@code -Dduration}, after {@code
 * -Dpreload} learners were stored.
 *
 * <pre>./mvnw -f platform-load gatling:test -Dsimulation=Completions
 * -Drate=100 -Dduration=5m -Dpreload=2000</pre>
 */
public class CompletionsSimulation extends Simulation {

    private static final String LEARNER = "learner";

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final LoadRun run = new LoadRun("completions", settings);

    private final ScenarioBuilder completions = scenario("one completion per learner")
            .exec(session -> session.set(LEARNER, run.next()))
            .exec(http("POST /xapi/statements")
                    .post("/xapi/statements")
                    .header("X-Experience-API-Version", "1.0.3")
                    .header("Authorization", session -> "Bearer " + run.partnerToken())
                    .body(StringBody(session -> run.statement(session.get(LEARNER))))
                    .asJson()
                    .check(status().is(200)))
            .exitHereIfFailed()
            .exec(session -> {
                run.acknowledged(List.of(session.<Enrolled>get(LEARNER)));
                return session;
            });

    public CompletionsSimulation() {
        setUp(completions.injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration())))
                .protocols(http.baseUrl(settings.enrollment().toString()).shareConnections());
    }

    @Override
    public void before() {
        int offered = settings.completionsOffered();
        run.prepare(offered + Math.max(10, offered / 100));
    }

    @Override
    public void after() {
        run.finish();
    }
}
