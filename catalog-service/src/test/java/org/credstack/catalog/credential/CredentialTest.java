package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credstack.catalog.credential.TestDrafts.micro;
import static org.credstack.catalog.credential.TestDrafts.stack;
import static org.credstack.catalog.credential.TestDrafts.withTitle;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credstack.catalog.common.CatalogRuleViolation;
import org.credstack.catalog.credential.ImportResult.Change;
import org.credstack.events.catalog.CredentialPublished;
import org.credstack.events.catalog.CredentialRetired;
import org.credstack.events.catalog.CredentialRevised;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.junit.jupiter.api.Test;

class CredentialTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant T1 = Instant.parse("2026-04-01T09:00:00Z");
    static final Instant T2 = Instant.parse("2026-05-01T09:00:00Z");

    final Refs refs = new Refs();

    @Test
    void publishesDraftAsVersionOneAndRaisesPublishedWithProviderTimeZone() {
        Credential c = Credential.draft("c1", null, micro("Java", "p1"), refs, T0);

        c.publish(refs, T1);

        assertThat(c.status()).isEqualTo(Status.PUBLISHED);
        assertThat(c.versions()).extracting(PublishedVersion::version).containsExactly(1);
        assertThat(c.raisedEvents()).singleElement().isInstanceOfSatisfying(CredentialPublished.class, e -> {
            assertThat(e.credentialId()).isEqualTo("c1");
            assertThat(e.occurredAt()).isEqualTo(T1);
            assertThat(e.credential().version()).isEqualTo(1);
            assertThat(e.credential().status()).isEqualTo("PUBLISHED");
            assertThat(e.credential().provider().timeZone()).isEqualTo("Europe/London");
            assertThat(e.credential().validityPeriod()).isEqualTo("P2Y");
            assertThat(e.credential().publishedAt()).isEqualTo(T1);
        });
    }

    @Test
    void editsDraftButRefusesToEditPublishedCredential() {
        Credential c = Credential.draft("c1", null, micro("Java", "p1"), refs, T0);
        c.edit(micro("Java 21", "p1"), refs, T0);
        c.publish(refs, T1);

        assertThat(c.content().title()).isEqualTo("Java 21");
        assertThatThrownBy(() -> c.edit(micro("Java 25", "p1"), refs, T2))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("PUBLISHED");
    }

    @Test
    void revisionPublishesNextVersionAndLeavesEarlierVersionsAsTheyWere() {
        Credential c = published("c1", micro("Java", "p1"));

        c.revise(micro("Java, revised", "p1"), refs, T2);

        assertThat(c.versions())
                .extracting(v -> v.version(), v -> v.content().title(), v -> v.publishedAt())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "Java", T1),
                        org.assertj.core.groups.Tuple.tuple(2, "Java, revised", T2));
        assertThat(c.content().title()).isEqualTo("Java, revised");
        assertThat(c.raisedEvents().getLast())
                .isInstanceOfSatisfying(
                        CredentialRevised.class,
                        e -> assertThat(e.credential().version()).isEqualTo(2));
    }

    @Test
    void versionsHandedOutCannotBeChanged() {
        Credential c = published("c1", micro("Java", "p1"));

        assertThatThrownBy(() -> c.versions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(c.version(1)).isPresent();
    }

    @Test
    void retiredCredentialTakesNoRevisionsAndKeepsAllVersions() {
        Credential c = published("c1", micro("Java", "p1"));
        c.revise(micro("Java 2", "p1"), refs, T2);

        c.retire(refs, T2);

        assertThat(c.status()).isEqualTo(Status.RETIRED);
        assertThat(c.raisedEvents().getLast()).isInstanceOfSatisfying(CredentialRetired.class, e -> {
            assertThat(e.credential().status()).isEqualTo("RETIRED");
            assertThat(e.credential().version()).isEqualTo(2);
        });
        assertThatThrownBy(() -> c.revise(micro("Java 3", "p1"), refs, T2)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> c.retire(refs, T2)).isInstanceOf(IllegalTransition.class);
        assertThat(c.versions()).hasSize(2);
    }

    @Test
    void refusesToPublishOrRetireTwice() {
        Credential draft = Credential.draft("c1", null, micro("Java", "p1"), refs, T0);
        assertThatThrownBy(() -> draft.retire(refs, T1)).isInstanceOf(IllegalTransition.class);
        draft.publish(refs, T1);
        assertThatThrownBy(() -> draft.publish(refs, T2)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void rejectsUnknownProvider() {
        assertThatThrownBy(() -> Credential.draft("c1", null, micro("Java", "nobody"), refs, T0))
                .isInstanceOfSatisfying(
                        CatalogRuleViolation.class, e -> assertThat(e.field()).isEqualTo("providerId"));
    }

    @Test
    void rejectsStackOfUnknownComponent() {
        assertThatThrownBy(() -> Credential.draft("s1", null, stack("Stack", "p1", "ghost"), refs, T0))
                .isInstanceOfSatisfying(
                        CatalogRuleViolation.class, e -> assertThat(e.field()).isEqualTo("stackRule"));
    }

    @Test
    void rejectsPublishingStackOfUnpublishedOrRetiredComponent() {
        refs.add(Credential.draft("draft", null, micro("Draft", "p1"), refs, T0));
        Credential retired = published("retired", micro("Old", "p1"));
        retired.retire(refs, T2);
        refs.add(retired);

        Credential stackOfDraft = Credential.draft("s1", null, stack("S", "p1", "draft"), refs, T0);
        Credential stackOfRetired = Credential.draft("s2", null, stack("S", "p1", "retired"), refs, T0);

        assertThatThrownBy(() -> stackOfDraft.publish(refs, T1))
                .isInstanceOf(CatalogRuleViolation.class)
                .hasMessageContaining("DRAFT");
        assertThatThrownBy(() -> stackOfRetired.publish(refs, T1))
                .isInstanceOf(CatalogRuleViolation.class)
                .hasMessageContaining("RETIRED");
    }

    @Test
    void rejectsStackContainingItselfDirectly() {
        Credential s = published("s1", stack("S", "p1", "c1"), "c1");

        assertThatThrownBy(() -> s.revise(stack("S", "p1", "c1", "s1"), refs, T2))
                .isInstanceOfSatisfying(
                        CatalogRuleViolation.class, e -> assertThat(e.field()).isEqualTo("stackRule"));
    }

    @Test
    void rejectsStackContainingItselfTransitively() {
        Credential outer = published("outer", stack("Outer", "p1", "middle"), "middle");
        refs.add(outer);
        // middle currently contains inner; inner is to contain outer: outer -> middle -> inner -> outer
        Credential inner = published("inner", micro("Inner", "p1"));
        refs.add(inner);
        refs.addComponent("middle", List.of("inner"));
        refs.addComponent("outer", List.of("middle"));

        assertThatThrownBy(() -> inner.revise(stack("Inner", "p1", "outer"), refs, T2))
                .isInstanceOfSatisfying(CatalogRuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("stackRule");
                    assertThat(e.getMessage()).contains("contain itself");
                });
        assertThat(inner.versions()).hasSize(1);
    }

    @Test
    void acceptsDiamondOfSharedComponents() {
        published("a", micro("A", "p1"));
        refs.addComponent("b", List.of("a"));
        refs.addComponent("c", List.of("a"));

        Credential top = Credential.draft("top", null, stack("Top", "p1", "b", "c"), refs, T0);
        top.publish(refs, T1);

        assertThat(top.status()).isEqualTo(Status.PUBLISHED);
    }

    @Test
    void completionRuleCannotAskForMoreAssignmentsThanThereAre() {
        CredentialDraft one = micro("Java", "p1");
        assertThatThrownBy(() -> new CredentialDraft(
                        one.title(),
                        one.description(),
                        one.kind(),
                        one.category(),
                        one.providerId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        one.assignments(),
                        CompletionRule.atLeast(2),
                        null,
                        null,
                        null,
                        null))
                .isInstanceOfSatisfying(
                        CatalogRuleViolation.class, e -> assertThat(e.field()).isEqualTo("completionRule.minimum"));
    }

    @Test
    void importDecidesCreatedUnchangedOrRevisedByContent() {
        Credential c = published("c1", micro("Java", "p1"));

        assertThat(Credential.importDecision(null, micro("Java", "p1"))).isEqualTo(Change.CREATED);
        assertThat(Credential.importDecision(c, micro("Java", "p1"))).isEqualTo(Change.UNCHANGED);
        assertThat(Credential.importDecision(c, withTitle(micro("Java", "p1"), "Java!")))
                .isEqualTo(Change.REVISED);
    }

    @Test
    void stagesRaisedEventsOnceIntoPendingEvents() {
        Credential c = published("c1", micro("Java", "p1"));
        List<String> staged = new java.util.ArrayList<>();

        c.stageEvents(raised -> {
            raised.forEach(e -> staged.add(e.getClass().getSimpleName()));
            return raised.stream()
                    .map(e -> new org.credstack.runtime.PendingEvent("id", "t", "k", Map.of(), "{}"))
                    .toList();
        });
        c.stageEvents(raised -> {
            staged.add("second staging saw " + raised.size());
            return List.of();
        });

        assertThat(staged).containsExactly("CredentialPublished", "second staging saw 0");
        assertThat(c.pendingEvents()).hasSize(1);
    }

    private Credential published(String id, CredentialDraft content, String... componentsToCreate) {
        for (String component : componentsToCreate) {
            published(component, micro(component, "p1"));
        }
        Credential c = Credential.draft(id, null, content, refs, T0);
        c.publish(refs, T1);
        refs.add(c);
        return c;
    }

    /** The catalog around the credential under test: provider p1 and whatever credentials were added. */
    @Test
    void refusesRevisionThatMovesThePublishedCredentialToAnotherProvider() {
        Credential c = Credential.draft("c1", null, micro("Java", "p1"), refs, T0);
        c.publish(refs, T1);

        assertThatThrownBy(() -> c.revise(micro("Java", "p2"), refs, T2))
                .isInstanceOfSatisfying(
                        CatalogRuleViolation.class, e -> assertThat(e.field()).isEqualTo("providerId"));
        assertThat(c.versions()).hasSize(1);
        assertThat(c.content().providerId()).isEqualTo("p1");
    }

    static final class Refs implements CatalogReferences {
        final Map<String, Component> credentials = new HashMap<>();

        void add(Credential c) {
            credentials.put(c.id(), c.asComponent());
        }

        void addComponent(String id, List<String> componentIds) {
            credentials.put(id, new Component(id, Status.PUBLISHED, componentIds));
        }

        @Override
        public Optional<ProviderSnapshot> provider(String providerId) {
            return "p1".equals(providerId)
                    ? Optional.of(new ProviderSnapshot("p1", "Acme", null, null, "Europe/London"))
                    : Optional.empty();
        }

        @Override
        public Optional<Component> credential(String credentialId) {
            return Optional.ofNullable(credentials.get(credentialId));
        }
    }
}
