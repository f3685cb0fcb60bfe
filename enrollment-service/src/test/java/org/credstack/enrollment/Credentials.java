package org.credstack.enrollment;

import java.time.Instant;
import java.util.List;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.Assignment;
import org.credstack.events.catalog.CredentialSnapshot.CompletionRule;
import org.credstack.events.catalog.CredentialSnapshot.ComponentRule;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.credstack.events.catalog.MoveOn;

/** Credential snapshots as the catalog publishes them, for tests. */
public final class Credentials {

    public static final Instant PUBLISHED_AT = Instant.parse("2026-01-05T09:00:00Z");

    private Credentials() {}

    /** A published micro-credential with the given assignments and completion rule. */
    public static CredentialSnapshot snapshot(
            String id, int version, String status, CompletionRule rule, Assignment... assignments) {
        return new CredentialSnapshot(
                id,
                version,
                status,
                null,
                "Data Literacy " + id,
                "Read and question data.",
                "MICRO_CREDENTIAL",
                "TECHNICAL",
                new ProviderSnapshot("provider-1", "Open Academy", "https://academy.example", null, "Europe/London"),
                List.of("data literacy"),
                List.of(),
                List.of("ONLINE"),
                "Beginner",
                "PT10H",
                null,
                List.of(assignments),
                rule,
                "P2Y",
                null,
                null,
                null,
                PUBLISHED_AT);
    }

    /**
     * A published stack as the catalog imports a CTDL pathway: no assignments, and a rule requiring {@code first} and
     * one of {@code electives}.
     */
    public static CredentialSnapshot stack(String id, String first, String... electives) {
        ComponentRule rule = new ComponentRule(
                "Requires 2 of 2 items",
                2,
                List.of(first),
                List.of(new ComponentRule(
                        "Requires 1 of " + electives.length + " items", 1, List.of(electives), null)));
        return new CredentialSnapshot(
                id,
                1,
                "PUBLISHED",
                null,
                "Data Analyst Pathway " + id,
                "Earned from its components.",
                "STACK",
                "TECHNICAL",
                new ProviderSnapshot("provider-1", "Open Academy", "https://academy.example", null, "Europe/London"),
                List.of(),
                List.of(),
                List.of("ONLINE"),
                null,
                null,
                null,
                List.of(),
                null,
                "P2Y",
                null,
                null,
                rule,
                PUBLISHED_AT);
    }

    /** An assignment tracked by a partner at {@code https://lms.example/activities/<id>}. */
    public static Assignment tracked(String id, String moveOn, Double masteryScore) {
        return new Assignment(
                id, "Module " + id, "https://lms.example/activities/" + id, MoveOn.valueOf(moveOn), masteryScore);
    }

    /** A self-paced assignment nobody reports: the learner marks it done. */
    public static Assignment selfPaced(String id) {
        return new Assignment(id, "Reading " + id, null, MoveOn.NotApplicable, null);
    }

    public static CompletionRule all() {
        return new CompletionRule("ALL", null);
    }

    public static CompletionRule atLeast(int minimum) {
        return new CompletionRule("AT_LEAST", minimum);
    }

    /** The snapshot with another validity period ({@code null}: never expires) and renewal policy. */
    public static CredentialSnapshot renewable(
            CredentialSnapshot s, String validityPeriod, CredentialSnapshot.RenewalPolicy policy) {
        return new CredentialSnapshot(
                s.id(),
                s.version(),
                s.status(),
                s.ctid(),
                s.title(),
                s.description(),
                s.kind(),
                s.category(),
                s.provider(),
                s.skills(),
                s.alignments(),
                s.deliveryModes(),
                s.level(),
                s.estimatedDuration(),
                s.cost(),
                s.assignments(),
                s.completionRule(),
                validityPeriod,
                policy,
                s.image(),
                s.stackRule(),
                s.publishedAt());
    }

    /** The snapshot offered by another provider ({@code id}, named "Other Academy"). */
    public static CredentialSnapshot ofProvider(CredentialSnapshot s, String providerId) {
        return new CredentialSnapshot(
                s.id(),
                s.version(),
                s.status(),
                s.ctid(),
                s.title(),
                s.description(),
                s.kind(),
                s.category(),
                new ProviderSnapshot(providerId, "Other Academy", "https://other.example", null, "Europe/London"),
                s.skills(),
                s.alignments(),
                s.deliveryModes(),
                s.level(),
                s.estimatedDuration(),
                s.cost(),
                s.assignments(),
                s.completionRule(),
                s.validityPeriod(),
                s.renewalPolicy(),
                s.image(),
                s.stackRule(),
                s.publishedAt());
    }
}
