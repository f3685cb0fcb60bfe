package org.credstack.badge.stacks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.credstack.badge.issuing.HeldCredential;
import org.credstack.events.catalog.CredentialSnapshot.ComponentRule;

/**
 * Evaluates a stack's {@link ComponentRule} (N-of-M over component credentials and nested rules) against what a
 * learner holds. Pure functions; the decisions they encode are in docs/lifecycle/stacks.md:
 *
 * <ul>
 *   <li>a component counts when the learner holds a badge of it that is in force now: not revoked and not expired
 *       ({@code validUntil} after now); when it was earned does not matter, before the stack was published included;
 *   <li>of several badges of one component (a renewal, say) the earliest in force counts;
 *   <li>the rule is met at the business time its last qualifying component was earned: the earliest {@code
 *       validFrom} at which the counting components satisfy it.
 * </ul>
 */
final class StackRules {

    private StackRules() {}

    /**
     * The rule met: when, and by which component badges.
     *
     * @param validFrom the {@code validFrom} of the last qualifying component, UTC
     * @param qualifying the counting component badges earned up to then, oldest first
     */
    record Met(Instant validFrom, List<HeldCredential> qualifying) {}

    /**
     * The badges that count toward a rule, one per component credential it names.
     *
     * @param held every badge of the learner
     * @param componentIds the component credential ids the rule names (nested rules' included)
     * @param now the service clock's instant
     * @return component credential id → the earliest badge of it in force at {@code now}
     */
    static Map<String, HeldCredential> counting(List<HeldCredential> held, Set<String> componentIds, Instant now) {
        Map<String, HeldCredential> counting = new LinkedHashMap<>();
        held.stream()
                .filter(badge -> componentIds.contains(badge.credentialId()) && badge.inForceAt(now))
                .sorted(Comparator.comparing(HeldCredential::validFrom).thenComparing(HeldCredential::id))
                .forEach(badge -> counting.putIfAbsent(badge.credentialId(), badge));
        return counting;
    }

    /** Whether the credentials in {@code done} satisfy the rule: at least {@code requiredNumber} children do. */
    static boolean satisfied(ComponentRule rule, Set<String> done) {
        return satisfiedChildren(rule, done) >= rule.requiredNumber();
    }

    /** How many of the rule's children (component credentials and nested rules) {@code done} satisfies. */
    static int satisfiedChildren(ComponentRule rule, Set<String> done) {
        int credentials =
                (int) rule.credentialIds().stream().filter(done::contains).count();
        int rules = (int) rule.rules().stream().filter(r -> satisfied(r, done)).count();
        return credentials + rules;
    }

    /**
     * When and by what the rule is met, if the counting badges meet it: components are taken in the order they
     * were earned until the rule holds.
     *
     * @param counting as {@link #counting} returns it
     */
    static Optional<Met> met(ComponentRule rule, Map<String, HeldCredential> counting) {
        List<HeldCredential> inOrder = counting.values().stream()
                .sorted(Comparator.comparing(HeldCredential::validFrom).thenComparing(HeldCredential::id))
                .toList();
        Set<String> done = new HashSet<>();
        List<HeldCredential> qualifying = new ArrayList<>();
        for (HeldCredential badge : inOrder) {
            done.add(badge.credentialId());
            qualifying.add(badge);
            if (satisfied(rule, done)) {
                return Optional.of(new Met(badge.validFrom(), List.copyOf(qualifying)));
            }
        }
        return Optional.empty();
    }

    /**
     * What is left, in plain words, e.g. {@code "2 of 3 electives, Capstone missing"}: for a rule that needs all
     * its children, each missing credential ({@code "<title> missing"}) and what is left of each open nested rule;
     * for an N-of-M rule with a choice, {@code "<done> of <required> <label>"}. Empty when the rule is met.
     *
     * @param titles a component credential's title by its id
     */
    static String left(ComponentRule rule, Set<String> done, Function<String, String> titles) {
        return String.join(", ", leftParts(rule, done, titles));
    }

    private static List<String> leftParts(ComponentRule rule, Set<String> done, Function<String, String> titles) {
        List<String> parts = new ArrayList<>();
        if (satisfied(rule, done)) {
            return parts;
        }
        int children = rule.credentialIds().size() + rule.rules().size();
        if (rule.requiredNumber() < children) {
            parts.add(satisfiedChildren(rule, done) + " of " + rule.requiredNumber() + " " + name(rule));
            return parts;
        }
        rule.rules().forEach(nested -> parts.addAll(leftParts(nested, done, titles)));
        rule.credentialIds().stream()
                .filter(id -> !done.contains(id))
                .forEach(id -> parts.add(titles.apply(id) + " missing"));
        return parts;
    }

    /**
     * The rules still open, the rule itself first, then nested ones depth first.
     *
     * @return one entry per unsatisfied rule
     */
    static List<OpenRule> open(ComponentRule rule, Set<String> done) {
        List<OpenRule> open = new ArrayList<>();
        collectOpen(rule, done, open);
        return open;
    }

    private static void collectOpen(ComponentRule rule, Set<String> done, List<OpenRule> open) {
        if (satisfied(rule, done)) {
            return;
        }
        open.add(new OpenRule(
                rule.label(),
                rule.requiredNumber(),
                satisfiedChildren(rule, done),
                rule.credentialIds().stream().filter(id -> !done.contains(id)).toList()));
        rule.rules().forEach(nested -> collectOpen(nested, done, open));
    }

    /**
     * A rule not met yet.
     *
     * @param label the rule's label as the catalog gives it, may be {@code null}
     * @param requiredNumber how many of its children it needs
     * @param satisfied how many of them are satisfied
     * @param missing its own component credentials not held (nested rules are listed on their own)
     */
    record OpenRule(String label, int requiredNumber, int satisfied, List<String> missing) {}

    private static String name(ComponentRule rule) {
        String label = rule.label();
        if (label == null || label.isBlank()) {
            return "components";
        }
        String trimmed = label.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
