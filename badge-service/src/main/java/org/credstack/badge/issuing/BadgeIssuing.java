package org.credstack.badge.issuing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
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
 * <p>{@link #issue(Issuance)} is the one way a credential is built and stored; the stack award uses it too.
 *
 * <p>Exactly one credential per enrollment, however often the event is delivered, and also after it was revoked:
 * an enrollment that already has a badge is not issued again (badges are never deleted, so the badge itself is the
 * record that the completion was handled; no {@code processedEvents} entry is kept), and the unique index on {@code
 * badges.enrollmentId} settles concurrent duplicates.
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
    private final OpenBadgeSchemaValidator schema;
    private final DataIntegritySigner signer;
    private final Outbox outbox;
    private final StatusLists statusLists;
    private final BadgeProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final IssuingMetrics metrics;

    BadgeIssuing(
            CatalogReplica catalog,
            Issuers issuers,
            IssuedCredentials credentials,
            OpenBadgeSchemaValidator schema,
            DataIntegritySigner signer,
            Outbox outbox,
            StatusLists statusLists,
            BadgeProperties properties,
            JsonMapper json,
            Clock clock,
            IssuingMetrics metrics) {
        this.metrics = metrics;
        this.catalog = catalog;
        this.issuers = issuers;
        this.credentials = credentials;
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
            issue(envelope.time(), completed);
        }
    }

    private void issue(Instant completionSaved, EnrollmentCompleted completed) {
        if (credentials.existsForEnrollment(completed.enrollmentId())) {
            // also when that badge was revoked: a completion earns one credential; a new enrollment earns a new one
            log.info("enrollment {} already has its badge: not issued again", completed.enrollmentId());
            return;
        }
        CredentialSnapshot credential = catalog.version(completed.credentialId(), completed.credentialVersion())
                .orElseThrow(() -> new CatalogVersionMissingException(
                        completed.credentialId(), completed.credentialVersion(), completed.enrollmentId()));
        if (issueUnchecked(Issuance.of(completed, credential)).isPresent()) {
            metrics.completedAt(completionSaved);
        }
    }

    /**
     * Builds, validates, signs and stores one credential with its {@link BadgeIssued}, and has the outbox publish it:
     * the one way every credential is issued, an enrollment's and a stack's alike.
     *
     * @return the new credential's id ({@code <base>/credentials/{uuid}}), or empty when a badge under the same
     *     business key ({@link Issuance#awardKey()}) exists, also when a concurrent issuing stored it first
     * @throws IssuedCredentialInvalidException if the built credential breaks the OB 3.0 schema
     * @throws IllegalArgumentException for catalog data that cannot make a credential (bad validity period or zone)
     */
    public Optional<String> issue(Issuance issuance) {
        if (credentials.existsForEnrollment(issuance.awardKey())) {
            return Optional.empty();
        }
        return issueUnchecked(issuance);
    }

    /** {@link #issue(Issuance)} once its caller has found no badge under the award key. */
    private Optional<String> issueUnchecked(Issuance issuance) {
        Badge badge = store(issuance);
        if (badge == null) {
            return Optional.empty();
        }
        metrics.issued(issuance);
        outbox.publish(Badge.COLLECTION, badge.id(), badge.pendingEvents());
        return Optional.of(properties.url("/credentials/" + badge.id()));
    }

    /** Issues and stores the credential; returns the stored badge, or null when a concurrent issuing stored it first. */
    private Badge store(Issuance issuance) {
        CredentialSnapshot credential = issuance.credential();
        IssuerKey key = issuers.signingKey(credential.provider().id());
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        Award award = new Award(
                properties.url("/credentials/" + id),
                key.issuerId(),
                achievementId(credential),
                credential,
                issuance.validFrom(),
                ValidityPeriod.validUntil(
                                validityStart(issuance),
                                credential.validityPeriod(),
                                credential.provider().timeZone())
                        .orElse(null),
                issuance.recipientEmail(),
                IdentityHash.newSalt(),
                statusLists.allocate(credential.provider().id()),
                issuance.narrative(),
                issuance.components().stream().map(this::componentAchievement).toList());
        ObjectNode signed = signer.sign(
                OpenBadgeCredentials.unsigned(award),
                ProofOptions.assertionMethod(key.verificationMethod(), now),
                key.privateKey());
        List<SchemaViolation> violations = schema.validate(signed);
        if (!violations.isEmpty()) {
            throw new IssuedCredentialInvalidException(issuance.awardKey(), violations);
        }
        BadgeIssued issued = new BadgeIssued(
                award.credentialUrl(),
                issuance.learnerId(),
                issuance.awardKey(),
                credential.id(),
                credential.title(),
                issuance.recipientEmail(),
                issuance.recipientName(),
                award.credentialUrl(),
                award.validFrom(),
                award.validUntil(),
                credential.renewalPolicy() == null
                        ? List.of()
                        : credential.renewalPolicy().reminderDaysBefore(),
                issuance.renewalOf(),
                now);
        Badge badge = Badge.issue(
                id,
                credential.provider().id(),
                credential.version(),
                json.writeValueAsString(signed),
                issued,
                award.status(),
                issuance.components().stream().map(HeldCredential::id).toList(),
                outbox.stage(List.of(issued)).getFirst());
        try {
            credentials.insert(badge);
            log.info("issued {} for {}", award.credentialUrl(), issuance.awardKey());
            return badge;
        } catch (DuplicateKeyException concurrentDuplicate) {
            log.info("{} got its badge from a concurrent issuing", issuance.awardKey());
            return null;
        }
    }

    /** The component's achievement as its own signed credential names it. */
    private ComponentAchievement componentAchievement(HeldCredential component) {
        JsonNode achievement = json.readTree(component.signedCredential())
                .path("credentialSubject")
                .path("achievement");
        return new ComponentAchievement(
                achievement.path("id").asString(), achievement.path("name").asString(null), component.credentialId());
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
    private Instant validityStart(Issuance issuance) {
        if (issuance.renewalOf() == null) {
            return issuance.validFrom();
        }
        Badge renewed = credentials
                .byCredentialUrl(issuance.renewalOf())
                .orElseThrow(() -> new IllegalArgumentException("award " + issuance.awardKey() + " renews "
                        + issuance.renewalOf() + ", which was not issued here"));
        if (!renewed.learnerId().equals(issuance.learnerId())
                || !renewed.credentialId().equals(issuance.credential().id())) {
            throw new IllegalArgumentException("award " + issuance.awardKey() + " renews " + issuance.renewalOf()
                    + ", a badge of another learner or credential");
        }
        boolean early = renewed.validUntil() != null && issuance.validFrom().isBefore(renewed.validUntil());
        return early ? renewed.validUntil() : issuance.validFrom();
    }

    private String achievementId(CredentialSnapshot credential) {
        return properties.url("/achievements/"
                + UriUtils.encodePathSegment(credential.id(), StandardCharsets.UTF_8)
                + "/versions/" + credential.version());
    }
}
