package org.credstack.catalog.credential;

import static org.credstack.catalog.common.CatalogRuleViolation.require;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.credstack.catalog.common.Checks;

/**
 * The content of one version of a credential: what a provider writes, an import produces, and a
 * revision replaces. Identity, version number and lifecycle status live on the aggregate, not here.
 *
 * @param title required
 * @param description required
 * @param kind required
 * @param category required
 * @param providerId the provider offering it (in an import batch: the provider's source key); required
 * @param ctid CTDL CTID, lower case {@code ce-<uuid>}, or {@code null}
 * @param skills skill names
 * @param alignments framework alignments
 * @param deliveryModes delivery modes
 * @param level free-text level, or {@code null}
 * @param estimatedDuration ISO 8601 duration such as {@code PT40H}, {@code P3W} or {@code P2Y}, or {@code null}
 * @param cost cost, or {@code null} when not known
 * @param assignments assignments, ids unique; a micro-credential needs at least one
 * @param completionRule how many assignments complete it; {@code null} means all
 * @param validityPeriod positive ISO 8601 period an award stays valid (e.g. {@code P2Y}), or {@code null} for no expiry
 * @param renewalPolicy renewal policy, or {@code null}
 * @param image image URL, or {@code null}
 * @param stackRule for a {@link Kind#STACK}: its component rule (required); {@code null} otherwise
 * @throws CatalogRuleViolation naming the first field that breaks a rule
 */
public record CredentialDraft(
        String title,
        String description,
        Kind kind,
        Category category,
        String providerId,
        String ctid,
        List<String> skills,
        List<Alignment> alignments,
        Set<DeliveryMode> deliveryModes,
        String level,
        String estimatedDuration,
        Cost cost,
        List<Assignment> assignments,
        CompletionRule completionRule,
        Period validityPeriod,
        RenewalPolicy renewalPolicy,
        String image,
        ComponentRule stackRule) {

    public CredentialDraft {
        require(title != null && !title.isBlank(), "title", "a credential has a title");
        require(description != null && !description.isBlank(), "description", "a credential has a description");
        require(kind != null, "kind", "a credential is a MICRO_CREDENTIAL or a STACK");
        require(category != null, "category", "a credential has a category");
        require(providerId != null && !providerId.isBlank(), "providerId", "a credential names its provider");
        Checks.maxLength(title, Checks.MAX_NAME, "title");
        Checks.maxLength(description, Checks.MAX_TEXT, "description");
        Checks.maxLength(providerId, Checks.MAX_ID, "providerId");
        Checks.maxLength(level, Checks.MAX_NAME, "level");
        Checks.ctid(ctid, "ctid");
        Checks.strings(skills, Checks.MAX_ITEMS, Checks.MAX_NAME, "skills");
        Checks.items(alignments, Checks.MAX_ITEMS, "alignments");
        Checks.items(assignments, Checks.MAX_ITEMS, "assignments");
        Checks.httpUrl(image, "image");
        skills = skills == null ? List.of() : List.copyOf(skills);
        alignments = alignments == null ? List.of() : List.copyOf(alignments);
        deliveryModes = deliveryModes == null ? Set.of() : Set.copyOf(deliveryModes);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        completionRule = completionRule == null ? CompletionRule.ALL : completionRule;
        require(
                estimatedDuration == null || isIsoDuration(estimatedDuration),
                "estimatedDuration",
                "estimatedDuration is a positive ISO 8601 duration of at most 100 years, such as PT40H or P6M");
        Checks.period(validityPeriod, "validityPeriod");
        require(
                assignments.stream().map(Assignment::id).distinct().count() == assignments.size(),
                "assignments",
                "assignment ids are unique within a credential");
        for (int i = 0; i < assignments.size(); i++) {
            String activityId = assignments.get(i).activityId();
            require(
                    assignments.stream()
                                    .filter(a -> a.activityId().equals(activityId))
                                    .count()
                            == 1,
                    "assignments[" + i + "].activityId",
                    "activity IRIs are unique within a credential (completions are matched by them)");
        }
        require(
                kind == Kind.STACK || !assignments.isEmpty(),
                "assignments",
                "a micro-credential has at least one assignment");
        require(
                completionRule.required(assignments.size()) <= assignments.size(),
                "completionRule.minimum",
                "the completion rule asks for more assignments than there are");
        require(
                (kind == Kind.STACK) == (stackRule != null),
                "stackRule",
                "a stack has a component rule and only a stack has one");
    }

    /** Approximate length in hours for filtering (a year is 8766 h, a month 730.5 h, a week 168 h). */
    public Double estimatedHours() {
        return estimatedDuration == null ? null : hoursOf(estimatedDuration);
    }

    static boolean isIsoDuration(String text) {
        try {
            hoursOf(text);
            return true;
        } catch (DateTimeParseException | ArithmeticException e) {
            return false;
        }
    }

    /** At most 100 years (876,600 h). */
    public static final double MAX_HOURS = 876_600;

    static double hoursOf(String iso) {
        if (iso.length() > 64 || !iso.startsWith("P") || iso.contains("-")) {
            throw new DateTimeParseException("not a positive ISO 8601 duration", iso, 0);
        }
        int t = iso.indexOf('T');
        double hours = 0;
        if (t != 1) {
            Period period = Period.parse(t < 0 ? iso : iso.substring(0, t));
            hours += period.getYears() * 8766.0 + period.getMonths() * 730.5 + period.getDays() * 24.0;
        }
        if (t >= 0) {
            hours += Duration.parse("P" + iso.substring(t)).toSeconds() / 3600.0;
        }
        if (hours > MAX_HOURS) {
            throw new ArithmeticException("longer than 100 years");
        }
        return hours;
    }
}
