package org.credstack.catalog.credential;

import static org.credstack.catalog.common.CatalogRuleViolation.require;

import java.util.List;
import java.util.stream.Stream;
import org.credstack.catalog.common.Checks;

/**
 * An N-of-M rule of a stack (CTDL pathway {@code ComponentCondition} with {@code requiredNumber}):
 * satisfied when at least {@code requiredNumber} of its children — component credentials and nested
 * rules — are satisfied. A set of required components is a rule whose {@code requiredNumber} equals its
 * child count.
 *
 * @param label what the rule says, e.g. "Requires 2 of 4 items"
 * @param requiredNumber between 1 and the number of children
 * @param credentialIds component credentials (catalog ids; in an import batch, source keys)
 * @param rules nested rules
 * @throws CatalogRuleViolation if there are no children or {@code requiredNumber} is out of range
 */
public record ComponentRule(String label, int requiredNumber, List<String> credentialIds, List<ComponentRule> rules) {

    public ComponentRule {
        Checks.maxLength(label, Checks.MAX_NAME, "stackRule.label");
        Checks.strings(credentialIds, Checks.MAX_COMPONENTS, Checks.MAX_ID, "stackRule.credentialIds");
        Checks.items(rules, Checks.MAX_ITEMS, "stackRule.rules");
        credentialIds = credentialIds == null ? List.of() : List.copyOf(credentialIds);
        rules = rules == null ? List.of() : List.copyOf(rules);
        int children = credentialIds.size() + rules.size();
        require(children > 0, "stackRule", "a component rule has at least one component");
        require(
                requiredNumber >= 1 && requiredNumber <= children,
                "stackRule.requiredNumber",
                "requiredNumber " + requiredNumber + " is not between 1 and " + children);
    }

    /** Every component credential this rule or its nested rules name, depth first. */
    public Stream<String> allCredentialIds() {
        return Stream.concat(credentialIds.stream(), rules.stream().flatMap(ComponentRule::allCredentialIds));
    }
}
