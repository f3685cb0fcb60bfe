package org.credstack.runtime.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link AuditLog#record} refuses before it writes anything (no store is needed to show it). */
class AuditLogTest {

    final AuditLog auditLog =
            new AuditLog(null, () -> AuditActor.system("test"), Clock.systemUTC(), new SimpleMeterRegistry());
    final AuditTarget target = AuditTarget.ofProvider("p-1", "/api/v1/providers/p-1/partner-keys/pk-1");

    @Test
    void refusesAnActionThatIsNotADottedLowerCaseName() {
        for (String action : new String[] {null, "", "published", "Credential.Published", "credential published"}) {
            assertThatThrownBy(() -> auditLog.record(action, target, Map.of()))
                    .as(action)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dotted");
        }
    }

    @Test
    void refusesADetailNamedLikeASecretHashOrToken() {
        for (String name : new String[] {"secret", "secretHash", "accessToken", "password", "privateKeySeed"}) {
            assertThatThrownBy(() -> auditLog.record("partner-key.created", target, Map.of(name, "x")))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("never holds a secret");
        }
    }

    @Test
    void refusesLargeOrStructuredDetails() {
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i <= AuditLog.MAX_DETAILS; i++) {
            many.put("d" + i, i);
        }
        assertThatThrownBy(() -> auditLog.record("credential.published", target, many))
                .hasMessageContaining("at most " + AuditLog.MAX_DETAILS);
        assertThatThrownBy(() -> auditLog.record(
                        "credential.published", target, Map.of("reason", "x".repeat(AuditLog.MAX_DETAIL_CHARS + 1))))
                .hasMessageContaining("at most " + AuditLog.MAX_DETAIL_CHARS);
        assertThatThrownBy(() -> auditLog.record("credential.published", target, Map.of("content", Map.of())))
                .hasMessageContaining("only text, numbers, booleans and instants");
    }

    @Test
    void refusesATargetWithoutAPath() {
        assertThatThrownBy(() -> AuditTarget.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
