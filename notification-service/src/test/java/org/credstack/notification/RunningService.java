package org.credstack.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.credstack.testsupport.StoreCommands;
import org.credstack.testsupport.TestClock;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The whole service against the real broker and store of {@link InfrastructureTest} and a GreenMail SMTP server
 * on a free port, with a {@link TestClock} in place of the system clock. Every IT extends it, so they share one
 * Spring context; each test works on learners and badges of its own. {@link #http} calls as the learner a path
 * names.
 */
@TestPropertySource(
        properties = {
            "credstack.notification.dispatch-interval=200ms",
            "credstack.notification.schedule-interval=200ms",
            "credstack.notification.mail.initial-backoff=1m",
            // the SMTP breaker opens when the last 2 attempts failed: one e-mail, retried once 10 ms later, which then
            // counts one failed attempt of its own
            "credstack.resilience.calls.smtp.minimum-calls=2",
            "credstack.resilience.calls.smtp.sliding-window=2",
            "credstack.resilience.calls.smtp.failure-rate=100",
            "credstack.resilience.calls.smtp.max-attempts=2",
            "credstack.resilience.calls.smtp.initial-backoff=10ms",
            "credstack.runtime.outbox-sweep-interval=200ms"
        })
@Import({RunningService.Clocks.class, StoreCommands.class})
public abstract class RunningService extends ServiceIntegrationTest {

    /** Where the test clock starts. */
    public static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

    protected static final GreenMail SMTP = startSmtp();

    private static final Pattern LEARNER_PATH = Pattern.compile("/api/v1/learners/([^/]+)/");

    @Autowired
    protected TestClock clock;

    /**
     * A client of the service that sends, with a request to {@code /api/v1/learners/{learnerId}/...} and no {@code
     * Authorization} header of its own, the token of that learner ({@link TestTokens#learner}); other requests go
     * without a token.
     */
    protected RestClient http;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @BeforeEach
    void connect() {
        http = RestClient.builder()
                .baseUrl(baseUrl())
                .requestInterceptor(RunningService::asTheLearnerOfThePath)
                .build();
    }

    private static ClientHttpResponse asTheLearnerOfThePath(
            HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        Matcher learner = LEARNER_PATH.matcher(request.getURI().getRawPath());
        if (learner.lookingAt() && request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null) {
            String learnerId = URLDecoder.decode(learner.group(1), StandardCharsets.UTF_8);
            request.getHeaders().set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.learner(learnerId)));
        }
        return execution.execute(request, body);
    }

    /** The messages the SMTP server received for one address. */
    protected static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .map(Object::toString)
                    .toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * E-mails the dispatcher would claim at {@code now}: being sent, or waiting with their next attempt due. A test that
     * stops the SMTP server waits for none, so that no other test's e-mail fails during its outage.
     */
    protected static long dueDeliveries(MongoTemplate mongo, Instant now) {
        return mongo.count(
                Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("status").is("SENDING"),
                                Criteria.where("status")
                                        .in("PENDING", "FAILED")
                                        .and("nextAttemptAt")
                                        .lte(Date.from(now)))),
                "deliveries");
    }

    private static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        return smtp;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(START);
        }
    }
}
