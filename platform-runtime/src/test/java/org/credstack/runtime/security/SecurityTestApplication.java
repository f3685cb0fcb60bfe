package org.credstack.runtime.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.credstack.runtime.audit.AuditLog;
import org.credstack.runtime.audit.AuditTarget;
import org.credstack.testsupport.TestClock;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service the size of a test: one endpoint per kind of caller, each checking ownership with {@link Access} before
 * it stores anything, a public path of its own ({@link PublicPaths}) and one of the platform's; the runtime adds its
 * dead-letter endpoints and audit log; publishing a credential is audited.
 */
@Configuration
@EnableAutoConfiguration
@Import(SecurityTestApplication.Endpoints.class)
public class SecurityTestApplication {

    /** Everything the endpoints stored: "what" strings, so a refused write can be shown to store nothing. */
    @Bean
    Queue<String> stored() {
        return new ConcurrentLinkedQueue<>();
    }

    /** The service's clock, which the audit log's tests move. */
    @Bean
    TestClock clock() {
        return new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @Bean
    PublicPaths announcementsArePublic() {
        return PublicPaths.of("GET /api/v1/announcements/**");
    }

    record Note(String text) {}

    @RestController
    static class Endpoints {

        private final Access access;
        private final Queue<String> stored;
        private final AuditLog auditLog;

        Endpoints(Access access, Queue<String> stored, AuditLog auditLog) {
            this.access = access;
            this.stored = stored;
            this.auditLog = auditLog;
        }

        @GetMapping("/api/v1/learners/{learnerId}/notes")
        List<String> notes(@PathVariable String learnerId) {
            access.requireLearner(learnerId);
            return stored.stream().filter(s -> s.startsWith(learnerId + ":")).toList();
        }

        @PostMapping("/api/v1/learners/{learnerId}/notes")
        @ResponseStatus(HttpStatus.CREATED)
        Note addNote(@PathVariable String learnerId, @RequestBody Note note) {
            access.requireLearner(learnerId);
            stored.add(learnerId + ":" + note.text());
            return note;
        }

        @PostMapping("/api/v1/providers/{providerId}/credentials")
        @ResponseStatus(HttpStatus.CREATED)
        Note publish(@PathVariable String providerId, @RequestBody Note credential) {
            access.requireProviderStaff(providerId);
            stored.add(providerId + ":" + credential.text());
            auditLog.record(
                    "credential.published",
                    AuditTarget.ofProvider(providerId, "/api/v1/providers/" + providerId + "/credentials"),
                    Map.of("text", credential.text()));
            return credential;
        }

        @PostMapping("/api/v1/providers/{providerId}/statements")
        Note report(@PathVariable String providerId, @RequestBody Note statement) {
            access.requirePartnerOf(providerId);
            stored.add(providerId + ":statement:" + statement.text());
            return statement;
        }

        @GetMapping("/api/v1/audit")
        List<String> audit() {
            access.requireOperator();
            return List.copyOf(stored);
        }

        @GetMapping("/api/v1/me")
        Caller me() {
            return access.caller();
        }

        @GetMapping("/api/v1/announcements")
        List<String> announcements() {
            return List.of("welcome");
        }

        @GetMapping("/issuers/{providerId}")
        Map<String, String> issuer(@PathVariable String providerId) {
            return Map.of("id", providerId);
        }
    }
}
