package org.credstack.catalog.provider;

import java.time.Instant;
import java.util.Objects;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A provider (the organisation offering credentials; the Open Badges issuer): the aggregate of the
 * {@code providers} collection. Its content is validated by {@link ProviderDraft}.
 */
@Document(Provider.COLLECTION)
class Provider {

    static final String COLLECTION = "providers";

    @Id
    private String id;

    private String sourceKey;
    private ProviderDraft content;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    /** For Spring Data. */
    Provider() {}

    static Provider create(String id, String sourceKey, ProviderDraft content, Instant now) {
        Provider provider = new Provider();
        provider.id = Objects.requireNonNull(id);
        provider.sourceKey = sourceKey;
        provider.content = Objects.requireNonNull(content);
        provider.createdAt = now;
        provider.updatedAt = now;
        return provider;
    }

    /** Replaces the content; returns whether anything changed. */
    boolean update(ProviderDraft newContent, Instant now) {
        if (content.equals(newContent)) {
            return false;
        }
        content = Objects.requireNonNull(newContent);
        updatedAt = now;
        return true;
    }

    /** This provider as catalog events carry it. */
    ProviderSnapshot snapshot() {
        return new ProviderSnapshot(id, content.name(), content.url(), content.email(), content.timeZone());
    }

    String id() {
        return id;
    }

    String sourceKey() {
        return sourceKey;
    }

    ProviderDraft content() {
        return content;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
