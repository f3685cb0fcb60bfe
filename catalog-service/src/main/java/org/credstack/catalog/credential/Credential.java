package org.credstack.catalog.credential;

import static org.credstack.catalog.common.CatalogRuleViolation.require;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.credstack.catalog.common.CatalogRuleViolation;
import org.credstack.catalog.credential.CatalogReferences.Component;
import org.credstack.catalog.credential.ImportResult.Change;
import org.credstack.events.catalog.CatalogEvent;
import org.credstack.events.catalog.CredentialPublished;
import org.credstack.events.catalog.CredentialRetired;
import org.credstack.events.catalog.CredentialRevised;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.credstack.runtime.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A credential (micro-credential or stack) and its published versions: the aggregate of the
 * {@code credentials} collection. It guards the lifecycle DRAFT → PUBLISHED → RETIRED, keeps published
 * versions immutable, checks its provider and stack components, and records the catalog event of every
 * state change so that state and event are saved in one document write.
 */
@Document(Credential.COLLECTION)
class Credential {

    static final String COLLECTION = "credentials";

    @Id
    private String id;

    private String sourceKey;
    private Status status;
    private CredentialDraft content;
    private List<PublishedVersion> versions = new ArrayList<>();
    private SearchFields search;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant retiredAt;

    /** Optimistic lock; the outbox relay increments it too when it removes published events. */
    @Version
    private Long version;

    private List<PendingEvent> pendingEvents = new ArrayList<>();

    @Transient
    private final List<CatalogEvent> raised = new ArrayList<>();

    /** For Spring Data. */
    Credential() {}

    /**
     * A new draft.
     *
     * @throws CatalogRuleViolation for an unknown provider or component, or a stack that contains itself
     */
    static Credential draft(String id, String sourceKey, CredentialDraft content, CatalogReferences refs, Instant now) {
        Credential credential = new Credential();
        credential.id = Objects.requireNonNull(id);
        credential.sourceKey = sourceKey;
        credential.status = Status.DRAFT;
        credential.createdAt = now;
        credential.replaceDraft(content, refs, now);
        return credential;
    }

    /**
     * Replaces the draft content.
     *
     * @throws IllegalTransition unless in DRAFT
     * @throws CatalogRuleViolation for an unknown provider or component, or a cycle of stacks
     */
    void edit(CredentialDraft content, CatalogReferences refs, Instant now) {
        requireStatus(Status.DRAFT, "edit", "only a draft can be edited; post a revision instead");
        replaceDraft(content, refs, now);
    }

    /**
     * Publishes the draft as version 1 and raises {@link CredentialPublished}.
     *
     * @throws IllegalTransition unless in DRAFT
     * @throws CatalogRuleViolation for an unknown provider, or a component that is not published, or a cycle
     */
    void publish(CatalogReferences refs, Instant now) {
        requireStatus(Status.DRAFT, "publish", "it is already published");
        ProviderSnapshot provider = checkReferences(content, refs, true);
        status = Status.PUBLISHED;
        addVersion(content, now);
        raised.add(new CredentialPublished(id, snapshot(provider), now));
    }

    /**
     * Publishes new content as the next version and raises {@link CredentialRevised}; earlier versions stay
     * as they were.
     *
     * @throws IllegalTransition unless PUBLISHED
     * @throws CatalogRuleViolation for an unknown provider, a component that is not published, or a cycle
     */
    void revise(CredentialDraft newContent, CatalogReferences refs, Instant now) {
        requireStatus(Status.PUBLISHED, "revise", "publish it first; a retired credential takes no revisions");
        if (!newContent.providerId().equals(content.providerId())) {
            throw new CatalogRuleViolation(
                    "providerId",
                    "a revision keeps the provider '" + content.providerId()
                            + "': the issuer of existing awards does not change under them");
        }
        ProviderSnapshot provider = checkReferences(newContent, refs, true);
        addVersion(newContent, now);
        raised.add(new CredentialRevised(id, snapshot(provider), now));
    }

    /**
     * Retires the credential and raises {@link CredentialRetired} carrying its last version.
     *
     * @throws IllegalTransition unless PUBLISHED
     */
    void retire(CatalogReferences refs, Instant now) {
        requireStatus(Status.PUBLISHED, "retire", "only a published credential can be retired");
        ProviderSnapshot provider = refs.provider(content.providerId())
                .orElseGet(() -> new ProviderSnapshot(content.providerId(), null, null, null, "UTC"));
        status = Status.RETIRED;
        retiredAt = now;
        updatedAt = now;
        raised.add(new CredentialRetired(id, snapshot(provider), now));
    }

