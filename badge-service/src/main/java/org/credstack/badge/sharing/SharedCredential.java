package org.credstack.badge.sharing;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.credstack.badge.issuing.HeldCredential;
import org.credstack.badge.issuing.Revocation;
import tools.jackson.databind.JsonNode;

/**
 * What a download of an issued credential shows, read from the signed {@code OpenBadgeCredential} (OB 3.0 §B.1.1)
 * exactly as issued, plus its revocation and the issuer's time zone.
 *
 * @param id the credential's uuid, the last segment of its URL
 * @param credentialUrl the credential's {@code id}, {@code <base>/credentials/{uuid}}: where its JSON-LD is served
 * @param signedCredential the signed credential JSON, exactly as issued; this is what the images embed
 * @param achievementName the achievement's {@code name}
 * @param criteria the achievement's {@code criteria.narrative}, or {@code null}
 * @param issuerName the issuer Profile's {@code name}, or its {@code id} when it has none
 * @param issuerUrl the issuer Profile's {@code url}, or {@code null}
 * @param recipient the recipient's name as the credential shows it ({@code credentialSubject.name} or an unhashed
 *     {@code IdentityObject} of {@code identityType} {@code name}); {@code null} when it names a hashed identifier
 *     only, as CredStack's credentials do
 * @param validFrom {@code validFrom} in {@code zone}
 * @param validUntil {@code validUntil} in {@code zone}; {@code null} when it never expires
 * @param zone the issuer's time zone (the provider's {@code timeZone}), UTC when unknown
 * @param revocation that, when and why it was revoked; {@code null} while it is not
 */
record SharedCredential(
        String id,
        String credentialUrl,
        String signedCredential,
        String achievementName,
        String criteria,
        String issuerName,
        String issuerUrl,
        String recipient,
        ZonedDateTime validFrom,
        ZonedDateTime validUntil,
        ZoneId zone,
        Revocation revocation) {

    /** Bump when the artwork or the certificate's layout changes, so cached copies and ETags change with it. */
    static final String DESIGN = "1";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /**
     * Reads the shared facts of a held credential.
     *
     * @param held the badge, with its signed credential
     * @param credential {@code held.signedCredential()} parsed
     * @param revocation its revocation, or {@code null}
     * @param zone the issuer's time zone
     */
    static SharedCredential of(HeldCredential held, JsonNode credential, Revocation revocation, ZoneId zone) {
        JsonNode achievement = credential.path("credentialSubject").path("achievement");
        JsonNode issuer = credential.path("issuer");
        return new SharedCredential(
                held.id(),
                held.publicUrl(),
                held.signedCredential(),
                firstPresent(text(achievement.path("name")), text(credential.path("name")), "Credential"),
                text(achievement.path("criteria").path("narrative")),
                firstPresent(text(issuer.path("name")), text(issuer.path("id")), text(issuer), "Unnamed issuer"),
                text(issuer.path("url")),
                recipient(credential.path("credentialSubject")),
                instant(credential.path("validFrom"), zone),
                instant(credential.path("validUntil"), zone),
                zone,
                revocation);
    }

    /** Whether the issuer revoked it. */
    boolean revoked() {
        return revocation != null;
    }

    /**
     * The entity tag of one rendering: it changes with the design and when the credential is revoked, and only then
     * (the signed credential itself never changes).
     *
     * @param kind {@code png}, {@code svg} or {@code pdf}
     */
    String etag(String kind) {
        String state = revoked() ? "revoked-" + revocation.revokedAt().getEpochSecond() : "issued";
        return "\"" + id + "-" + kind + "-" + state + "-d" + DESIGN + "\"";
    }

    /**
     * A download's file name: the achievement name in lower-case ASCII words joined by {@code -}, then {@code
     * suffix}, e.g. {@code occupational-therapy-assistant-badge.png}.
     */
    String fileName(String suffix) {
        String ascii = Normalizer.normalize(achievementName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60).replaceAll("-+$", "");
        }
        return (ascii.isEmpty() ? "credential" : ascii) + "-" + suffix;
    }

    /** A time as downloads show it, e.g. {@code 31 January 2024, 11:00}; {@code null} stays {@code null}. */
    static String shown(ZonedDateTime time) {
        return time == null ? null : SHOWN.format(time);
    }

    /** An instant shown in the issuer's zone. */
    String shown(Instant instant) {
        return shown(instant.atZone(zone));
    }

    private static String recipient(JsonNode subject) {
        String name = text(subject.path("name"));
        if (name != null) {
            return name;
        }
        for (JsonNode identifier : subject.path("identifier")) {
            if ("name".equals(text(identifier.path("identityType")))
                    && !identifier.path("hashed").asBoolean(false)) {
                return text(identifier.path("identityHash"));
            }
        }
        return null;
    }

    private static ZonedDateTime instant(JsonNode value, ZoneId zone) {
        String text = text(value);
        return text == null ? null : Instant.parse(text).atZone(zone);
    }

    private static String text(JsonNode value) {
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
