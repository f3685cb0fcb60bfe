package org.credstack.enrollment.xapi;

import static org.credstack.enrollment.xapi.StatementRejected.require;

/**
 * The score of a result (xAPI Data section 2.4.5.1). Every part is optional ({@code null}).
 *
 * @param scaled in [-1, 1]
 * @param raw between {@code min} and {@code max} where they are given
 * @param min below {@code max}
 * @param max above {@code min}
 * @throws StatementRejected naming {@code /scaled}, {@code /raw} or {@code /min} when a bound is broken
 */
public record Score(Double scaled, Double raw, Double min, Double max) {

    public Score {
        require(scaled == null || (scaled >= -1 && scaled <= 1), "/scaled", "score.scaled is between -1 and 1");
        require(min == null || max == null || min < max, "/min", "score.min is less than score.max");
        require(raw == null || min == null || raw >= min, "/raw", "score.raw is not below score.min");
        require(raw == null || max == null || raw <= max, "/raw", "score.raw is not above score.max");
    }
}
