package org.credstack.catalog.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.credstack.catalog.common.CatalogRuleViolation;
import org.credstack.catalog.common.PageView;
import org.credstack.catalog.credential.Category;
import org.credstack.catalog.credential.Cost;
import org.credstack.catalog.credential.CredentialDraft;
import org.credstack.catalog.credential.DeliveryMode;
import org.credstack.catalog.credential.Goal;
import org.credstack.catalog.credential.Status;

/**
 * What a learner searches the catalog by ({@code GET /api/v1/credentials}); every filter is optional and
 * they combine with AND.
 *
 * @param category credentials of this category
 * @param skill credentials teaching this skill (case-insensitive, whole skill name)
 * @param providerId credentials of this provider
 * @param deliveryMode credentials offered in this mode
 * @param free {@code true}: only free ones; {@code false}: only priced ones
 * @param maxCost at most this amount in {@code currency} (free ones included); needs {@code currency}
 * @param currency ISO 4217 code for {@code maxCost}
 * @param maxHours estimated duration at most this many hours
 * @param stackableInto credentials that are components of this stack (credential id)
 * @param componentOf the stacks this credential is a component of, at any depth of their rules (credential id)
 * @param goal credentials aligned to this framework entry, {@code framework:code} such as
 *     {@code O*NET-SOC:15-1252.00} ({@link Goal}; framework and code without regard to case); {@code GET
 *     /api/v1/goals} lists those of the published catalog
 * @param expires {@code true}: awards have a validity period; {@code false}: they never expire
 * @param status lifecycle status, PUBLISHED when absent
 * @param q case-insensitive text in title, description or skills
 * @param sort {@code title}, {@code cost}, {@code duration} or {@code publishedAt}, optionally followed by
 *     {@code ,asc} or {@code ,desc}; title ascending when absent
 * @param page page number from 0
 * @param size page size, 1 to 100, 20 when absent
 */
record CredentialQuery(
        Category category,
        String skill,
        String providerId,
        DeliveryMode deliveryMode,
        Boolean free,
        @PositiveOrZero BigDecimal maxCost,
        @Size(min = 3, max = 3) String currency,
        @PositiveOrZero Double maxHours,
        String stackableInto,
        String componentOf,
        String goal,
        Boolean expires,
        Status status,
        @Size(max = 200) String q,

        @Pattern(regexp = "(title|cost|duration|publishedAt)(,(asc|desc))?")
        String sort,

        @Min(0) @Max(MAX_PAGE) Integer page,
        @Min(1) @Max(100) Integer size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_PAGE = PageView.MAX_PAGE;
    private static final BigDecimal MAX_COST = new BigDecimal("1000000000");
    private static final double MAX_HOURS = CredentialDraft.MAX_HOURS;

    /** The goal asked for; call on a {@link #normalised()} query, whose goal reads. */
    Goal parsedGoal() {
        return goal == null ? null : Goal.parse(goal);
    }

    /**
     * This query with {@code currency} in upper case, once the facts bean validation cannot state hold.
     *
     * @throws InvalidQueryParameter naming the parameter: a currency that is not ISO 4217, a {@code maxCost}
     *     above 10^9, a {@code maxHours} that is not finite or above 100 years, a {@code goal} that is not
     *     {@code framework:code}
     */
    CredentialQuery normalised() {
        String upper = currency == null ? null : currency.toUpperCase(java.util.Locale.ROOT);
        if (upper != null) {
            try {
                new Cost(BigDecimal.ONE, upper);
            } catch (CatalogRuleViolation e) {
                throw new InvalidQueryParameter("currency", "'" + upper + "' is not an ISO 4217 currency code");
            }
        }
        if (maxCost != null && maxCost.compareTo(MAX_COST) > 0) {
            throw new InvalidQueryParameter("maxCost", "maxCost is at most " + MAX_COST.toPlainString());
        }
        if (maxHours != null && !(Double.isFinite(maxHours) && maxHours <= MAX_HOURS)) {
            throw new InvalidQueryParameter("maxHours", "maxHours is a finite number of at most " + (long) MAX_HOURS);
        }
        if (goal != null) {
            try {
                Goal.parse(goal);
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryParameter("goal", e.getMessage());
            }
        }
        return new CredentialQuery(
                category,
                skill,
                providerId,
                deliveryMode,
                free,
                maxCost,
                upper,
                maxHours,
                stackableInto,
                componentOf,
                goal,
                expires,
                status,
                q,
                sort,
                page,
                size);
    }
}
