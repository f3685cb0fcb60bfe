package org.credstack.catalog.importing;

import static org.credstack.catalog.importing.Json.iris;
import static org.credstack.catalog.importing.Json.text;
import static org.credstack.catalog.importing.Json.types;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.credstack.catalog.common.CatalogRuleViolation;
import org.credstack.catalog.credential.Assignment;
import org.credstack.catalog.credential.Category;
import org.credstack.catalog.credential.ComponentRule;
import org.credstack.catalog.credential.CredentialDraft;
import org.credstack.catalog.credential.Kind;
import org.credstack.catalog.importing.Json.Located;
import org.credstack.events.catalog.MoveOn;
import tools.jackson.databind.JsonNode;

/**
 * A CTDL {@code ceterms:Pathway} as a stack (CTDL Pathways: ComponentCondition, {@code requiredNumber},
 * {@code targetComponent}).
 *
 * <ul>
 *   <li>Every component that is a credential ({@code CredentialComponent}, or typed as a credential class such
 *       as {@code ceterms:Certification}) becomes a micro-credential keyed by its CTID, with one "Earn" assignment
 *       whose activityId is its {@code sourceData} (CredentialComponent) or its own IRI.
 *   <li>A component with conditions becomes a nested
 *       rule: a credential needs itself and all its conditions ("the certificate and its prerequisites"); a
 *       non-credential component (e.g. {@code BasicComponent}) is folded into the rule as its conditions.
 *       {@code requiredNumber} absent means all targets. A 1-of-1 rule below the root is replaced by its only child.
 *   <li>A non-credential component without conditions becomes a micro-credential with one assignment
 *       ("Complete ..."; "Pass ..." for an AssessmentComponent), so the rule can name it.
 *   <li>The stack's rule is what the pathway's {@code hasDestinationComponent} needs: that component (when it is
 *       a credential) and its conditions. Its description stands in when the pathway has none.
 *   <li>A target not in the document stays a source key (CTID), to match a component imported earlier.
 * </ul>
 *
 * Components take the pathway's provider and category.
 */
final class CtdlPathway {

    private final CtdlReader reader;
    private final Located pathway;
    private final Problems problems;
    private String provider;
    private Category category;

    CtdlPathway(CtdlReader reader, Located pathway) {
        this.reader = reader;
        this.pathway = pathway;
        this.problems = reader.problems();
    }

    void read(List<Located> graph) {
        String key = reader.keyOrProblem(pathway);
        provider = reader.provider(pathway, pathway);
        Located destination = destination();
        String title = text(pathway.node().path("ceterms:name"));
        String description = text(pathway.node().path("ceterms:description"));
        if (description == null && destination != null) {
            description = text(destination.node().path("ceterms:description"));
        }
        String destinationText = destination == null
                ? ""
                : text(destination.node().path("ceterms:name")) + " "
                        + Objects.requireNonNullElse(text(destination.node().path("ceterms:description")), "");
        category = CategoryRule.choose(
                reader.options().category(), title + " " + destinationText, List.of(), List.of(), description);
        if (key == null || provider == null || destination == null) {
            return;
        }
        for (Located node : graph) {
            boolean credential = CtdlReader.isCredential(node.node());
            if (node != pathway
                    && (credential
                            || (isComponent(node.node()) && conditions(node).isEmpty()))) {
                component(node);
            }
        }
        ComponentRule rule = root(destination);
        String path = "credentials[" + key + "]";
        String finalDescription = description;
        CredentialDraft stack = rule == null
                ? null
                : problems.build(
                        path,
                        title,
                        () -> new CredentialDraft(
                                title,
                                finalDescription,
                                Kind.STACK,
                                category,
                                provider,
                                CtdlFields.ctid(key),
                                List.of(),
                                List.of(),
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                null,
                                null,
                                null,
                                text(pathway.node().path("ceterms:image")),
                                rule));
        reader.add(key, stack);
    }

    private Located destination() {
        List<String> references = iris(pathway.node().path("ceterms:hasDestinationComponent"));
        if (references.isEmpty()) {
            problems.at(
                    pathway.pointer() + "/ceterms:hasDestinationComponent",
                    "a pathway needs a destination component to become a stack");
            return null;
        }
        Located destination = find(references.getFirst());
        if (destination == null) {
            problems.at(
                    pathway.pointer() + "/ceterms:hasDestinationComponent",
                    "destination component " + references.getFirst() + " is not in the document");
        }
        return destination;
    }

