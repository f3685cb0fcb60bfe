package org.credstack.enrollment.xapi;

/**
 * A measured outcome (xAPI Data section 2.4.5). Every part is optional ({@code null}).
 *
 * @param score the score
 * @param success whether the attempt was successful
 * @param completion whether the activity was completed
 * @param response the learner's response
 * @param duration ISO 8601 duration as sent (xAPI Data section 4.6), e.g. {@code PT1H0M0S}; kept as a string
 *     because xAPI compares durations as strings
 * @throws StatementRejected naming {@code /duration} if the duration breaks the xAPI duration rules
 */
public record Result(Score score, Boolean success, Boolean completion, String response, String duration) {

    public Result {
        if (duration != null) {
            Durations.require(duration, "/duration");
        }
    }
}
