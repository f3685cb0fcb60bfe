package org.credstack.web.credential;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * What the public credential page shows, read from the signed {@code OpenBadgeCredential} (OB 3.0 §B.1.1) and
 * badge-service's verification report.
 *
 * @param id the credential id as in its URL ({@code <badge>/credentials/<id>})
 * @param pageUrl this page's public URL ({@code og:url}, LinkedIn {@code certUrl})
 * @param jsonLdUrl the credential's {@code id}: badge-service serves its JSON-LD there
 * @param recipient the recipient's name as the credential shows it, or {@code null} when it only names a hashed
 *     identifier
 * @param issuerName the issuer Profile's {@code name}
 * @param issuerUrl the issuer Profile's {@code url}, or {@code null}
 * @param achievementName the achievement's {@code name}
 * @param achievementDescription the achievement's {@code description}
 * @param criteria the achievement's {@code criteria.narrative}, or {@code null}
 * @param image the achievement's image URL, or {@code null}
 * @param validFrom {@code validFrom} in the issuer's time zone
 * @param validUntil {@code validUntil} in the issuer's time zone, {@code null} when it never expires
 * @param timeZone the zone the dates are shown in (the issuer's, or UTC when catalog-service cannot say)
 * @param verification the live verification, {@code null} when badge-service could not verify just now
 * @param standing {@code revoked}, {@code expired} or {@code null} for a credential in good standing
 * @param linkedInUrl LinkedIn's add-to-profile link for this credential
 */
public record CredentialPage(
        String id,
        URI pageUrl,
        String jsonLdUrl,
        String recipient,
        String issuerName,
        String issuerUrl,
        String achievementName,
        String achievementDescription,
        String criteria,
        String image,
        ZonedDateTime validFrom,
        ZonedDateTime validUntil,
        ZoneId timeZone,
        Verification verification,
        String standing,
        String linkedInUrl) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /**
     * The live verification result.
     *
     * @param status {@code verified}, {@code revoked}, {@code expired} or {@code invalid}
     * @param revokedAt when it was revoked, if it was
     * @param reason why, if it was revoked
     */
    public record Verification(String status, ZonedDateTime revokedAt, String reason) {}

    /**
     * Reads the page from a signed credential.
     *
     * @param id the credential id of the URL
     * @param credential the credential's JSON-LD
     * @param report badge-service's verification report, or {@code null} when it is unavailable
     * @param zone the issuer's time zone
     * @param pageUrl this page's public URL
     * @param now the app clock's instant, to say "expired" when verification is unavailable
     */
    static CredentialPage of(String id, JsonNode credential, JsonNode report, ZoneId zone, URI pageUrl, Instant now) {
        JsonNode achievement = credential.path("credentialSubject").path("achievement");
        JsonNode issuer = credential.path("issuer");
        String issuerName = text(issuer.path("name"));
        String name = text(achievement.path("name"));
        ZonedDateTime validFrom = instant(credential.path("validFrom"), zone);
        ZonedDateTime validUntil = instant(credential.path("validUntil"), zone);
        Verification verification = report == null ? null : verification(report, zone);
        return new CredentialPage(
                id,
                pageUrl,
                text(credential.path("id")),
                recipient(credential.path("credentialSubject")),
                issuerName,
                text(issuer.path("url")),
                name,
                text(achievement.path("description")),
                text(achievement.path("criteria").path("narrative")),
                text(
                        achievement.path("image").isObject()
                                ? achievement.path("image").path("id")
                                : achievement.path("image")),
                validFrom,
                validUntil,
                zone,
                verification,
                standing(verification, validUntil, now),
                LinkedInLink.of(name, issuerName, validFrom, validUntil, pageUrl, id));
    }

    /** A date as the page shows it, e.g. {@code 27 November 2026, 16:40}. */
    public static String shown(ZonedDateTime time) {
        return time == null ? null : SHOWN.format(time);
    }

    /** {@code og:description}: the achievement and its issuer in one sentence. */
    public String previewDescription() {
        String by = issuerName == null ? "" : " issued by " + issuerName;
        return achievementName + by + (achievementDescription == null ? "" : ". " + achievementDescription);
    }

    private static Verification verification(JsonNode report, ZoneId zone) {
        JsonNode status = report.path("checks").path("credentialStatus");
        return new Verification(
                text(report.path("status")), instant(status.path("revokedAt"), zone), text(status.path("reason")));
    }

    private static String standing(Verification verification, ZonedDateTime validUntil, Instant now) {
        if (verification != null && "revoked".equals(verification.status())) {
            return "revoked";
        }
        if (verification != null && "expired".equals(verification.status())) {
            return "expired";
        }
        if (validUntil != null && !validUntil.toInstant().isAfter(now)) {
            return "expired";
        }
        return null;
    }

    /**
     * The recipient's name if the credential shows one: {@code credentialSubject.name}, or an unhashed identifier
     * of {@code identityType} {@code name} (OB 3.0 §B.1.6 IdentityObject). CredStack's credentials name the
     * recipient by a salted e-mail hash only, so this is usually {@code null}.
     */
    static String recipient(JsonNode subject) {
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
}
