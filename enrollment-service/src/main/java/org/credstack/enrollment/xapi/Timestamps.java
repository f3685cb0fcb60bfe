package org.credstack.enrollment.xapi;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The xAPI timestamp format (xAPI Data section 4.5): an ISO 8601 / RFC 3339 date-time
 * {@code YYYY-MM-DDThh:mm:ss[.fraction][offset]}, normalised to a UTC {@link Instant}.
 *
 * <ul>
 *   <li>The offset may be {@code Z}, {@code ±hh:mm}, {@code ±hhmm} or {@code ±hh}; a negative zero offset
 *       ({@code -00:00}, {@code -0000}, {@code -00}) is rejected: ISO 8601 forbids it, and RFC 3339 uses it for
 *       "unknown local offset", which cannot be placed in time.
 *   <li>Without an offset the time is taken as UTC (xAPI: a timestamp SHOULD include the time zone).
 *   <li>Fractions beyond nanoseconds are truncated; dates alone and other ISO 8601 forms are rejected.
 * </ul>
 */
final class Timestamps {

    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})"
            + "(?:\\.(\\d+))?(?:([Zz])|([+-])(\\d{2})(?::?(\\d{2}))?)?");

    private Timestamps() {}

    /**
     * @throws StatementRejected naming {@code pointer} if the value is not an xAPI timestamp
     */
    static Instant parse(String value, String pointer) {
        Matcher m = value == null ? null : DATE_TIME.matcher(value);
        StatementRejected.require(
                m != null && m.matches(), pointer, "a timestamp is ISO 8601 such as 2023-05-04T17:00:00.000Z");
        String sign = m.group(9);
        int offsetHours = sign == null ? 0 : Integer.parseInt(m.group(10));
        int offsetMinutes = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
        StatementRejected.require(
                !("-".equals(sign) && offsetHours == 0 && offsetMinutes == 0),
                pointer,
                "a timestamp's offset is not the negative zero -00:00 (unknown local offset); use Z or +00:00");
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)),
                    nanos(m.group(7)));
            int direction = "-".equals(sign) ? -1 : 1;
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(direction * offsetHours, direction * offsetMinutes);
            return local.toInstant(offset);
        } catch (DateTimeException e) {
            throw StatementRejected.at(pointer, "a timestamp names a real date, time and offset");
        }
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = (fraction + "000000000").substring(0, 9);
        return Integer.parseInt(nine);
    }
}
