package org.credstack.web.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One catalog credential as the pages show it, read from catalog-service's {@code CredentialView} ({@code {id,
 * status, version, content: CredentialDraft}}).
 *
 * @param id credential id
 * @param status {@code PUBLISHED}, {@code RETIRED} or {@code DRAFT}
 * @param title title
 * @param description description
 * @param stack whether it is a stack (earned from other credentials, not enrolled in)
 * @param category category label
 * @param providerId the provider's id
 * @param skills what you learn
 * @param deliveryModes delivery mode labels
 * @param duration time to complete in words, or {@code null}
 * @param cost "Free", "120 USD" or {@code null} when unknown
 * @param validity how long an award stays valid in words, or {@code null} when it never expires
 * @param renewal the renewal policy, or {@code null}
 * @param assignments what to do, in order
 * @param completion how many assignments complete it, in words
 * @param alignments occupations, industries and frameworks it is aligned to
 * @param stackRule for a stack: its component rule in words, else {@code null}
 */
public record CatalogEntry(
        String id,
        String status,
        String title,
        String description,
        boolean stack,
        String category,
        String providerId,
        List<String> skills,
        List<String> deliveryModes,
        String duration,
        String cost,
        String validity,
        Renewal renewal,
        List<String> assignments,
        String completion,
        List<String> alignments,
        String stackRule) {

    private static final Map<String, String> LABELS = Map.of(
            "TECHNICAL", "Technical",
            "SOFT_SKILL", "Soft skills",
            "INDUSTRY_SPECIFIC", "Industry-specific",
            "ONLINE", "Online",
            "IN_PERSON", "In person",
            "HYBRID", "Hybrid");

    private static final Pattern ISO = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+(?:\\.\\d+)?)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");
    private static final String[] UNITS = {"year", "month", "week", "day", "hour", "minute", "second"};

    /**
     * @param window how long before expiry a renewal may start, in words, or {@code null} for any time
     * @param description what renewal takes
     * @param gracePeriod how long after expiry it may still be renewed, in words, or {@code null}
     */
    public record Renewal(String window, String description, String gracePeriod) {}

    /** Reads a {@code CredentialView}. */
    static CatalogEntry of(JsonNode view) {
        JsonNode c = view.path("content");
        return new CatalogEntry(
                text(view.path("id")),
                text(view.path("status")),
                text(c.path("title")),
                text(c.path("description")),
                "STACK".equals(text(c.path("kind"))),
                label(text(c.path("category"))),
                text(c.path("providerId")),
                strings(c.path("skills")),
                strings(c.path("deliveryModes")).stream()
                        .map(CatalogEntry::label)
                        .toList(),
                inWords(text(c.path("estimatedDuration"))),
                cost(c.path("cost")),
                inWords(text(c.path("validityPeriod"))),
                renewal(c.path("renewalPolicy")),
                assignments(c.path("assignments")),
                completion(c.path("completionRule"), c.path("assignments").size()),
                alignments(c.path("alignments")),
                stackRule(c.path("stackRule")));
    }

    /** An ISO 8601 duration or period in words: {@code PT40H} is "40 hours", {@code P1Y6M} "1 year 6 months". */
    static String inWords(String iso) {
        if (iso == null) {
            return null;
        }
        Matcher m = ISO.matcher(iso);
        if (!m.matches()) {
            return iso;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < UNITS.length; i++) {
            String n = m.group(i + 1);
            if (n != null && !n.matches("0+(\\.0+)?")) {
                parts.add(n + " " + UNITS[i] + (n.equals("1") ? "" : "s"));
            }
        }
        return parts.isEmpty() ? iso : String.join(" ", parts);
    }

    private static String cost(JsonNode cost) {
        if (!cost.isObject()) {
            return null;
        }
        String amount = cost.path("amount").asString("");
        if (amount.isEmpty()) {
            return null;
        }
        return new java.math.BigDecimal(amount).signum() == 0 ? "Free" : amount + " " + text(cost.path("currency"));
    }

    private static Renewal renewal(JsonNode policy) {
        if (!policy.isObject()) {
            return null;
        }
        return new Renewal(
                inWords(text(policy.path("renewalWindow"))),
                text(policy.path("description")),
                inWords(text(policy.path("gracePeriod"))));
    }

    private static List<String> assignments(JsonNode assignments) {
        List<String> titles = new ArrayList<>();
        for (JsonNode a : assignments) {
            String title = text(a.path("title"));
            titles.add(title != null ? title : text(a.path("id")));
        }
        return titles;
    }

    private static String completion(JsonNode rule, int assignments) {
        if ("AT_LEAST".equals(text(rule.path("type"))) && rule.path("minimum").isNumber()) {
            return "Complete at least " + rule.path("minimum").asInt() + " of " + assignments + " assignments.";
        }
        return assignments == 0 ? null : "Complete all " + assignments + " assignments.";
    }

    private static List<String> alignments(JsonNode alignments) {
        List<String> shown = new ArrayList<>();
        for (JsonNode a : alignments) {
            String framework = text(a.path("framework"));
            String code = text(a.path("code"));
            String label = text(a.path("label"));
            StringBuilder line = new StringBuilder(label != null ? label : code != null ? code : "");
            if (framework != null) {
                line.append(" (")
                        .append(framework)
                        .append(code != null && label != null ? " " + code : "")
                        .append(')');
            }
            shown.add(line.toString().strip());
        }
        return shown;
    }

    private static String stackRule(JsonNode rule) {
        if (!rule.isObject()) {
            return null;
        }
        int required = rule.path("requiredNumber").asInt();
        int named = rule.path("credentialIds").size() + rule.path("rules").size();
        String label = text(rule.path("label"));
        return (label == null ? "" : label + ": ") + "earned with " + required + " of its " + named + " components.";
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String label(String value) {
        return value == null ? null : LABELS.getOrDefault(value, value);
    }

    private static String text(JsonNode value) {
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
