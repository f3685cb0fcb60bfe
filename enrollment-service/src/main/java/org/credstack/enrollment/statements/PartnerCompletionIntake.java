package org.credstack.enrollment.statements;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.credstack.enrollment.enrollment.CompletionMetrics;
import org.credstack.enrollment.learner.IdentifierKeys;
import org.credstack.enrollment.progress.ProgressStatement;
import org.credstack.events.EventEnvelope;
import org.credstack.events.MalformedEventException;
import org.credstack.events.partner.CompletionReported;
import org.credstack.events.partner.CompletionReported.LearnerReference;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completions partners report on {@code partner.completions.v1} or by signed webhook: stored with the xAPI statements (same collection,
 * source {@code PARTNER}) and matched the same way, so a learner's statements and records about an activity are
 * evaluated together. Idempotent by the report's business key, its {@code statementId}: a redelivered or replayed
 * record changes nothing.
 */
@Service
public class PartnerCompletionIntake {

    /** Verb of a record that names none; counted by its result only. */
    static final String REPORTED = "https://credstack.org/xapi/verbs/reported";

    private final StatementLog log;
    private final CompletionMatcher matcher;
    private final JsonMapper json;
    private final Clock clock;
    private final CompletionMetrics metrics;

    PartnerCompletionIntake(
            StatementLog log, CompletionMatcher matcher, JsonMapper json, Clock clock, CompletionMetrics metrics) {
        this.metrics = metrics;
        this.log = log;
        this.matcher = matcher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Applies one record read from {@code partner.completions.v1}.
     *
     * @throws MalformedEventException if it is not a {@link CompletionReported} with a partner, a statement id, an
     *     activity and a time (it belongs in the dead-letter topic)
     */
    public void apply(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof CompletionReported report) || !isComplete(report)) {
            throw new MalformedEventException("a CompletionReported names partnerId, statementId, activityId and "
                    + "completedAt: " + envelope.id());
        }
        apply(report);
        metrics.received(CompletionMetrics.Channel.PARTNER_TOPIC, 1);
    }

    /**
     * Applies one completion, whichever way it came (a record on {@code partner.completions.v1}, a signed webhook):
     * stores it unless its statement id is stored already and matches it to learners and assignments, or holds it in
     * the unmatched inbox.
     *
     * @param report a report with partnerId, statementId, activityId and completedAt
     * @throws IllegalArgumentException if one of those is missing
     */
    public void apply(CompletionReported report) {
        if (!isComplete(report)) {
            throw new IllegalArgumentException(
                    "a CompletionReported names partnerId, statementId, activityId and " + "completedAt");
        }
        StoredStatement pending = log.recordPartner(stored(report, clock.instant()));
        if (pending != null) {
            matcher.process(List.of(pending), Set.of());
        }
    }

    private static boolean isComplete(CompletionReported report) {
        return report.partnerId() != null
                && report.statementId() != null
                && report.activityId() != null
                && report.completedAt() != null;
    }

    private StoredStatement stored(CompletionReported report, Instant now) {
        String content = json.writeValueAsString(report);
        return new StoredStatement(
                id(report).toString(),
                report.statementId(),
                "PARTNER",
                content,
                content,
                now,
                report.completedAt().toString(),
                actorKey(report.learner()),
                IdentifierKeys.folded(actorKey(report.learner())),
                report.activityId(),
                report.verb() == null ? REPORTED : report.verb(),
                ProgressStatement.Kind.XAPI.name(),
                report.success(),
                report.completion(),
                report.scaledScore(),
                null,
                false,
                false,
                null);
    }

    /** The statement id when it is a UUID, else a name-based UUID of partner and record id. */
    private static UUID id(CompletionReported report) {
        try {
            return UUID.fromString(report.statementId());
        } catch (IllegalArgumentException notUuid) {
            return UUID.nameUUIDFromBytes(
                    (report.partnerId() + "|" + report.statementId()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String actorKey(LearnerReference learner) {
        if (learner == null) {
            return null;
        }
        if (learner.accountName() != null && learner.accountHomePage() != null) {
            return IdentifierKeys.account(learner.accountHomePage(), learner.accountName());
        }
        if (learner.mbox() != null) {
            return IdentifierKeys.mbox(learner.mbox());
        }
        return learner.mboxSha1sum() == null ? null : IdentifierKeys.sha1(learner.mboxSha1sum());
    }
}
