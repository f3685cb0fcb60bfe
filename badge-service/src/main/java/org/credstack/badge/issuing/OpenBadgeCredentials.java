package org.credstack.badge.issuing;

import java.util.List;
import java.util.stream.Collectors;
import org.credstack.badge.status.StatusListEntry;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.Alignment;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the unsigned Open Badges 3.0 {@code OpenBadgeCredential} (OB 3.0 §B.1.1 AchievementCredential,
 * VC Data Model 2.0) of an {@link Award}:
 *
 * <pre>{@code
 * { "@context": ["https://www.w3.org/ns/credentials/v2",
 *                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
 *   "id": "<base>/credentials/<uuid>",
 *   "type": ["VerifiableCredential", "OpenBadgeCredential"],
 *   "issuer": { "id": "<base>/issuers/<providerId>", "type": ["Profile"], "name", "url", "email" },
 *   "validFrom": "2024-01-31T10:00:00Z", "validUntil": "2024-02-29T10:00:00Z",   // no validUntil: never expires
 *   "awardedDate": "2024-01-31T10:00:00Z",
 *   "credentialStatus": { "id": "<base>/status-lists/<providerId>/0#17", "type": "BitstringStatusListEntry",
 *                         "statusPurpose": "revocation", "statusListIndex": "17",
 *                         "statusListCredential": "<base>/status-lists/<providerId>/0" },
 *   "name": "<title>",
 *   "credentialSubject": {
 *     "type": ["AchievementSubject"],
 *     "identifier": [{ "type": "IdentityObject", "identityHash": "sha256$...", "identityType": "emailAddress",
 *                      "hashed": true, "salt": "..." }],
 *     "achievement": { "id", "type": ["Achievement"], "achievementType": "MicroCredential", "name",
 *                      "description", "criteria": { "narrative" }, "image": { "id", "type": "Image" },
 *                      "alignment": [{ "type": ["Alignment"], "targetName", "targetUrl", "targetCode",
 *                                      "targetFramework" }], "tag": [...], "version": "3" } } }
 * }</pre>
 *
 * <p>{@code credentialStatus} is a Bitstring Status List v1.0 §2.1 {@code BitstringStatusListEntry} (terms of the
 * VC 2.0 context; OB 3.0's schema asks its {@code id}); {@code statusListIndex} is a string, as the specification
 * says.
 *
 * <p>Optional fields without a value are left out, never written as {@code null}. An alignment without a
 * {@code targetUrl} is left out too: OB 3.0 requires one.
 *
 * <p>A stack's credential names its components twice: in words in {@code criteria.narrative}, and as one {@code
 * Alignment} per component achievement with {@code targetType} {@code ceterms:Credential} (OB 3.0 §B.1.4
 * AlignmentTargetType: "an alignment to a CTDL Credential"), {@code targetUrl} the component's achievement id,
 * {@code targetName} its name and {@code targetCode} its catalog credential id.
 */
final class OpenBadgeCredentials {

    static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private OpenBadgeCredentials() {}

    static ObjectNode unsigned(Award award) {
        CredentialSnapshot credential = award.credential();
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putArray("@context").add(CREDENTIALS_V2).add(OB_V3P0);
        document.put("id", award.credentialUrl());
        document.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        document.set("issuer", issuer(award.issuerId(), credential.provider()));
        document.put("validFrom", award.validFrom().toString());
        if (award.validUntil() != null) {
            document.put("validUntil", award.validUntil().toString());
        }
        document.put("awardedDate", award.validFrom().toString());
        document.set("credentialStatus", credentialStatus(award.status()));
        document.put("name", credential.title());
        ObjectNode subject = document.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        ObjectNode identity = subject.putArray("identifier").addObject();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", IdentityHash.ofEmail(award.recipientEmail(), award.salt()));
        identity.put("identityType", "emailAddress");
        identity.put("hashed", true);
        identity.put("salt", award.salt());
        subject.set("achievement", achievement(award, credential));
        return document;
    }

    private static ObjectNode credentialStatus(StatusListEntry entry) {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("id", entry.id());
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", StatusListEntry.REVOCATION);
        status.put("statusListIndex", String.valueOf(entry.index()));
        status.put("statusListCredential", entry.statusListCredential());
        return status;
    }

    private static ObjectNode issuer(String issuerId, ProviderSnapshot provider) {
        ObjectNode issuer = JsonNodeFactory.instance.objectNode();
        issuer.put("id", issuerId);
        issuer.putArray("type").add("Profile");
        putIfPresent(issuer, "name", provider.name());
        putIfPresent(issuer, "url", provider.url());
        putIfPresent(issuer, "email", provider.email());
        return issuer;
    }

    private static ObjectNode achievement(Award award, CredentialSnapshot credential) {
        ObjectNode achievement = JsonNodeFactory.instance.objectNode();
        achievement.put("id", award.achievementId());
        achievement.putArray("type").add("Achievement");
        if ("MICRO_CREDENTIAL".equals(credential.kind())) {
            achievement.put("achievementType", "MicroCredential");
        }
        achievement.put("name", credential.title());
        achievement.put(
                "description", isBlank(credential.description()) ? credential.title() : credential.description());
        achievement
                .putObject("criteria")
                .put("narrative", award.narrative() != null ? award.narrative() : narrative(credential));
        if (!isBlank(credential.image())) {
            ObjectNode image = achievement.putObject("image");
            image.put("id", credential.image());
            image.put("type", "Image");
        }
        ArrayNode alignments = JsonNodeFactory.instance.arrayNode();
        credential.alignments().stream()
                .filter(a -> !isBlank(a.targetUrl()))
                .forEach(a -> alignments.add(alignment(a)));
        award.components().forEach(c -> alignments.add(componentAlignment(c)));
        if (!alignments.isEmpty()) {
            achievement.set("alignment", alignments);
        }
        if (!credential.skills().isEmpty()) {
            ArrayNode tags = achievement.putArray("tag");
            credential.skills().forEach(tags::add);
        }
        achievement.put("version", String.valueOf(credential.version()));
        return achievement;
    }

    private static ObjectNode alignment(Alignment alignment) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("type").add("Alignment");
        node.put("targetName", firstPresent(alignment.label(), alignment.code(), alignment.targetUrl()));
        node.put("targetUrl", alignment.targetUrl());
        putIfPresent(node, "targetCode", alignment.code());
        putIfPresent(node, "targetFramework", alignment.framework());
        return node;
    }

    private static ObjectNode componentAlignment(ComponentAchievement component) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("type").add("Alignment");
        node.put("targetName", firstPresent(component.name(), component.achievementId()));
        node.put("targetUrl", component.achievementId());
        node.put("targetType", "ceterms:Credential");
        putIfPresent(node, "targetCode", component.credentialId());
        return node;
    }

    /** What earned the award, in words, from the completion rule and assignment titles. */
    static String narrative(CredentialSnapshot credential) {
        List<CredentialSnapshot.Assignment> assignments = credential.assignments();
        if (assignments.isEmpty()) {
            return "Completed the requirements of " + credential.title() + ".";
        }
        String titles = assignments.stream()
                .map(a -> isBlank(a.title()) ? a.id() : a.title())
                .collect(Collectors.joining("; "));
        var rule = credential.completionRule();
        if (rule != null && "AT_LEAST".equals(rule.type()) && rule.minimum() != null) {
            return "Completed at least " + rule.minimum() + " of " + assignments.size() + " assignments: " + titles
                    + ".";
        }
        return "Completed all " + assignments.size() + " assignments: " + titles + ".";
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (!isBlank(value)) {
                return value;
            }
        }
        return null;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (!isBlank(value)) {
            node.put(field, value);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
