package org.credstack.catalog;

import org.credstack.testsupport.ProblemContractTests;
import org.credstack.testsupport.security.TestTokens;

class CatalogProblemContractIT extends CatalogIntegrationTest implements ProblemContractTests {

    @Override
    public int port() {
        return port;
    }

    /** An operator's token: the contract's posts to credentials and providers are writes. */
    @Override
    public String authorization() {
        return TestTokens.bearer(TestTokens.operator());
    }

    @Override
    public String jsonEndpoint() {
        return "/api/v1/credentials";
    }

    @Override
    public Call missingResource() {
        return Call.get("/api/v1/credentials/no-such-credential");
    }

    @Override
    public Call invalidRequest() {
        return Call.post("/api/v1/providers", "{\"name\": \"Acme\", \"timeZone\": \"Mars/Olympus\"}");
    }

    @Override
    public String invalidRequestNames() {
        return "timeZone";
    }
}
