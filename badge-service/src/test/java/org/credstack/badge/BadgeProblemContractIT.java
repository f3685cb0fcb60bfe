package org.credstack.badge;

import org.credstack.testsupport.ProblemContractTests;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.credstack.testsupport.security.TestTokens;
import org.springframework.context.annotation.Import;

@Import(TestClockConfig.class)
class BadgeProblemContractIT extends ServiceIntegrationTest implements ProblemContractTests {

    @Override
    public int port() {
        return port;
    }

    /** An operator: the contract's unknown paths and wrong methods are not public. */
    @Override
    public String authorization() {
        return TestTokens.bearer(TestTokens.operator());
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
