package org.credstack.catalog.provider;

import java.time.Instant;

/**
 * A provider as the API answers it. Times are RFC 3339 UTC strings.
 *
 * @param id provider id (UUID)
 * @param sourceKey the key it was imported under, or {@code null}
 */
record ProviderView(
        String id,
        String sourceKey,
        String name,
        String url,
        String email,
        String timeZone,
        Instant createdAt,
        Instant updatedAt) {

    static ProviderView of(Provider p) {
        ProviderDraft c = p.content();
        return new ProviderView(
                p.id(), p.sourceKey(), c.name(), c.url(), c.email(), c.timeZone(), p.createdAt(), p.updatedAt());
    }
}
