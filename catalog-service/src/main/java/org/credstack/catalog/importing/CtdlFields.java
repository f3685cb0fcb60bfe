package org.credstack.catalog.importing;

import static org.credstack.catalog.importing.Json.each;
import static org.credstack.catalog.importing.Json.iris;
import static org.credstack.catalog.importing.Json.text;
import static org.credstack.catalog.importing.Json.texts;

import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credstack.catalog.credential.Alignment;
import org.credstack.catalog.credential.Assignment;
import org.credstack.catalog.credential.Cost;
import org.credstack.catalog.credential.DeliveryMode;
import org.credstack.catalog.credential.RenewalPolicy;
import org.credstack.catalog.importing.Json.Located;
import org.credstack.events.catalog.MoveOn;
import tools.jackson.databind.JsonNode;

/**
 * Maps the CTDL properties of one credential to catalog values (terms: https://credreg.net/ctdl/terms).
 * Problems of the source data are recorded with their JSON Pointer, catalog rules with the record's path.
 */
final class CtdlFields {

    static final String REGISTRY = "https://credentialengineregistry.org/resources/";
    private static final String REGISTRY_GRAPH = "https://credentialengineregistry.org/graph/";
    private static final Pattern CTID =
            Pattern.compile("(?i)ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String> ALIGNMENT_PROPERTIES =
            List.of("ceterms:occupationType", "ceterms:industryType", "ceterms:instructionalProgramType");
    private static final Map<String, MoveOn> TARGETS = new LinkedHashMap<>();
    private static final Pattern VALIDITY = Pattern.compile("(?i)valid for (?:a period of )?"
            + "(\\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?:\\s*\\(\\d+\\))?\\s+(year|month)s?");
    private static final List<String> NUMBER_WORDS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    static {
        TARGETS.put("ceterms:targetAssessment", MoveOn.Passed);
        TARGETS.put("ceterms:targetCredential", MoveOn.Completed);
        TARGETS.put("ceterms:targetLearningOpportunity", MoveOn.Completed);
    }

    private final Problems problems;

    CtdlFields(Problems problems) {
        this.problems = problems;
    }

    /** A CTID in canonical form {@code ce-<uuid>}: lower case, no {@code urn:ctid:}; {@code null} if none. */
    static String ctid(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = CTID.matcher(text);
        String found = null;
        while (matcher.find()) {
            found = matcher.group();
        }
        return found == null ? null : found.toLowerCase(Locale.ROOT);
    }

    /** An IRI with any CTID in it lower-cased, so references written in other case match. */
    static String normalisedIri(String iri) {
        return iri == null ? null : CTID.matcher(iri).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
    }

    /** A node's identity: its CTID (from {@code ceterms:ctid}, else from {@code @id}), else its {@code @id}. */
    static String key(JsonNode node) {
        String ctid = ctid(text(node.path("ceterms:ctid")));
        String id = text(node.path("@id"));
        if (ctid == null) {
            ctid = ctid(id);
        }
        return ctid != null ? ctid : id;
    }

    /** The node's own IRI: its {@code @id} (CTID lower-cased), else the registry resource IRI of its CTID. */
    static String iri(JsonNode node) {
        String id = normalisedIri(text(node.path("@id")));
        if (Json.isAbsoluteIri(id)) {
            return id;
        }
        String key = key(node);
        return key != null && key.startsWith("ce-") ? REGISTRY + key : id;
    }

    /** The key a reference (IRI, {@code urn:ctid:}, bare CTID) stands for: its CTID, else the IRI itself. */
    static String referenceKey(String reference) {
        String ctid = ctid(reference);
        return ctid != null ? ctid : reference;
    }

    /** {@code occupationType}, {@code industryType}, {@code instructionalProgramType} and {@code naics}. */
    List<Alignment> alignments(Located record, String path, String label) {
        Map<String, Alignment> unique = new LinkedHashMap<>();
        for (String property : ALIGNMENT_PROPERTIES) {
            for (Located cao : each(record.child(property))) {
                Alignment alignment = alignment(cao.node(), path, label);
                if (alignment != null) {
                    unique.putIfAbsent(
                            alignment.framework() + "|" + alignment.code() + "|" + alignment.label(), alignment);
                }
            }
        }
        Set<String> naicsCodes = new LinkedHashSet<>();
        unique.values().stream().filter(a -> a.framework().equals("NAICS")).forEach(a -> naicsCodes.add(a.code()));
        for (String code : texts(record.node().path("ceterms:naics"))) {
            if (naicsCodes.add(code)) {
                Alignment alignment =
                        problems.build(path, label, () -> new Alignment("NAICS", null, code, null, "NAICS " + code));
                unique.putIfAbsent("NAICS|" + code, alignment);
            }
        }
        return unique.values().stream().filter(a -> a != null).toList();
    }

    private Alignment alignment(JsonNode cao, String path, String label) {
        String code = text(cao.path("ceterms:codedNotation"));
        String framework = text(cao.path("ceterms:frameworkName"));
        if (framework == null) {
            framework = frameworkOf(text(cao.path("ceterms:framework")));
        }
        String name = text(cao.path("ceterms:targetNodeName"));
        String target = text(cao.path("ceterms:targetNode"));
        if (framework == null || (name == null && code == null)) {
            return null; // free-text occupations and industries name no framework: not an alignment
        }
        String entry = name != null ? name : code;
        String finalFramework = framework;
        return problems.build(
                path,
                label,
                () -> new Alignment(finalFramework, null, code, Json.isWebIri(target) ? target : null, entry));
    }

    private static String frameworkOf(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.contains("bls.gov/soc")) {
            return "Standard Occupational Classification";
        }
        if (lower.contains("onet")) {
            return "O*NET-SOC";
        }
        if (lower.contains("naics")) {
            return "NAICS";
        }
        if (lower.contains("cipcode") || lower.contains("nces.ed.gov")) {
            return "Classification of Instructional Programs";
        }
        return null;
    }