    /**
     * What importing {@code imported} would do to {@code existing}: a new credential is CREATED, one whose
     * latest published content equals it is UNCHANGED, any other is REVISED.
     */
    static Change importDecision(Credential existing, CredentialDraft imported) {
        if (existing == null || existing.status == Status.DRAFT) {
            return Change.CREATED;
        }
        return existing.latest().orElseThrow().content().equals(imported) ? Change.UNCHANGED : Change.REVISED;
    }

    /** Moves the events raised since loading into the pending events saved with this document. */
    void stageEvents(Function<List<CatalogEvent>, List<PendingEvent>> stage) {
        pendingEvents.addAll(stage.apply(List.copyOf(raised)));
        raised.clear();
    }

    /** The snapshot of the current published version, as events carry it. */
    org.credstack.events.catalog.CredentialSnapshot snapshot(ProviderSnapshot provider) {
        return Snapshots.of(id, status, latest().orElseThrow(), provider);
    }

    private void addVersion(CredentialDraft newContent, Instant now) {
        PublishedVersion published = new PublishedVersion(versions.size() + 1, newContent, now);
        versions.add(published);
        content = newContent;
        updatedAt = now;
        search = SearchFields.of(content, now);
    }

    private void replaceDraft(CredentialDraft newContent, CatalogReferences refs, Instant now) {
        checkReferences(newContent, refs, false);
        content = newContent;
        updatedAt = now;
        search = SearchFields.of(content, null);
    }

    private void requireStatus(Status required, String step, String why) {
        if (status != required) {
            throw new IllegalTransition(
                    status, "cannot " + step + " credential " + id + " in status " + status + ": " + why);
        }
    }

    private ProviderSnapshot checkReferences(CredentialDraft c, CatalogReferences refs, boolean publishing) {
        ProviderSnapshot provider = refs.provider(c.providerId())
                .orElseThrow(
                        () -> new CatalogRuleViolation("providerId", "no provider with id '" + c.providerId() + "'"));
        if (c.stackRule() != null) {
            checkComponents(c.stackRule().allCredentialIds().distinct().toList(), refs, publishing);
        }
        return provider;
    }

    private void checkComponents(List<String> componentIds, CatalogReferences refs, boolean publishing) {
        require(!componentIds.contains(id), "stackRule", "a stack cannot contain itself");
        for (String componentId : componentIds) {
            Component component = refs.credential(componentId)
                    .orElseThrow(() -> new CatalogRuleViolation(
                            "stackRule", "no credential with id '" + componentId + "' to stack"));
            require(
                    !publishing || component.status() == Status.PUBLISHED,
                    "stackRule",
                    "component '" + componentId + "' is " + component.status()
                            + "; a stack is published from published credentials");
        }
        findCycle(componentIds, refs).ifPresent(via -> {
            throw new CatalogRuleViolation(
                    "stackRule", "a stack cannot contain itself: it is a component of '" + via + "'");
        });
    }

    /** Depth-first search through components' components for this credential; returns where it was found. */
    private Optional<String> findCycle(List<String> componentIds, CatalogReferences refs) {
        Deque<String> toVisit = new ArrayDeque<>(componentIds);
        Set<String> seen = new HashSet<>();
        while (!toVisit.isEmpty()) {
            String next = toVisit.pop();
            if (!seen.add(next)) {
                continue;
            }
            List<String> children =
                    refs.credential(next).map(Component::componentIds).orElse(List.of());
            if (children.contains(id)) {
                return Optional.of(next);
            }
            children.forEach(toVisit::push);
        }
        return Optional.empty();
    }

    String id() {
        return id;
    }

    String sourceKey() {
        return sourceKey;
    }

    Status status() {
        return status;
    }

    /** The current content: the draft, or the latest published version's content. */
    CredentialDraft content() {
        return content;
    }

    /** Published versions, oldest first; unmodifiable. */
    List<PublishedVersion> versions() {
        return List.copyOf(versions);
    }

    Optional<PublishedVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    Optional<PublishedVersion> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant retiredAt() {
        return retiredAt;
    }

    /** Events raised by this instance and not yet staged. */
    List<CatalogEvent> raisedEvents() {
        return List.copyOf(raised);
    }

    List<PendingEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    /** The component view of this credential that other stacks check against. */
    Component asComponent() {
        return new Component(id, status, search.componentIds());
    }
}