    private void component(Located node) {
        String key = reader.keyOrProblem(node);
        if (key == null) {
            return;
        }
        String path = "credentials[" + key + "]";
        String title = text(node.node().path("ceterms:name"));
        boolean credential = CtdlReader.isCredential(node.node());
        String description = text(node.node().path("ceterms:description"));
        if (description == null) {
            description = (credential ? "Credential" : "Component") + " of the pathway '"
                    + text(pathway.node().path("ceterms:name")) + "'" + (title == null ? "." : ": " + title + ".");
        }
        String sourceData = text(node.node().path("ceterms:sourceData"));
        String activity = types(node.node()).contains("CredentialComponent") && Json.isAbsoluteIri(sourceData)
                ? sourceData
                : CtdlFields.iri(node.node());
        MoveOn moveOn = types(node.node()).contains("AssessmentComponent") ? MoveOn.Passed : MoveOn.Completed;
        var assignment = credential
                ? reader.earn(title, activity, moveOn, path)
                : problems.build(
                        path + ".assignments[0]",
                        title,
                        () -> new Assignment(
                                "complete",
                                (moveOn == MoveOn.Passed ? "Pass " : "Complete ") + title,
                                activity,
                                moveOn,
                                null));
        if (assignment == null) {
            return;
        }
        String finalDescription = description;
        reader.add(
                key,
                problems.build(
                        path,
                        title,
                        () -> new CredentialDraft(
                                title,
                                finalDescription,
                                Kind.MICRO_CREDENTIAL,
                                category,
                                provider,
                                CtdlFields.ctid(key),
                                Json.texts(node.node().path("ceterms:keyword")),
                                List.of(),
                                CtdlFields.deliveryModes(node.node()),
                                null,
                                CtdlFields.duration(node.node()),
                                null,
                                List.of(assignment),
                                null,
                                null,
                                null,
                                text(node.node().path("ceterms:image")),
                                null)));
    }

    private ComponentRule root(Located destination) {
        Child child = childFor(text(destination.node().path("@id")), destination, new ArrayDeque<>());
        if (child == null || child.rule() != null) {
            return child == null ? null : child.rule();
        }
        return build(destination, text(destination.node().path("ceterms:name")), 1, List.of(child));
    }

    /** What a target component contributes to a rule: a credential's source key, or a nested rule. */
    private record Child(String credentialKey, ComponentRule rule) {}

    private Child childFor(String reference, Located known, Deque<String> path) {
        Located node = known != null ? known : find(reference);
        if (node == null) {
            return new Child(CtdlFields.referenceKey(CtdlFields.normalisedIri(reference)), null);
        }
        String key = CtdlFields.key(node.node());
        if (path.contains(key)) {
            problems.at(
                    node.pointer() + "/ceterms:hasCondition", "the pathway's conditions form a cycle through " + key);
            return null;
        }
        if (conditions(node).isEmpty()) {
            return new Child(key, null);
        }
        path.push(key);
        ComponentRule rule;
        if (CtdlReader.isCredential(node.node())) {
            List<Child> children = new ArrayList<>();
            children.add(new Child(key, null));
            conditionRules(node, path).forEach(r -> children.add(simplified(new Child(null, r))));
            rule = build(node, text(node.node().path("ceterms:name")), children.size(), children);
        } else {
            rule = ruleOfConditions(node, path);
        }
        path.pop();
        return rule == null ? null : new Child(null, rule);
    }

    private ComponentRule ruleOfConditions(Located node, Deque<String> path) {
        List<ComponentRule> rules = conditionRules(node, path);
        if (rules.size() == 1) {
            return rules.getFirst();
        }
        if (rules.isEmpty()) {
            return null;
        }
        List<Child> children =
                rules.stream().map(r -> simplified(new Child(null, r))).toList();
        return build(node, text(node.node().path("ceterms:name")), children.size(), children);
    }

    private List<ComponentRule> conditionRules(Located node, Deque<String> path) {
        List<ComponentRule> rules = new ArrayList<>();
        for (Located condition : conditions(node)) {
            List<Child> children = new ArrayList<>();
            for (String target : iris(condition.node().path("ceterms:targetComponent"))) {
                Child child = childFor(target, null, path);
                if (child != null) {
                    children.add(simplified(child));
                }
            }
            JsonNode required = condition.node().path("ceterms:requiredNumber");
            int requiredNumber = required.isNumber() ? required.asInt() : children.size();
            String says = text(condition.node().path("ceterms:description"));
            String label = text(node.node().path("ceterms:name")) + ": "
                    + (says != null ? says : "Requires " + requiredNumber + " of " + children.size() + " items.");
            ComponentRule rule = build(condition, label, requiredNumber, children);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private ComponentRule build(Located at, String label, int requiredNumber, List<Child> children) {
        List<String> credentialIds = children.stream()
                .map(Child::credentialKey)
                .filter(k -> k != null)
                .toList();
        List<ComponentRule> rules =
                children.stream().map(Child::rule).filter(r -> r != null).toList();
        try {
            return new ComponentRule(label, requiredNumber, credentialIds, rules);
        } catch (CatalogRuleViolation violation) {
            problems.at(at.pointer() + "/ceterms:requiredNumber", violation.getMessage() + " (" + label + ")");
            return null;
        }
    }

    /** A 1-of-1 rule is the same as its only child. */
    private static Child simplified(Child child) {
        ComponentRule rule = child.rule();
        if (rule == null
                || rule.requiredNumber() != 1
                || rule.credentialIds().size() + rule.rules().size() != 1) {
            return child;
        }
        return rule.credentialIds().isEmpty()
                ? simplified(new Child(null, rule.rules().getFirst()))
                : new Child(rule.credentialIds().getFirst(), null);
    }

    private List<Located> conditions(Located node) {
        return Json.each(node.child("ceterms:hasCondition"));
    }

    private Located find(String reference) {
        String key = CtdlFields.referenceKey(reference);
        Located node = reader.nodes().get(key);
        return node != null ? node : reader.nodes().get(reference);
    }

    private static boolean isComponent(JsonNode node) {
        return types(node).stream().anyMatch(type -> type.endsWith("Component"));
    }
}
