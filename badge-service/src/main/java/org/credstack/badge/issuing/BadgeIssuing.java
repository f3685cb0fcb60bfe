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
import org.credstack.badge.status.StatusLists;
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
 * <p>Every credential carries a {@code credentialStatus} entry in its provider's revocation status list ({@link
 * StatusLists#allocate}, one {@code findAndModify} per credential).
 *
 * <p>Exactly one credential per enrollment, however often the event is delivered, and also after it was revoked: a {@code ce_id}
 * already handled is dropped, an enrollment that already has a badge is not issued again, and the
 * unique index on {@code badges.enrollmentId} settles concurrent duplicates.
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
    private final StatusLists statusLists;
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
            StatusLists statusLists,
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
        this.statusLists = statusLists;
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
        String issued;
        if (credentials.existsForEnrollment(completed.enrollmentId())) {
            // also when that badge was revoked: a completion earns one credential; a new enrollment earns a new one
            log.info("enrollment {} already has its badge: not issued again", completed.enrollmentId());
            issued = null;
        } else {
            issued = store(completed);
        }
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
                                completed.occurredAt(),
                                credential.validityPeriod(),
                                credential.provider().timeZone())
                        .orElse(null),
                completed.recipientEmail(),
                IdentityHash.newSalt(),
                statusLists.allocate(credential.provider().id()));
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
                award.status(),
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

    private String achievementId(CredentialSnapshot credential) {
        return properties.url("/achievements/"
                + UriUtils.encodePathSegment(credential.id(), StandardCharsets.UTF_8)
                + "/versions/" + credential.version());
    }
}
