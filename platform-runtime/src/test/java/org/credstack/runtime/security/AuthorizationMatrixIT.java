package org.credstack.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Queue;
import org.credstack.runtime.audit.AuditLog;
import org.credstack.testsupport.InfrastructureTest;
import org.credstack.testsupport.security.AuthorizationMatrix;
import org.credstack.testsupport.security.Rule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@Tag("security")
@SpringBootTest(
        classes = SecurityTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=security-test")
@InfrastructureTest
class AuthorizationMatrixIT {

    static final String NOTE = "{\"text\":\"hello\"}";

    @LocalServerPort
    int port;

    @Autowired
    Queue<String> stored;

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() {
        matrix().verify();
    }

    @Test
    void failsForAnOperationWithoutARule() {
        AuthorizationMatrix withoutAudit = AuthorizationMatrix.of(baseUrl())
                .rule(Rule.anyone(), "GET /api/v1/announcements", "GET /issuers/{providerId}");

        assertThatThrownBy(withoutAudit::verify)
                .hasMessageContaining("no rule for GET /api/v1/audit")
                .hasMessageContaining("no rule for POST /api/v1/learners/{learnerId}/notes");
    }

    @Test
    void failsWhenACallerIsAnsweredOtherThanTheRuleSays() {
        AuthorizationMatrix wrong = AuthorizationMatrix.of(baseUrl())
                .rule("GET /api/v1/me", Rule.anyone())
                .rule(
                        "POST /api/v1/learners/{learnerId}/notes",
                        Rule.anyCaller().body(NOTE));

        assertThatThrownBy(wrong::verify)
                .hasMessageContaining("GET /api/v1/me as ANONYMOUS: expected ALLOWED, got 401")
                .hasMessageContaining("POST /api/v1/learners/" + wrong.learnerId()
                        + "/notes as LEARNER_OTHER: expected ALLOWED, got 403");
    }

    @Test
    void failsForARuleOfAnOperationTheServiceDoesNotHave() {
        AuthorizationMatrix stale = AuthorizationMatrix.of(baseUrl()).rule("DELETE /api/v1/audit", Rule.operator());

        assertThatThrownBy(stale::verify)
                .hasMessageContaining("a rule for DELETE /api/v1/audit, which /v3/api-docs does not have");
    }

    @Test
    void failsWhenARefusedWriteStoredSomething() {
        AuthorizationMatrix leaky = AuthorizationMatrix.of(baseUrl())
                .rule("POST /api/v1/learners/{learnerId}/notes", Rule.learner().body(NOTE))
                .storesNothingWhenRefused(() -> {
                    stored.add("a change made while the refused call ran");
                    return stored.size();
                });

        assertThatThrownBy(leaky::verify).hasMessageContaining("refused, but the stored state changed");
    }

    @Test
    void refusedWritesStoreNothing() {
        AuthorizationMatrix matrix = matrix();
        int before = stored.size();

        matrix.verify();

        long writesAllowed = stored.stream()
                .filter(s -> s.startsWith(matrix.learnerId() + ":") || s.startsWith(matrix.providerId() + ":"))
                .count();
        assertThat(writesAllowed)
                .as("learner self + operator on notes, own staff + operator, own partner + operator")
                .isEqualTo(6);
        assertThat(stored.size() - before).isEqualTo(6);
    }

    private AuthorizationMatrix matrix() {
        return AuthorizationMatrix.of(baseUrl())
                .storesNothingWhenRefused(stored::size)
                .storesNothingWhenRefused(
                        () -> mongo.getCollection(AuditLog.COLLECTION).countDocuments())
                .rule(Rule.anyone(), "GET /api/v1/announcements", "GET /issuers/{providerId}")
                .rule("GET /api/v1/me", Rule.anyCaller())
                .rule("GET /api/v1/learners/{learnerId}/notes", Rule.learner())
                .rule("POST /api/v1/learners/{learnerId}/notes", Rule.learner().body(NOTE))
                .rule(
                        "POST /api/v1/providers/{providerId}/credentials",
                        Rule.providerStaff().body(NOTE))
                .rule(
                        "POST /api/v1/providers/{providerId}/statements",
                        Rule.partner().body(NOTE))
                .rule(
                        Rule.operator(),
                        "GET /api/v1/audit",
                        "GET /api/v1/dead-letters",
                        "GET /api/v1/audit-log",
                        "GET /api/v1/operations/consumer-lag",
                        "GET /api/v1/operations/last-hour")
                .rule(
                        "POST /api/v1/dead-letters/{dlqTopic}/{partition}/{offset}/replay",
                        Rule.operator().with("partition", "0").with("offset", "0"));
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
