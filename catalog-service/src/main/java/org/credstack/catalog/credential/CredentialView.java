package org.credstack.catalog.credential;

import java.time.Instant;

/**
 * A credential as it is now, as the API answers it (times are RFC 3339 UTC strings).
 *
 * @param id credential id (UUID)
 * @param sourceKey the key it was imported under, or {@code null}
 * @param status DRAFT, PUBLISHED or RETIRED
 * @param version the latest published version number, {@code null} for a draft
 * @param publishedAt when the latest version was published, {@code null} for a draft
 * @param retiredAt when it was retired, or {@code null}
 * @param content the draft, or the latest published version's content
 */
public record CredentialView(
        String id,
        String sourceKey,
        Status status,
        Integer version,
        Instant publishedAt,
        Instant retiredAt,
        Instant createdAt,
        Instant updatedAt,
        CredentialDraft content) {

    static CredentialView of(Credential c) {
        var latest = c.latest();
        return new CredentialView(
                c.id(),
                c.sourceKey(),
                c.status(),
                latest.map(PublishedVersion::version).orElse(null),
                latest.map(PublishedVersion::publishedAt).orElse(null),
                c.retiredAt(),
                c.createdAt(),
                c.updatedAt(),
                c.content());
    }
}
