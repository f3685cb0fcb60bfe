package org.credstack.enrollment.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.credstack.events.catalog.CredentialSnapshot;

/**
 * When the assignments complete the credential: {@code ALL} of them, or {@code AT_LEAST} a minimum. A missing or
 * unknown rule, or {@code AT_LEAST} without a minimum, reads as {@code ALL}; a minimum below 1 reads as 1. The rule is
 * never met with nothing done, whatever the snapshot says (docs/lifecycle/ingestion.md).
 *
 * @param type {@code ALL} or {@code AT_LEAST}
 * @param minimum for {@code AT_LEAST}, how many; else {@code null}
 */
record CompletionRule(String type, Integer minimum) {

    static CompletionRule of(CredentialSnapshot.CompletionRule rule) {
        if (rule == null || !"AT_LEAST".equals(rule.type()) || rule.minimum() == null) {
            return new CompletionRule("ALL", null);
        }
        return new CompletionRule("AT_LEAST", Math.max(1, rule.minimum()));
    }

    /**
     * When the rule was met: the business time of the completion that met it. For {@code ALL} the latest
     * completion; for {@code AT_LEAST n} the n-th in time order, so completions reported out of order still give
     * the time the rule was truly met.
     *
     * At least one assignment must be done: a credential without assignments, or a stored {@code AT_LEAST 0}, never
     * completes at enrollment.
     *
     * @param assignmentCount how many assignments the credential has
     * @param doneAt the business times of the assignments done
     * @return when the rule was met, or empty while it is not
     */
    Optional<Instant> metAt(int assignmentCount, List<Instant> doneAt) {
        int required = Math.max(1, "AT_LEAST".equals(type) ? minimum : assignmentCount);
        if (doneAt.size() < required) {
            return Optional.empty();
        }
        return Optional.of(doneAt.stream().sorted().toList().get(required - 1));
    }
}