    /** {@code learningDeliveryType}: OnlineOnly, InPerson, BlendedDelivery; other concepts are left out. */
    static Set<DeliveryMode> deliveryModes(JsonNode record) {
        Set<DeliveryMode> modes = EnumSet.noneOf(DeliveryMode.class);
        for (JsonNode concept : each(new Located(record.path("ceterms:learningDeliveryType"), "")).stream()
                .map(Located::node)
                .toList()) {
            String term = concept.isObject() ? text(concept.path("ceterms:targetNode")) : text(concept);
            if (term == null) {
                continue;
            }
            String name = term.substring(term.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            if (name.startsWith("online")) {
                modes.add(DeliveryMode.ONLINE);
            } else if (name.startsWith("inperson")) {
                modes.add(DeliveryMode.IN_PERSON);
            } else if (name.startsWith("blended")) {
                modes.add(DeliveryMode.HYBRID);
            }
        }
        return modes;
    }

    /** {@code audienceLevelType} concept names, joined; {@code null} when none. */
    static String level(JsonNode record) {
        List<String> levels = new ArrayList<>();
        for (JsonNode concept : record.path("ceterms:audienceLevelType").isArray()
                ? record.path("ceterms:audienceLevelType").values()
                : List.of(record.path("ceterms:audienceLevelType"))) {
            String name = concept.isObject() ? text(concept.path("ceterms:targetNodeName")) : text(concept);
            if (name != null) {
                levels.add(name);
            }
        }
        return levels.isEmpty() ? null : String.join(", ", levels);
    }

    /** The first {@code exactDuration} (else maximum, else minimum) of {@code estimatedDuration}. */
    static String duration(JsonNode record) {
        for (JsonNode profile : each(new Located(record.path("ceterms:estimatedDuration"), "")).stream()
                .map(Located::node)
                .toList()) {
            for (String property :
                    List.of("ceterms:exactDuration", "ceterms:maximumDuration", "ceterms:minimumDuration")) {
                String duration = text(profile.path(property));
                if (duration != null) {
                    return duration;
                }
            }
        }
        return null;
    }

    /**
     * The first {@code estimatedCost} CostProfile with a price. Records list several profiles (in-state and
     * out-of-state tuition, fees) whose sum would mean nothing, so the first priced one is the headline cost.
     */
    Cost cost(Located record, String path, String label) {
        for (Located profile : each(record.child("ceterms:estimatedCost"))) {
            Located price = profile.child("ceterms:price");
            if (text(price.node()) == null) {
                continue;
            }
            BigDecimal amount;
            try {
                amount = new BigDecimal(text(price.node()).replace(",", ""));
            } catch (NumberFormatException e) {
                problems.at(price.pointer(), "price '" + text(price.node()) + "' is not a number");
                return null;
            }
            Located currency = profile.child("ceterms:currency");
            String iso = Currencies.iso(text(currency.node()));
            if (iso == null && amount.signum() != 0) {
                problems.at(
                        currency.pointer(),
                        text(currency.node()) == null
                                ? "a price needs a currency"
                                : "'" + text(currency.node())
                                        + "' is not a currency this import knows (ISO 4217 code, symbol or English name)");
                return null;
            }
            return problems.build(path + ".cost", label, () -> new Cost(amount, iso));
        }
        return null;
    }

    /**
     * Assignments from {@code requires} ConditionProfiles: one per distinct target (assessment: moveOn
     * Passed; credential or learning opportunity: Completed), its activityId the target's IRI; a condition
     * without a target gets {@code <record IRI>#requires-<n>}.
     */
    List<Assignment> requirements(Located record, String property, String idPrefix, String path, String label) {
        Map<String, Assignment> byActivity = new LinkedHashMap<>();
        List<Located> conditions = each(record.child(property));
        for (int i = 0; i < conditions.size(); i++) {
            JsonNode condition = conditions.get(i).node();
            String id = idPrefix + "-" + (i + 1);
            String activity = null;
            MoveOn moveOn = MoveOn.Completed;
            for (Map.Entry<String, MoveOn> target : TARGETS.entrySet()) {
                List<String> targets = iris(condition.path(target.getKey()));
                if (!targets.isEmpty() && activity == null) {
                    activity = normalisedIri(targets.getFirst()).replace(REGISTRY_GRAPH, REGISTRY);
                    if (!Json.isAbsoluteIri(activity) && ctid(activity) != null) {
                        activity = REGISTRY + ctid(activity);
                    }
                    moveOn = target.getValue();
                }
            }
            if (activity == null) {
                activity = iri(record.node()) + "#" + id;
            }
            String title = text(condition.path("ceterms:name"));
            if (title == null) {
                title = "Requirement " + (i + 1);
            }
            if (!byActivity.containsKey(activity)) {
                String finalActivity = activity;
                String finalTitle = title;
                MoveOn finalMoveOn = moveOn;
                Assignment assignment = problems.build(
                        path + "." + idPrefix + "[" + i + "]",
                        label,
                        () -> new Assignment(id, finalTitle, finalActivity, finalMoveOn, null));
                if (assignment != null) {
                    byActivity.put(activity, assignment);
                }
            }
        }
        return List.copyOf(byActivity.values());
    }

    /**
     * {@code renewal} ConditionProfiles as a renewal policy: their description and experience texts, and their
     * targets as renewal requirements. CTDL states no renewal window, so none is set.
     */
    RenewalPolicy renewal(Located record, String path, String label) {
        List<Located> profiles = each(record.child("ceterms:renewal"));
        if (profiles.isEmpty()) {
            return null;
        }
        List<String> texts = renewalTexts(record.node());
        List<Assignment> requirements = new ArrayList<>();
        for (Assignment assignment : requirements(record, "ceterms:renewal", "renewal", path, label)) {
            if (!assignment.activityId().contains("#renewal-")) {
                requirements.add(assignment);
            }
        }
        String description =
                texts.isEmpty() ? text(profiles.getFirst().node().path("ceterms:name")) : String.join("\n\n", texts);
        return problems.build(
                path + ".renewalPolicy", label, () -> new RenewalPolicy(null, description, requirements, null));
    }

    /**
     * The validity period a renewal profile states in words ("valid for a period of three (3) years"), or
     * {@code null}: CTDL has no structured validity on a credential, and none of the records has
     * {@code renewalFrequency}.
     */
    static Period validity(JsonNode record) {
        for (String text : renewalTexts(record)) {
            Matcher matcher = VALIDITY.matcher(text);
            if (matcher.find()) {
                String number = matcher.group(1).toLowerCase(Locale.ROOT);
                int amount =
                        Character.isDigit(number.charAt(0)) ? Integer.parseInt(number) : NUMBER_WORDS.indexOf(number);
                return matcher.group(2).equalsIgnoreCase("year") ? Period.ofYears(amount) : Period.ofMonths(amount);
            }
        }
        return null;
    }

    private static List<String> renewalTexts(JsonNode record) {
        List<String> found = new ArrayList<>();
        for (Located profile : each(new Located(record.path("ceterms:renewal"), ""))) {
            for (String property : List.of("ceterms:description", "ceterms:experience")) {
                String value = text(profile.node().path(property));
                if (value != null) {
                    found.add(value);
                }
            }
        }
        return found;
    }
}
