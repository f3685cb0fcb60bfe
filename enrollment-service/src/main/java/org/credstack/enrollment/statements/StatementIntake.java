package org.credstack.enrollment.statements;

import java.util.List;
import java.util.function.Function;
import org.credstack.enrollment.enrollment.CompletionMetrics;
import org.credstack.enrollment.xapi.Statement;
import org.springframework.stereotype.Service;

/** Stores a validated batch, then has what is new matched after the request is answered. */
@Service
class StatementIntake {

    private final StatementLog log;
    private final StatementMatching matching;
    private final CompletionMetrics metrics;

    StatementIntake(StatementLog log, StatementMatching matching, CompletionMetrics metrics) {
        this.log = log;
        this.matching = matching;
        this.metrics = metrics;
    }

    /**
     * @param pointer the JSON pointer of a statement's id in the request, by position
     * @param providerIds the reporting partner's providers ({@link ReportingScope}); {@code null} for any
     * @throws StatementConflict if an id is stored with other content; nothing is stored then
     */
    void accept(List<Statement> batch, Function<Integer, String> pointer, List<String> providerIds) {
        StatementLog.Recorded recorded = log.record(batch, pointer, providerIds);
        matching.submit(recorded.toMatch(), recorded.inserted());
        metrics.received(CompletionMetrics.Channel.XAPI, batch.size());
    }
}
