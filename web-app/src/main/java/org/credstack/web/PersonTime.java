package org.credstack.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and times as the person reading the page knows them: in their time zone and language. Every page has one
 * as {@code time} ({@code ${time.dateTime(instant)}}, {@code ${time.date(instant)}}); validity on a credential is
 * shown in the issuer's zone instead ({@code ${time.date(instant, issuerZone)}}).
 *
 * <p>The zone comes from the {@value #ZONE_COOKIE} cookie, an IANA zone id that {@code js/time-zone.js} sets from
 * the browser ({@code Intl.DateTimeFormat().resolvedOptions().timeZone}); without it (first visit, no JavaScript, a
 * crawler, or a value that is not a zone) times are in UTC and say so. The language is the request's locale
 * ({@code Accept-Language}).
 *
 * @param zone the person's zone
 * @param locale the person's language
 */
public record PersonTime(ZoneId zone, Locale locale) {

    /** The cookie holding the browser's IANA time zone id. */
    public static final String ZONE_COOKIE = "tz";

    /** UTC in English: for crawlers and tests. */
    public static final PersonTime UTC = new PersonTime(ZoneId.of("UTC"), Locale.ENGLISH);

    /** The person's time from the cookie's value (may be {@code null} or rubbish) and their locale. */
    public static PersonTime of(String zoneCookie, Locale locale) {
        ZoneId zone = ZoneId.of("UTC");
        if (zoneCookie != null && !zoneCookie.isBlank() && zoneCookie.length() <= 64) {
            try {
                zone = ZoneId.of(zoneCookie);
            } catch (DateTimeException notAZone) {
                // keep UTC: the page says which zone it shows
            }
        }
        return new PersonTime(zone, locale == null ? Locale.ENGLISH : locale);
    }

    /** {@code 7 Dec 2026, 14:05 (Europe/Berlin)} in the person's language and zone; empty for {@code null}. */
    public String dateTime(Instant instant) {
        return dateTime(instant, zone);
    }

    /** The date and time in {@code shownZone} (an issuer's), in the person's language, with the zone named. */
    public String dateTime(Instant instant, ZoneId shownZone) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(instant.atZone(shownZone))
                + " (" + shownZone.getId() + ")";
    }

    /** {@code 7 Dec 2026} in the person's language and zone; empty for {@code null}. */
    public String date(Instant instant) {
        return date(instant, zone);
    }

    /** The date in {@code shownZone}, in the person's language. */
    public String date(Instant instant, ZoneId shownZone) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(instant.atZone(shownZone));
    }

    /** {@link #dateTime(Instant)} of an ISO-8601 instant as the services write it; empty for {@code null}/blank. */
    public String dateTime(String isoInstant) {
        return isoInstant == null || isoInstant.isBlank() ? "" : dateTime(Instant.parse(isoInstant));
    }

    /** {@link #date(Instant)} of an ISO-8601 instant as the services write it; empty for {@code null}/blank. */
    public String date(String isoInstant) {
        return isoInstant == null || isoInstant.isBlank() ? "" : date(Instant.parse(isoInstant));
    }
}
