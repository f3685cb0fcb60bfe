package org.credstack.enrollment.held;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credstack.enrollment.ServiceIT;
import org.credstack.events.EventEnvelope;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.badge.BadgeRevoked;
import org.credstack.testsupport.StoreCommands;
import org.credstack.testsupport.StoreCommands.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The replica of the credentials learners hold is idempotent by its writes alone: a redelivered issuance, even after
 * the revocation, leaves the credential revoked, and each event costs one upsert and no read.
 */
class HeldCredentialsIT extends ServiceIT {

    static final Instant ISSUED = Instant.parse("2026-11-02T10:00:00Z");

    @Autowired
    HeldCredentials held;

    @Autowired
    StoreCommands store;

    @Test
    void aRedeliveredIssuanceAfterTheRevocationLeavesTheCredentialRevokedWithOneWritePerEvent() {
        String badgeId = "https://badges.example/credentials/" + UUID.randomUUID();
        String learnerId = unique("learner");
        EventEnvelope<BadgeIssued> issuance = EventEnvelope.wrap(
                new BadgeIssued(
                        badgeId,
                        learnerId,
                        unique("enrollment"),
                        "cred-1",
                        "Data Literacy",
                        "ada@example.org",
                        "Ada",
                        badgeId,
                        ISSUED,
                        null,
                        List.of(),
                        null,
                        ISSUED),
                UUID.randomUUID(),
                ISSUED);
        EventEnvelope<BadgeRevoked> revocation = EventEnvelope.wrap(
                new BadgeRevoked(badgeId, learnerId, "issued in error", ISSUED.plusSeconds(60)),
                UUID.randomUUID(),
                ISSUED.plusSeconds(60));

        List<Command> commands;
        try (StoreCommands.Recording recording = store.record()) {
            held.apply(issuance);
            held.apply(revocation);
            held.apply(issuance); // redelivered
            commands = recording.commands();
        }

        HeldCredential credential = held.find(badgeId).orElseThrow();
        assertThat(credential.revoked()).isTrue();
        assertThat(credential.learnerId()).isEqualTo(learnerId);
        assertThat(commands.stream().filter(c -> c.json().contains(badgeId)))
                .extracting(Command::name)
                .containsExactly("update", "update", "update");
        assertThat(commands).noneMatch(c -> c.collection().equals("processedEvents"));
    }
}
