package org.credstack.badge.stacks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.credstack.badge.catalog.CatalogReplica;
import org.credstack.badge.issuing.HeldCredential;
import org.credstack.badge.issuing.IssuedCredentials;
import org.credstack.events.catalog.CredentialSnapshot;
import org.springframework.stereotype.Service;

/**
 * A learner's progress toward each published stack their credentials count toward (docs/lifecycle/stacks.md): the
 * stacks naming a credential they hold (one indexed read per held credential), each evaluated with the same rules
 * as the award ({@link StackRules}).
 */
@Service
class StackProgress {

    private final CatalogReplica catalog;
    private final IssuedCredentials credentials;
    private final StackAwarding awarding;
    private final Clock clock;

    StackProgress(CatalogReplica catalog, IssuedCredentials credentials, StackAwarding awarding, Clock clock) {
        this.catalog = catalog;
        this.credentials = credentials;
        this.awarding = awarding;
        this.clock = clock;
    }

    /** One entry per published stack naming a credential the learner holds, in order of first mention. */
    List<Progress> of(String learnerId) {
        List<HeldCredential> held = credentials.heldBy(learnerId);
        Set<String> stackIds = new LinkedHashSet<>();
        held.stream()
                .map(HeldCredential::credentialId)
                .distinct()
                .forEach(credentialId -> stackIds.addAll(catalog.stacksNaming(credentialId)));
        Instant now = clock.instant();
        return stackIds.stream()
                .map(awarding::publishedStack)
                .flatMap(Optional::stream)
                .map(stack -> progress(learnerId, stack, held, now))
                .filter(p ->
                        p.awardedBadgeId() != null || p.components().stream().anyMatch(Component::done))
                .toList();
    }

    private Progress progress(String learnerId, CredentialSnapshot stack, List<HeldCredential> held, Instant now) {
        Set<String> componentIds = CatalogReplica.componentIds(stack.stackRule());
        Map<String, HeldCredential> counting = StackRules.counting(held, componentIds, now);
        Set<String> done = counting.keySet();
        boolean complete = StackRules.satisfied(stack.stackRule(), done);
        List<Component> components = componentIds.stream()
                .map(id -> new Component(
                        id,
                        awarding.title(id),
                        counting.containsKey(id),
                        Optional.ofNullable(counting.get(id))
                                .map(HeldCredential::publicUrl)
                                .orElse(null)))
                .toList();
        return new Progress(
                stack.id(),
                stack.title(),
                complete,
                credentials
                        .stackAward(learnerId, stack.id())
                        .map(HeldCredential::publicUrl)
                        .orElse(null),
                components,
                StackRules.open(stack.stackRule(), done),
                complete ? "complete" : StackRules.left(stack.stackRule(), done, awarding::title));
    }

    /**
     * Progress toward one stack.
     *
     * @param stackCredentialId the stack's catalog credential id
     * @param title the stack's title
     * @param complete whether the components in force meet the stack's rule now
     * @param awardedBadgeId the public URL of the stack's credential when it was awarded, else {@code null}
     * @param components every component credential the rule names, nested rules' included
     * @param openRules the rules not met yet, outermost first
     * @param left what is left in plain words, e.g. {@code "2 of 3 electives, Capstone missing"}; {@code
     *     "complete"} when nothing is
     */
    record Progress(
            String stackCredentialId,
            String title,
            boolean complete,
            String awardedBadgeId,
            List<Component> components,
            List<StackRules.OpenRule> openRules,
            String left) {}

    /**
     * One component credential of a stack.
     *
     * @param credentialId its catalog credential id
     * @param title its title
     * @param done whether the learner holds a badge of it in force
     * @param badgeId that badge's public URL, or {@code null}
     */
    record Component(String credentialId, String title, boolean done, String badgeId) {}
}
