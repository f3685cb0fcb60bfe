package org.credstack.catalog.credential;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.credstack.catalog.provider.ProviderDraft;
import org.credstack.events.catalog.MoveOn;

/** Valid drafts to start tests from. */
final class TestDrafts {

    private TestDrafts() {}

    static ProviderDraft provider(String name) {
        return new ProviderDraft(name, "https://example.org/" + name.replace(' ', '-'), null, "Europe/London");
    }

    static CredentialDraft micro(String title, String providerId) {
        return new CredentialDraft(
                title,
                "Learn " + title,
                Kind.MICRO_CREDENTIAL,
                Category.TECHNICAL,
                providerId,
                null,
                List.of("Java"),
                List.of(),
                Set.of(DeliveryMode.ONLINE),
                "Beginner",
                "PT10H",
                new Cost(new BigDecimal("49.00"), "EUR"),
                List.of(assignment("a1")),
                null,
                Period.ofYears(2),
                null,
                null,
                null);
    }

    static CredentialDraft stack(String title, String providerId, String... componentIds) {
        return new CredentialDraft(
                title,
                "Stack of " + String.join(", ", componentIds),
                Kind.STACK,
                Category.TECHNICAL,
                providerId,
                null,
                List.of(),
                List.of(),
                Set.of(DeliveryMode.ONLINE),
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                new ComponentRule("all of them", componentIds.length, List.of(componentIds), List.of()));
    }

    static Assignment assignment(String id) {
        return new Assignment(id, "Task " + id, "https://example.org/activities/" + id, MoveOn.Completed, null);
    }

    static CredentialDraft withTitle(CredentialDraft d, String title) {
        return new CredentialDraft(
                title,
                d.description(),
                d.kind(),
                d.category(),
                d.providerId(),
                d.ctid(),
                d.skills(),
                d.alignments(),
                d.deliveryModes(),
                d.level(),
                d.estimatedDuration(),
                d.cost(),
                d.assignments(),
                d.completionRule(),
                d.validityPeriod(),
                d.renewalPolicy(),
                d.image(),
                d.stackRule());
    }
}
