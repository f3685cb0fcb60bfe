package org.credstack.catalog.common;

import static org.credstack.catalog.common.CatalogRuleViolation.require;

import java.net.URI;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Shared limits and formats of the catalog's value objects. Limits keep every event small enough to send
 * (a 3 MB title could never be published) and are well above what real catalogs use (the largest CTDL
 * pathway in {@code samples/catalog} has about 100 components).
 */
public final class Checks {

    public static final int MAX_NAME = 300;
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_ID = 200;
    public static final int MAX_URL = 2_000;
    public static final int MAX_ITEMS = 200;
    public static final int MAX_COMPONENTS = 1_000;
    /** P100Y, counted as days (months as 30.436875 days, the Gregorian average). */
    public static final double MAX_PERIOD_DAYS = 36_525;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern CTID =
            Pattern.compile("ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Checks() {}

    public static void maxLength(String value, int max, String field) {
        require(value == null || value.length() <= max, field, field + " has at most " + max + " characters");
    }

    /** Each element present and at most {@code maxItems} of them. */
    public static <T> void items(List<T> items, int maxItems, String field) {
        if (items == null) {
            return;
        }
        require(items.size() <= maxItems, field, field + " has at most " + maxItems + " entries");
        for (int i = 0; i < items.size(); i++) {
            require(items.get(i) != null, field + "[" + i + "]", "an entry of " + field + " is missing (null)");
        }
    }

    public static void strings(List<String> items, int maxItems, int maxLength, String field) {
        items(items, maxItems, field);
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            require(!items.get(i).isBlank(), field + "[" + i + "]", "an entry of " + field + " is blank");
            maxLength(items.get(i), maxLength, field + "[" + i + "]");
        }
    }

    /** An absolute {@code http} or {@code https} URL, or {@code null}. */
    public static void httpUrl(String url, String field) {
        if (url == null) {
            return;
        }
        maxLength(url, MAX_URL, field);
        URI uri = uri(url);
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        require(
                (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null,
                field,
                field + " is an absolute http or https URL");
    }

    /** An absolute IRI of any scheme but the ones that run or embed content ({@code javascript:}, {@code data:}). */
    public static boolean isSafeAbsoluteIri(String iri) {
        if (iri == null || iri.length() > MAX_URL) {
            return false;
        }
        URI uri = uri(iri);
        if (uri == null || !uri.isAbsolute()) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return !scheme.equals("javascript") && !scheme.equals("data") && !scheme.equals("vbscript");
    }

    public static void email(String email, String field) {
        if (email == null) {
            return;
        }
        maxLength(email, 254, field);
        require(EMAIL.matcher(email).matches(), field, field + " is an e-mail address such as info@example.org");
    }

    public static void ctid(String ctid, String field) {
        require(ctid == null || CTID.matcher(ctid).matches(), field, field + " is a CTID: ce- and a lower-case UUID");
    }

    /** Positive and at most P100Y. */
    public static void period(Period period, String field) {
        if (period == null) {
            return;
        }
        require(!period.isNegative() && !period.isZero(), field, field + " is a positive ISO 8601 period");
        double days = period.toTotalMonths() * 30.436875 + period.getDays();
        require(days <= MAX_PERIOD_DAYS, field, field + " is at most 100 years (P100Y)");
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
