package org.credstack.catalog.credential;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.credstack.runtime.ConflictRetry;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Provider use cases: create, update, get, list. Providers raise no events of their own. */
@Service
class ProviderCatalog {

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

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
