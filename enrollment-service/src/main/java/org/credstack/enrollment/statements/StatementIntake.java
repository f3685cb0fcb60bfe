package org.credstack.enrollment.statements;

import java.util.List;
import java.util.function.Function;
import org.credstack.enrollment.xapi.Statement;
import org.springframework.stereotype.Service;

/** Stores a validated batch, then matches what is new. */
@Service
class StatementIntake {

    private final StatementLog log;
    private final CompletionMatcher matcher;

    StatementIntake(StatementLog log, CompletionMatcher matcher) {
        this.log = log;
        this.matcher = matcher;
    }

    /**
     * @param pointer the JSON pointer of a statement's id in the request, by position
     * @throws StatementConflict if an id is stored with other content; nothing is stored then
     */
    void accept(List<Statement> batch, Function<Integer, String> pointer) {
        matcher.process(log.record(batch, pointer));
    }
}
