package org.credstack.enrollment.xapi;

import java.util.regex.Pattern;

/**
 * The xAPI duration format (xAPI Data section 4.6, ISO 8601 durations): {@code P[nY][nM][nD][T[nH][nM][nS]]} with at
 * least one component, or {@code PnW} alone ('W' cannot be combined with other designators). A decimal fraction is
 * allowed on the smallest component given. Precision beyond 0.01 s is accepted, not rejected.
 */
final class Durations {

    private static final String N = "\\d+(?:\\.\\d+)?";
    private static final Pattern DURATION = Pattern.compile("P(?:" + N + "W|(?=.)(?:" + N + "Y)?(?:" + N + "M)?(?:" + N
            + "D)?(?:T(?=.)(?:" + N + "H)?(?:" + N + "M)?(?:" + N + "S)?)?)");
    private static final Pattern FRACTION_LAST = Pattern.compile("[^.]*\\.\\d+[A-Z]");

    private Durations() {}

    static boolean isDuration(String value) {
        return value != null
                && DURATION.matcher(value).matches()
                && (value.indexOf('.') < 0 || FRACTION_LAST.matcher(value).matches());
    }

    static void require(String value, String pointer) {
        StatementRejected.require(
                isDuration(value),
                pointer,
                "a duration is ISO 8601 such as PT1H30M or P2W ('W' stands alone; only the last part has a fraction)");
    }
}
