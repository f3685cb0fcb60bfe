package org.credstack.catalog.provider;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credstack.catalog.common.UnknownCatalogEntry;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.credstack.runtime.ConflictRetry;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Provider use cases: create, update, get, list. Providers raise no events of their own. The public methods
 * are what the credential feature may know of providers: their snapshot, and planning them into an import.
 */
@Service
public class ProviderCatalog {

    private final ProviderRepository providers;
    private final Clock clock;
    private final ConflictRetry conflicts;

    ProviderCatalog(ProviderRepository providers, Clock clock, ConflictRetry conflicts) {
        this.providers = providers;
        this.clock = clock;
        this.conflicts = conflicts;
    }

    Provider create(ProviderDraft content) {
        return providers.save(Provider.create(UUID.randomUUID().toString(), null, content, now()));
    }

    /**
     * Stores a provider under a given id unless one exists.
     *
     * @return {@code true} if this call stored it; {@code false} if the id was taken (by an earlier start or a
     *     concurrent one), which changes nothing
     */
    boolean createIfAbsent(String id, ProviderDraft content) {
        if (providers.existsById(id)) {
            return false;
        }
        try {
            providers.insert(Provider.create(id, null, content, now()));
            return true;
        } catch (org.springframework.dao.DuplicateKeyException concurrent) {
            return false;
        }
    }

    Provider get(String id) {
        return providers.findById(id).orElseThrow(() -> new UnknownCatalogEntry("provider", id));
    }

    Provider update(String id, ProviderDraft content) {
        return conflicts.run(() -> {
            Provider provider = get(id);
            return provider.update(content, now()) ? providers.save(provider) : provider;
        });
    }

    Page<Provider> list(int page, int size) {
        return providers.findAll(PageRequest.of(page, size, Sort.by("content.name", "_id")));
    }

    /** The provider with this id as catalog events carry it, if it exists. */
    public Optional<ProviderSnapshot> snapshot(String id) {
        return providers.findById(id).map(Provider::snapshot);
    }

    /** The catalog id of the provider imported under {@code sourceKey}, if any. */
    public Optional<String> idOf(String sourceKey) {
        return providers.findBySourceKey(sourceKey).map(Provider::id);
    }

    /**
     * What importing {@code content} under {@code sourceKey} would make of the catalog's providers; nothing is
     * written until {@link #saveAll}.
     */
    public PlannedProvider plan(String sourceKey, ProviderDraft content, Instant now) {
        Optional<Provider> found = providers.findBySourceKey(sourceKey);
        Provider provider =
                found.orElseGet(() -> Provider.create(UUID.randomUUID().toString(), sourceKey, content, now));
        boolean changed = found.isEmpty() || provider.update(content, now);
        return new PlannedProvider(provider, found.isEmpty(), changed);
    }

    /** Writes the planned providers that are new or changed. */
    public void saveAll(List<PlannedProvider> planned) {
        planned.stream().filter(p -> p.changed).forEach(p -> providers.save(p.provider));
    }

    /** A provider as an import will leave it; see {@link #plan}. */
    public static final class PlannedProvider {

        private final Provider provider;
        private final boolean isNew;
        private final boolean changed;

        private PlannedProvider(Provider provider, boolean isNew, boolean changed) {
            this.provider = provider;
            this.isNew = isNew;
            this.changed = changed;
        }

        /** Whether the import would create this provider (no provider was imported under its source key). */
        public boolean isNew() {
            return isNew;
        }

        /** Its catalog id (new for a provider not seen before). */
        public String id() {
            return provider.id();
        }

        /** As catalog events will carry it. */
        public ProviderSnapshot snapshot() {
            return provider.snapshot();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
