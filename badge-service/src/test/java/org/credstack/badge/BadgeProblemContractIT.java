package org.credstack.badge;

import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.ProblemContractTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
@Import(TestClock.Config.class)
class BadgeProblemContractIT implements ProblemContractTests {

    @LocalServerPort
    int port;

    @Override
    public int port() {
        return port;
    }

    @Override
    public String jsonEndpoint() {
        return "/api/v1/verify";
    }

    @Override
    public Call missingResource() {
        return Call.get("/credentials/urn:uuid:00000000-0000-4000-8000-000000000000");
    }

    @Override
    public Call invalidRequest() {
        return Call.post("/api/v1/verify", "[1, 2]");
    }

    @Override
    public String invalidRequestNames() {
        return "";
    }
}
