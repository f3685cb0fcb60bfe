package org.credstack.enrollment;

import org.credstack.testsupport.ProblemContractTests;
import org.credstack.testsupport.security.TestTokens;

class EnrollmentProblemContractIT extends ServiceIT implements ProblemContractTests {

    @Override
    public int port() {
        return port;
    }

    /** An operator may register learners and read any of them. */
    @Override
    public String authorization() {
        return TestTokens.bearer(TestTokens.operator());
    }

    @Override
    public String jsonEndpoint() {
        return "/api/v1/learners";
    }

    @Override
    public Call missingResource() {
        return Call.get("/api/v1/learners/no-such-learner");
    }

    @Override
    public Call invalidRequest() {
        return Call.post("/api/v1/learners", "{\"displayName\": \"Zz\", \"emails\": [\"mailto:zz@example.org\"]}");
    }

    @Override
    public String invalidRequestNames() {
        return "emails[0]";
    }
}
