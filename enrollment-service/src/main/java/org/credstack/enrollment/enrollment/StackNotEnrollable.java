package org.credstack.enrollment.enrollment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.credstack.enrollment.problem.DomainException;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.ComponentRule;

/**
 * The credential is a {@code STACK}: it is earned from its component credentials (its {@code stackRule}), never by an
 * enrollment in the stack itself. A stack has no assignments, so such an enrollment would complete at once with
 * nothing earned. The detail names the components to enroll in instead.
 */
class StackNotEnrollable extends DomainException {

    StackNotEnrollable(CredentialSnapshot stack) {
        super(Reason.CONFLICT, "credentialId", detail(stack));
    }

    private static String detail(CredentialSnapshot stack) {
        List<String> components = components(stack.stackRule());
        String rule = stack.stackRule() == null || stack.stackRule().label() == null
                ? ""
                : " (" + stack.stackRule().label() + ")";
        return "credential " + stack.id() + " is a stack, earned from its components and never enrolled in itself"
                + (components.isEmpty()
                        ? ""
                        : "; enroll in its components instead: " + String.join(", ", components) + rule);
    }

    /** The component credential ids of a rule and its nested rules, depth first, each once. */
    static List<String> components(ComponentRule rule) {
        Set<String> ids = new LinkedHashSet<>();
        collect(rule, ids);
        return List.copyOf(ids);
    }

    private static void collect(ComponentRule rule, Set<String> ids) {
        if (rule == null) {
            return;
        }
        ids.addAll(rule.credentialIds());
        rule.rules().forEach(nested -> collect(nested, ids));
    }
}
