package org.credstack.catalog.credential;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The queryable facts of a credential's current content, denormalised onto its document (field
 * {@code search}) so that search runs in MongoDB. Text is lower-cased so matching is case-insensitive
 * without text indexes (which the embedded Mongo server lacks).
 *
 * @param title lower-case title, for sorting
 * @param text lower-case title, description and skills, for {@code q}
 * @param category category name
 * @param skills lower-case skill names
 * @param providerId provider id
 * @param deliveryModes delivery mode names
 * @param costAmount amount in the currency's major unit, or {@code null} when the cost is unknown
 * @param costCurrency ISO 4217 code, or {@code null}
 * @param free whether it costs nothing; {@code null} when the cost is unknown
 * @param estimatedHours approximate duration in hours, or {@code null}
 * @param expires whether an award has a validity period
 * @param componentIds for a stack, every component credential id at any depth of its rule; else empty (indexed:
 *     {@code componentOf} reads the stacks holding a credential by it)
 * @param goals the {@link Goal#key() keys} of the coded alignments (indexed: {@code goal} reads by it); {@code null}
 *     in a document stored before goals existed, until {@link GoalsBackfill} sets it
 * @param publishedAt when the current version was published, or {@code null} for a draft
 */
record SearchFields(
        String title,
        String text,
        String category,
        List<String> skills,
        String providerId,
        List<String> deliveryModes,
        Double costAmount,
        String costCurrency,
        Boolean free,
        Double estimatedHours,
        boolean expires,
        List<String> componentIds,
        List<String> goals,
        Instant publishedAt) {

    static SearchFields of(CredentialDraft c, Instant publishedAt) {
        List<String> skills = c.skills().stream().map(SearchFields::lower).toList();
        String text = Stream.concat(Stream.of(lower(c.title()), lower(c.description())), skills.stream())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
        return new SearchFields(
                lower(c.title()),
                text,
                c.category().name(),
                skills,
                c.providerId(),
                c.deliveryModes().stream().map(Enum::name).sorted().toList(),
                c.cost() == null ? null : c.cost().amount().doubleValue(),
                c.cost() == null ? null : c.cost().currency(),
                c.cost() == null ? null : c.cost().free(),
                c.estimatedHours(),
                c.validityPeriod() != null,
                c.stackRule() == null
                        ? List.of()
                        : c.stackRule().allCredentialIds().distinct().toList(),
                goalKeys(c),
                publishedAt);
    }

    /** The distinct {@link Goal#key() goal keys} of the content's coded alignments, in the order they first occur. */
    static List<String> goalKeys(CredentialDraft c) {
        return c.alignments().stream()
                .flatMap(a -> Goal.of(a).stream())
                .map(Goal::key)
                .distinct()
                .toList();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
