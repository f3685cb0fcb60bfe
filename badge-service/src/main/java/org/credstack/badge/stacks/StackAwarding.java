package org.credstack.badge.stacks;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.credstack.badge.catalog.CatalogReplica;
import org.credstack.badge.issuing.BadgeIssuing;
import org.credstack.badge.issuing.HeldCredential;
import org.credstack.badge.issuing.Issuance;
import org.credstack.badge.issuing.IssuedCredentials;
import org.credstack.events.EventEnvelope;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.catalog.CatalogEvent;
import org.credstack.events.catalog.CredentialRetired;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.runtime.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Awards a stack's credential when a learner's components meet its rule (docs/lifecycle/stacks.md). Two triggers:
 *
 * <ul>
 *   <li>{@link #handle}: a {@code BadgeIssued} read back from badge-service's own {@code badge.events.v1} (consumer
 *       group {@code badge-service}); every published stack naming the issued credential is evaluated for that
 *       learner. Driven by the event, not inline after the insert, so a crash between the two loses no award: the
 *       event is still delivered. Idempotent by {@code ce_id} ({@link ProcessedEvents}) for a credential some stack
 *       names; one no stack names is neither evaluated nor remembered.
 *   <li>{@link #stackPublished}: a stack published or revised on {@code catalog.credentials.v1}; every learner
 *       holding one of its components (found through the {@code credentialId} index of {@code badges}) is evaluated,
 *       so components earned before the stack was published count.
 * </ul>
 *
 * <p>Exactly once: the award goes through {@link BadgeIssuing#issue(Issuance)} under the business key {@code
 * stack|<learnerId>|<stackCredentialId>}, which the unique index on {@code badges.enrollmentId} keeps to one badge
 * (and one {@code BadgeIssued}) even when two evaluations race.
 */
@Service
public class StackAwarding {

    static final String PUBLISHED = "PUBLISHED";
    static final String STACK = "STACK";

    private static final Logger log = LoggerFactory.getLogger(StackAwarding.class);

    private final CatalogReplica catalog;
    private final IssuedCredentials credentials;
    private final BadgeIssuing issuing;
    private final ProcessedEvents processed;
    private final Clock clock;

    StackAwarding(
            CatalogReplica catalog,
            IssuedCredentials credentials,
            BadgeIssuing issuing,
            ProcessedEvents processed,
            Clock clock) {
        this.catalog = catalog;
        this.credentials = credentials;
        this.issuing = issuing;
        this.processed = processed;
        this.clock = clock;
    }

    /** Handles an event read from {@code badge.events.v1}; only {@code BadgeIssued} can complete a stack. */
    public void handle(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof BadgeIssued issued)) {
            return;
        }
        // most credentials are in no stack: then there is nothing to do and nothing to remember (two store round
        // trips per credential saved); an evaluation is idempotent anyway, the record only spares a redelivery's work
        List<String> stacks = catalog.stacksNaming(issued.credentialId());
        if (stacks.isEmpty() || processed.contains(envelope.id())) {
            return;
        }
        for (String stackId : stacks) {
            evaluate(issued.learnerId(), stackId);
        }
        processed.remember(envelope.id(), envelope.type());
    }

    /**
     * Evaluates a stack for every holder of its components when the catalog event publishes or revises it; other
     * catalog events, and stacks the replica no longer has published as their latest version, are ignored. A
     * redelivery evaluates again, which awards nothing twice.
     *
     * @param envelope an event read from {@code catalog.credentials.v1}, already recorded in the replica
     */
    public void stackPublished(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof CatalogEvent event) || event instanceof CredentialRetired) {
            return;
        }
        CredentialSnapshot snapshot = event.credential();
        if (!STACK.equals(snapshot.kind()) || snapshot.stackRule() == null) {
            return;
        }
        Optional<CredentialSnapshot> stack =
                publishedStack(snapshot.id()).filter(latest -> latest.version() == snapshot.version());
        if (stack.isEmpty()) {
            return;
        }
        Set<String> holders = credentials.holdersOf(CatalogReplica.componentIds(snapshot.stackRule()));
        log.info(
                "stack {} v{} published: evaluating {} holders of its components",
                snapshot.id(),
                snapshot.version(),
                holders.size());
        holders.forEach(learnerId -> evaluate(learnerId, stack.get()));
    }

    /**
     * Evaluates one stack for one learner and awards it when its rule is met and it has not been awarded.
     *
     * @return the stack credential's id when this call issued it; empty otherwise
     */
    Optional<String> evaluate(String learnerId, String stackId) {
        return publishedStack(stackId).flatMap(stack -> evaluate(learnerId, stack));
    }

    private Optional<String> evaluate(String learnerId, CredentialSnapshot stack) {
        if (credentials.stackAward(learnerId, stack.id()).isPresent()) {
            return Optional.empty();
        }
        List<HeldCredential> held = credentials.heldBy(learnerId);
        Map<String, HeldCredential> counting =
                StackRules.counting(held, CatalogReplica.componentIds(stack.stackRule()), clock.instant());
        Optional<StackRules.Met> met = StackRules.met(stack.stackRule(), counting);
        if (met.isEmpty()) {
            return Optional.empty();
        }
        Optional<HeldCredential> recipient = held.stream()
                .filter(badge -> badge.recipientEmail() != null)
                .max(Comparator.comparing(HeldCredential::validFrom));
        if (recipient.isEmpty()) {
            log.warn(
                    "stack {} met by {} but none of their badges keeps a recipient e-mail; not awarded",
                    stack.id(),
                    learnerId);
            return Optional.empty();
        }
        return issuing.issue(Issuance.ofStack(
                learnerId,
                stack,
                met.get().validFrom(),
                recipient.get().recipientEmail(),
                recipient.get().recipientName(),
                narrative(stack, met.get().qualifying()),
                met.get().qualifying()));
    }

    /** The stack's latest version when it is a published stack. */
    Optional<CredentialSnapshot> publishedStack(String stackId) {
        return catalog.latest(stackId)
                .filter(s -> STACK.equals(s.kind()) && PUBLISHED.equals(s.status()) && s.stackRule() != null);
    }

    private String narrative(CredentialSnapshot stack, List<HeldCredential> components) {
        String names = components.stream().map(c -> title(c.credentialId())).collect(Collectors.joining("; "));
        String rule = stack.stackRule().label() == null
                ? ""
                : " (" + stack.stackRule().label().strip() + ")";
        return "Earned " + components.size() + " component credential" + (components.size() == 1 ? "" : "s")
                + " of the pathway " + stack.title() + rule + ": " + names + ".";
    }

    /** A component credential's title in its latest catalog version; its id when the replica lacks it. */
    String title(String credentialId) {
        return catalog.latest(credentialId).map(CredentialSnapshot::title).orElse(credentialId);
    }
}
