package org.credstack.notification;

import org.credstack.testsupport.ProblemContractTests;
import org.credstack.testsupport.security.TestTokens;

/** The notification service takes no JSON body, so the contract's body checks are skipped here. */
class NotificationProblemContractIT extends RunningService implements ProblemContractTests {

    @Override
    public int port() {
        return port;
    }

    /** The learner the contract's paths name: its unknown paths and wrong methods are not public. */
    @Override
    public String authorization() {
        return TestTokens.bearer(TestTokens.learner("nobody"));
    }

    @Override
    public Call missingResource() {
        return Call.post("/api/v1/learners/nobody/notifications/no-such-notification/read", null);
    }

    @Override
    public Call invalidRequest() {
        return Call.get("/api/v1/learners/nobody/notifications?limit=0");
    }

    @Override
    public String invalidRequestNames() {
        return "limit";
    }
}
