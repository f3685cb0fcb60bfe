package org.credstack.catalog.credential;

import java.util.List;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;

/** Maps a published version to the {@link CredentialSnapshot} that catalog events carry. */
final class Snapshots {

    private Snapshots() {}

    static CredentialSnapshot of(String id, Status status, PublishedVersion version, ProviderSnapshot provider) {
        CredentialDraft c = version.content();
        return new CredentialSnapshot(
                id,
                version.version(),
                status.name(),
                c.ctid(),
                c.title(),
                c.description(),
                c.kind().name(),
                c.category().name(),
                provider,
                c.skills(),
                c.alignments().stream().map(Snapshots::alignment).toList(),
                c.deliveryModes().stream().map(Enum::name).sorted().toList(),
                c.level(),
                c.estimatedDuration(),
                c.cost() == null
                        ? null
                        : new CredentialSnapshot.Cost(
                                c.cost().amount(), c.cost().currency()),
                assignments(c.assignments()),
                new CredentialSnapshot.CompletionRule(
                        c.completionRule().type().name(), c.completionRule().minimum()),
                c.validityPeriod() == null ? null : c.validityPeriod().toString(),
                renewal(c.renewalPolicy()),
                c.image(),
                c.stackRule() == null ? null : rule(c.stackRule()),
                version.publishedAt());
    }

    private static CredentialSnapshot.Alignment alignment(Alignment a) {
        return new CredentialSnapshot.Alignment(
                a.framework(), a.frameworkVersion(), a.code(), a.targetUrl(), a.label());
    }

    private static List<CredentialSnapshot.Assignment> assignments(List<Assignment> assignments) {
        return assignments.stream()
                .map(a -> new CredentialSnapshot.Assignment(
                        a.id(), a.title(), a.activityId(), a.moveOn(), a.masteryScore()))
                .toList();
    }

    private static CredentialSnapshot.RenewalPolicy renewal(RenewalPolicy r) {
        if (r == null) {
            return null;
        }
        return new CredentialSnapshot.RenewalPolicy(
                r.renewalWindow() == null ? null : r.renewalWindow().toString(),
                r.description(),
                assignments(r.requirements()),
                r.reminderDaysBefore(),
                r.gracePeriod() == null ? null : r.gracePeriod().toString());
    }

    private static CredentialSnapshot.ComponentRule rule(ComponentRule r) {
        return new CredentialSnapshot.ComponentRule(
                r.label(),
                r.requiredNumber(),
                r.credentialIds(),
                r.rules().stream().map(Snapshots::rule).toList());
    }
}
