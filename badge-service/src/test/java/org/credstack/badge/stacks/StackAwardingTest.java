package org.credstack.badge.stacks;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credstack.badge.catalog.CatalogReplica;
import org.credstack.badge.issuing.BadgeIssuing;
import org.credstack.badge.issuing.IssuedCredentials;
import org.credstack.events.EventEnvelope;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.runtime.ProcessedEvents;
import org.junit.jupiter.api.Test;

/** What reading a {@code BadgeIssued} back costs when the credential is in no stack: nothing is stored or read. */
class StackAwardingTest {

    final CatalogReplica catalog = mock(CatalogReplica.class);
    final IssuedCredentials credentials = mock(IssuedCredentials.class);
    final ProcessedEvents processed = mock(ProcessedEvents.class);
    final StackAwarding stacks =
            new StackAwarding(catalog, credentials, mock(BadgeIssuing.class), processed, Clock.systemUTC());

    static EventEnvelope<BadgeIssued> issued(String credentialId) {
        BadgeIssued event = new BadgeIssued(
                "badge-1",
                "learner-1",
                "enrollment-1",
                credentialId,
                "Data Literacy",
                "ada@example.org",
                "Ada",
                "https://badges.example/credentials/badge-1",
                Instant.parse("2026-12-01T00:00:00Z"),
                null,
                List.of(),
                null,
                Instant.parse("2026-12-01T00:00:00Z"));
        return EventEnvelope.wrap(event, UUID.randomUUID(), Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void aCredentialNoStackNamesIsNeitherEvaluatedNorRemembered() {
        when(catalog.stacksNaming("cred-alone")).thenReturn(List.of());

        stacks.handle(issued("cred-alone"));

        verifyNoInteractions(processed, credentials);
    }

    @Test
    void aCredentialSomeStackNamesIsRememberedOnceEvaluated() {
        when(catalog.stacksNaming("cred-component")).thenReturn(List.of("stack-1"));
        when(catalog.latest(any())).thenReturn(Optional.empty());
        EventEnvelope<BadgeIssued> envelope = issued("cred-component");

        stacks.handle(envelope);

        verify(processed).contains(envelope.id());
        verify(processed).remember(envelope.id(), envelope.type());
    }
}
