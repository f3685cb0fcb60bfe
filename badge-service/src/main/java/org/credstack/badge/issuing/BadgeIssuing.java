package org.credstack.badge.issuing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credstack.badge.BadgeProperties;
import org.credstack.badge.catalog.CatalogReplica;
import org.credstack.badge.issuer.IssuerKey;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.schema.OpenBadgeSchemaValidator;
import org.credstack.badge.schema.SchemaViolation;
import org.credstack.badge.signing.DataIntegritySigner;
import org.credstack.badge.signing.ProofOptions;
import org.credstack.events.EventEnvelope;
import org.credstack.events.badge.BadgeIssued;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.enrollment.EnrollmentCompleted;
import org.credstack.runtime.Outbox;
import org.credstack.runtime.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issues an Open Badges 3.0 {@code OpenBadgeCredential} when an enrollment completes (docs/architecture.md, journey
 * step 5): builds it from the catalog version the learner completed, validates it against the OB 3.0
 * schema, signs it with the provider's key ({@code eddsa-rdfc-2022}), stores it and announces {@link
 * BadgeIssued} on {@code badge.events.v1} through the outbox.
 *
 * <p>Exactly one credential per enrollment, however often the event is delivered: a {@code ce_id}
 * already handled is dropped, an enrollment that already has a badge is not issued again, and the
 * unique index on {@code badges.enrollmentId} settles concurrent duplicates.
 *
 * <p>A renewal ({@code renewalOf} set) is issued like any award, for the same achievement and learner, with its
 * validity counted as {@link #validityStart} says; the renewed badge is left as it is, so it stays in the learner's
 * history, its public link keeps working and it verifies as {@code expired} once its own {@code validUntil} passes.
 *
 * <p>Errors: {@code CatalogVersionMissingException} (retried, then dead-lettered) when the replica lacks
 * the completed version; {@code IssuedCredentialInvalidException} (dead-lettered at once) when the built
 * credential breaks the schema; {@link IllegalArgumentException} for catalog data that cannot make a
 * credential (bad validity period or zone).
 */
@Service
public class BadgeIssuing {

    private static final Logger log = LoggerFactory.getLogger(BadgeIssuing.class);

    private final CatalogReplica catalog;
    private final Issuers issuers;
    private final IssuedCredentials credentials;
    private final ProcessedEvents processed;
    private final OpenBadgeSchemaValidator schema;
    private final DataIntegritySigner signer;
    private final Outbox outbox;
    private final BadgeProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    BadgeIssuing(
            CatalogReplica catalog,
            Issuers issuers,
            IssuedCredentials credentials,
            ProcessedEvents processed,
            OpenBadgeSchemaValidator schema,
            DataIntegritySigner signer,
            Outbox outbox,
            BadgeProperties properties,
            JsonMapper json,
            Clock clock) {
        this.catalog = catalog;
        this.issuers = issuers;
        this.credentials = credentials;
        this.processed = processed;
        this.schema = schema;
        this.signer = signer;
        this.outbox = outbox;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Handles an event from {@code enrollment.events.v1}; only {@code EnrollmentCompleted} leads to a
     * badge, the other enrollment events are not the badge service's business.
     */
    public void handle(EventEnvelope<?> envelope) {
        if (envelope.data() instanceof EnrollmentCompleted completed) {
            issue(envelope.id(), envelope.type(), completed);
        }
    }

    private void issue(UUID eventId, String type, EnrollmentCompleted completed) {
        if (processed.contains(eventId)) {
            return;
        }
        String issued = credentials.existsForEnrollment(completed.enrollmentId()) ? null : store(completed);
        processed.remember(eventId, type);
        if (issued != null) {
            outbox.publish(Badge.COLLECTION, issued);
        }
    }

    /** Issues and stores the credential; returns its id, or null when a concurrent delivery stored it first. */
    private String store(EnrollmentCompleted completed) {
        CredentialSnapshot credential = catalog.version(completed.credentialId(), completed.credentialVersion())
                .orElseThrow(() -> new CatalogVersionMissingException(
                        completed.credentialId(), completed.credentialVersion(), completed.enrollmentId()));
        IssuerKey key = issuers.signingKey(credential.provider().id());
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        Award award = new Award(
                properties.url("/credentials/" + id),
                key.issuerId(),
                achievementId(credential),
                credential,
                completed.occurredAt(),
                ValidityPeriod.validUntil(
                                validityStart(completed),
                                credential.validityPeriod(),
                                credential.provider().timeZone())
                        .orElse(null),
                completed.recipientEmail(),
                IdentityHash.newSalt());
        ObjectNode signed = signer.sign(
                OpenBadgeCredentials.unsigned(award),
                ProofOptions.assertionMethod(key.verificationMethod(), now),
                key.privateKey());
        List<SchemaViolation> violations = schema.validate(signed);
        if (!violations.isEmpty()) {
            throw new IssuedCredentialInvalidException(completed.enrollmentId(), violations);
        }
        BadgeIssued issued = new BadgeIssued(
                award.credentialUrl(),
                completed.learnerId(),
                completed.enrollmentId(),
                completed.credentialId(),
                credential.title(),
                completed.recipientEmail(),
                completed.recipientName(),
                award.credentialUrl(),
                award.validFrom(),
                award.validUntil(),
                credential.renewalPolicy() == null
                        ? List.of()
                        : credential.renewalPolicy().reminderDaysBefore(),
                completed.renewalOf(),
                now);
        Badge badge = Badge.issue(
                id,
                credential.provider().id(),
                credential.version(),
                json.writeValueAsString(signed),
                issued,
                outbox.stage(List.of(issued)).getFirst());
        try {
            credentials.insert(badge);
            log.info("issued {} for enrollment {}", award.credentialUrl(), completed.enrollmentId());
            return id;
        } catch (DuplicateKeyException concurrentDuplicate) {
            log.info("enrollment {} got its badge from a concurrent delivery", completed.enrollmentId());
            return null;
        }
    }

    /**
     * Where the validity period is counted from (docs/lifecycle/renewal.md): the completion for an initial award and
     * for a renewal completed after the renewed badge's {@code validUntil} (lapsed, in the grace period); the renewed
     * badge's {@code validUntil} for a renewal completed before it, so renewing early loses no time. {@code validFrom}
     * and {@code awardedDate} stay the completion either way.
     *
     * @throws IllegalArgumentException if {@code renewalOf} names no badge issued here, or one of another learner or
     *     credential (dead-lettered at once: the same record fails every time)
     */
    private Instant validityStart(EnrollmentCompleted completed) {
        if (completed.renewalOf() == null) {
            return completed.occurredAt();
        }
        Badge renewed = credentials
                .byCredentialUrl(completed.renewalOf())
                .orElseThrow(() -> new IllegalArgumentException("enrollment " + completed.enrollmentId() + " renews "
                        + completed.renewalOf() + ", which was not issued here"));
        if (!renewed.learnerId().equals(completed.learnerId())
                || !renewed.credentialId().equals(completed.credentialId())) {
            throw new IllegalArgumentException("enrollment " + completed.enrollmentId() + " renews "
                    + completed.renewalOf() + ", a badge of another learner or credential");
        }
        boolean early = renewed.validUntil() != null && completed.occurredAt().isBefore(renewed.validUntil());
        return early ? renewed.validUntil() : completed.occurredAt();
    }

    private String achievementId(CredentialSnapshot credential) {
        return properties.url("/achievements/"
                + UriUtils.encodePathSegment(credential.id(), StandardCharsets.UTF_8)
                + "/versions/" + credential.version());
    }
}
