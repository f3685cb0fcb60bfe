package org.credstack.badge;

import org.credstack.testsupport.ProblemContractTests;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.springframework.context.annotation.Import;

@Import(TestClockConfig.class)
class BadgeProblemContractIT extends ServiceIntegrationTest implements ProblemContractTests {

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
