package org.credstack.enrollment.statements;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.credstack.enrollment.xapi.Statement;
import org.credstack.enrollment.xapi.StatementRejected;
import org.credstack.enrollment.xapi.StatementRejected.Problem;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The platform's rule on when a statement can have happened (xAPI itself sets none): a completion dated in the
 * future would issue a credential that is not yet valid, one dated centuries ago an already expired one.
 *
 * <ul>
 *   <li>not later than now plus {@link XapiProperties#clockSkew()} (a partner's clock may run a little ahead);
 *   <li>not before {@value #EARLIEST} (the Unix epoch): no e-learning statement is older, so an earlier one is a
 *       default or garbage value such as {@code 0001-01-01T00:00:00Z}.
 * </ul>
 */
@Component
@EnableConfigurationProperties(XapiProperties.class)
class PlausibleTimestamps {

    static final String EARLIEST = "1970-01-01T00:00:00Z";
    private static final Instant EPOCH = Instant.parse(EARLIEST);

    private final Clock clock;
    private final XapiProperties properties;

    PlausibleTimestamps(Clock clock, XapiProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * @param pointer the JSON pointer of a statement's {@code timestamp} in the request, by position
     * @throws StatementRejected naming every implausible timestamp of the batch
     */
    void check(List<Statement> batch, IntFunction<String> pointer) {
        Instant latest = clock.instant().plus(properties.clockSkew());
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Instant at = batch.get(i).timestamp();
            if (at == null) {
                continue;
            }
            if (at.isAfter(latest)) {
                problems.add(new Problem(
                        pointer.apply(i),
                        "the timestamp is in the future (more than " + properties.clockSkew() + " after now)"));
            } else if (at.isBefore(EPOCH)) {
                problems.add(new Problem(pointer.apply(i), "the timestamp is before " + EARLIEST));
            }
        }
        if (!problems.isEmpty()) {
            throw new StatementRejected(problems);
        }
    }
}
