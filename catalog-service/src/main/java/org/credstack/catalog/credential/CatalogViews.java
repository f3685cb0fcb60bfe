package org.credstack.catalog.credential;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** The JSON shapes the catalog API answers with. Times are RFC 3339 UTC strings. */
final class CatalogViews {

    private CatalogViews() {}

    /**
     * A provider.
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

    /**
     * A credential as it is now.
     *
     * @param id credential id (UUID)
     * @param sourceKey the key it was imported under, or {@code null}
     * @param status DRAFT, PUBLISHED or RETIRED
     * @param version the latest published version number, {@code null} for a draft
     * @param publishedAt when the latest version was published, {@code null} for a draft
     * @param retiredAt when it was retired, or {@code null}
     * @param content the draft, or the latest published version's content
     */
    record CredentialView(
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

    /**
     * One published version; never changes once published.
     *
     * @param credentialId the credential
     * @param version version number, from 1
     */
    record VersionView(String credentialId, int version, Instant publishedAt, CredentialDraft content) {

        static VersionView of(String credentialId, PublishedVersion v) {
            return new VersionView(credentialId, v.version(), v.publishedAt(), v.content());
        }
    }

    /**
     * A page of results.
     *
     * @param items the entries on this page
     * @param page where this page is in the whole result
     */
    record PageView<T>(List<T> items, PageMeta page) {

        static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
            return new PageView<>(
                    page.getContent().stream().map(view).toList(),
                    new PageMeta(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
        }
    }

    /**
     * @param number page number, from 0
     * @param size page size asked for
     * @param totalElements how many entries match in all
     * @param totalPages how many pages of this size there are
     */
    record PageMeta(int number, int size, long totalElements, int totalPages) {}
}
