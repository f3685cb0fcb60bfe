package org.credstack.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service's integration tests extend: the whole service on a random port against the real
 * broker and store of {@link InfrastructureTest}, its {@link JsonMapper}, and a {@link TestBroker} opened
 * before and closed after each test. A service's own base may add its helpers (HTTP shortcuts, a test
 * clock, an SMTP server), but declares no other Spring test configuration, so the context cache keeps one
 * context per service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
public abstract class ServiceIntegrationTest {

    /** The port the service listens on in this test. */
    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    /** Publishes as other services would and reads topics; open during each test. */
    protected TestBroker broker;

    @BeforeEach
    void openBroker() {
        broker = new TestBroker(json);
    }

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    /** {@code http://localhost:<port>}. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
