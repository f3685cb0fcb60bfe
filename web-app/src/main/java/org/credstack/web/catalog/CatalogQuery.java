package org.credstack.web.catalog;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The catalog search form, {@code GET /catalog?…}: the filters catalog-service's {@code GET /api/v1/credentials}
 * has, under the same names, passed through as they are. Every field is optional.
 *
 * @param q words in the title, description or skills
 * @param skill teaches this skill (its whole name, any case)
 * @param goal aligned to this occupation, industry or skill framework entry, {@code framework:code} as catalog-service's
 *     {@code GET /api/v1/goals} names it
 * @param category {@code TECHNICAL}, {@code SOFT_SKILL} or {@code INDUSTRY_SPECIFIC}
 * @param providerId the provider's id
 * @param free {@code true}: free ones only
 * @param maxCost at most this much in {@code currency} (free ones included)
 * @param currency ISO 4217 code, needed with {@code maxCost}
 * @param maxHours takes at most this many hours
 * @param deliveryMode {@code ONLINE}, {@code IN_PERSON} or {@code HYBRID}
 * @param expires {@code true}: awards expire; {@code false}: they never do
 * @param stackableInto a stack's credential id: its components
 * @param sort {@code title}, {@code cost}, {@code duration} or {@code publishedAt}
 * @param page page number from 0
 */
public record CatalogQuery(
        @Size(max = 200, message = "is at most 200 characters")
        String q,

        @Size(max = 300, message = "is at most 300 characters")
        String skill,

        @Size(max = 601, message = "is at most 601 characters")
        @Pattern(regexp = "[^:]*\\S[^:]*:.*\\S.*", message = "is an occupation, industry or skill from the list")
        String goal,

        @Pattern(regexp = "TECHNICAL|SOFT_SKILL|INDUSTRY_SPECIFIC", message = "is not a category")
        String category,

        @Size(max = 100, message = "is not a provider id") String providerId,
        Boolean free,

        @PositiveOrZero(message = "is a number of 0 or more")
        @DecimalMax(value = "1000000000", message = "is at most 1000000000")
        BigDecimal maxCost,

        @Pattern(regexp = "[A-Za-z]{3}", message = "is a three-letter ISO 4217 code such as USD")
        String currency,

        @PositiveOrZero(message = "is a number of 0 or more")
        @DecimalMax(value = "876000", message = "is at most 876000")
        Double maxHours,

        @Pattern(regexp = "ONLINE|IN_PERSON|HYBRID", message = "is not a delivery mode")
        String deliveryMode,

        Boolean expires,
        @Size(max = 100, message = "is not a credential id") String stackableInto,

        @Pattern(regexp = "title|cost|duration|publishedAt", message = "is title, cost, duration or publishedAt")
        String sort,

        @PositiveOrZero(message = "is a number of 0 or more")
        Integer page) {

    /** The categories as the form offers them: value and label. */
    public static final List<Choice> CATEGORIES = List.of(
            new Choice("TECHNICAL", "Technical"),
            new Choice("SOFT_SKILL", "Soft skills"),
            new Choice("INDUSTRY_SPECIFIC", "Industry-specific"));

    /** The delivery modes as the form offers them. */
    public static final List<Choice> DELIVERY_MODES = List.of(
            new Choice("ONLINE", "Online"), new Choice("IN_PERSON", "In person"), new Choice("HYBRID", "Hybrid"));

    /** The sort orders as the form offers them. */
    public static final List<Choice> SORTS = List.of(
            new Choice("title", "Title"),
            new Choice("cost", "Cost"),
            new Choice("duration", "Time to complete"),
            new Choice("publishedAt", "Newest"));

    /** A value the form offers and its label. */
    public record Choice(String value, String label) {}

    /** Whether {@code maxCost} comes without the currency it is counted in. */
    boolean costWithoutCurrency() {
        return maxCost != null && (currency == null || currency.isBlank());
    }

    /** The filters for catalog-service, only those set; {@code size} 20. */
    MultiValueMap<String, String> filters() {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
        put(filters, "q", q);
        put(filters, "skill", skill);
        put(filters, "goal", goal);
        put(filters, "category", category);
        put(filters, "providerId", providerId);
        put(filters, "free", free);
        put(filters, "maxCost", maxCost == null ? null : maxCost.toPlainString());
        put(
                filters,
                "currency",
                maxCost == null || currency == null ? null : currency.toUpperCase(java.util.Locale.ROOT));
        put(filters, "maxHours", maxHours == null ? null : stripped(maxHours));
        put(filters, "deliveryMode", deliveryMode);
        put(filters, "expires", expires);
        put(filters, "stackableInto", stackableInto);
        put(filters, "sort", sort);
        put(filters, "page", page);
        filters.add("size", "20");
        return filters;
    }

    private static String stripped(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }

    private static void put(MultiValueMap<String, String> filters, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            filters.add(name, value.toString().strip());
        }
    }
}
