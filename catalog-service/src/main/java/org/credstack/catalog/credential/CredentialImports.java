package org.credstack.catalog.credential;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.credstack.catalog.common.CatalogRuleViolation;
import org.credstack.catalog.credential.ImportBatch.ImportedCredential;
import org.credstack.catalog.credential.ImportBatch.ImportedProvider;
import org.credstack.catalog.credential.ImportResult.Change;
import org.credstack.catalog.credential.ImportResult.Outcome;
import org.credstack.catalog.provider.ProviderCatalog;
import org.credstack.catalog.provider.ProviderCatalog.PlannedProvider;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.credstack.runtime.ConflictRetry;
import org.springframework.stereotype.Service;

/**
 * Applies an {@link ImportBatch} to the catalog, all or nothing.
 *
 * <p>Every provider and credential is validated (including that stack components exist in the batch or
 * the catalog and that stacks form no cycle) before anything is written. A credential seen before (same
 * source key) with the same content is left alone; with changed content it gets a new published version;
 * a new one is created and published. Providers are matched by source key the same way.
 *
 * <p>Each credential is then written in its own document together with its event
 * ({@code CredentialPublished} or {@code CredentialRevised}); an UNCHANGED credential writes nothing and
 * raises nothing, so importing the same document twice is harmless.
 */
@Service
public class CredentialImports {

    private final CredentialCatalog catalog;
    private final CredentialRepository credentials;
    private final ProviderCatalog providers;
    private final ConflictRetry conflicts;

    CredentialImports(
            CredentialCatalog catalog,
            CredentialRepository credentials,
            ProviderCatalog providers,
            ConflictRetry conflicts) {
        this.catalog = catalog;
        this.credentials = credentials;
        this.providers = providers;
        this.conflicts = conflicts;
    }

    /**
     * @param batch what one document yielded
     * @param mayWrite sees what the import would write once it is planned and before anything is written; it
     *     throws to refuse the import (the web layer checks the caller there), and nothing is stored then
     * @return the outcome per credential, in batch order
     * @throws CatalogRuleViolation naming the credential ({@code credentials[<sourceKey>].<field>}) and the
     *     rule broken; nothing is stored then
     */
    public ImportResult importAll(ImportBatch batch, Consumer<ImportReach> mayWrite) {
        Plan done = conflicts.run(() -> {
            Plan plan = plan(batch, mayWrite);
            providers.saveAll(plan.providers);
            catalog.publishEvents(
                    plan.changed.stream().map(catalog::saveWithoutPublishing).toList());
            return plan;
        });
        Map<String, Change> changes = new HashMap<>();
        done.outcomes.forEach(outcome -> changes.put(outcome.credentialId(), outcome.change()));
        for (Credential changed : done.changed) {
            String action = changes.get(changed.id()) == Change.CREATED ? "credential.published" : "credential.revised";
            catalog.audited(action, "import", changed);
        }
        return new ImportResult(batch.source(), done.outcomes);
    }

    /** Plans the batch; {@code mayWrite} sees its reach once known, before the catalog's rules are applied. */
    private Plan plan(ImportBatch batch, Consumer<ImportReach> mayWrite) {
        Instant now = catalog.now();
        Plan plan = new Plan();
        Map<String, String> providerIds = planProviders(batch.providers(), plan, now);
        Map<String, Credential> existing = new HashMap<>();
        Map<String, String> credentialIds = new LinkedHashMap<>();
        for (ImportedCredential imported : batch.credentials()) {
            String key = imported.sourceKey();
            String field = "credentials[" + key + "]";
            requireKey(key, field, credentialIds.keySet());
            Optional<Credential> found = credentials.findBySourceKey(key);
            found.ifPresent(c -> existing.put(key, c));
            credentialIds.put(
                    key,
                    found.map(Credential::id).orElseGet(() -> UUID.randomUUID().toString()));
        }
        PlannedReferences refs = new PlannedReferences(catalog.references());
        Map<String, CredentialDraft> contents = new LinkedHashMap<>();
        for (ImportedCredential imported : batch.credentials()) {
            String key = imported.sourceKey();
            CredentialDraft content = prefixed(key, () -> resolve(imported.draft(), providerIds, credentialIds));
            contents.put(key, content);
            Credential current = existing.get(key);
            if (current != null) {
                plan.providerIds.add(current.content().providerId());
            }
            plan.providerIds.add(content.providerId());
            Change change = Credential.importDecision(current, content);
            Status status = change == Change.UNCHANGED ? current.status() : Status.PUBLISHED;
            refs.plan(new CatalogReferences.Component(credentialIds.get(key), status, componentIds(content)));
        }
        mayWrite.accept(new ImportReach(plan.providerIds, plan.createsProviders));
        plan.providers.forEach(p -> refs.plan(p.id(), p.snapshot()));
        for (ImportedCredential imported : batch.credentials()) {
            String key = imported.sourceKey();
            CredentialDraft content = contents.get(key);
            Credential current = existing.get(key);
            Change change = Credential.importDecision(current, content);
            Credential result = prefixed(key, () -> apply(current, credentialIds.get(key), key, content, refs, now));
            if (change != Change.UNCHANGED) {
                plan.changed.add(result);
            }
            int version = result.latest().map(PublishedVersion::version).orElse(0);
            plan.outcomes.add(new Outcome(key, result.id(), version, change));
        }
        return plan;
    }

    private Map<String, String> planProviders(List<ImportedProvider> imported, Plan plan, Instant now) {
        Map<String, String> ids = new HashMap<>();
        for (ImportedProvider p : imported) {
            requireKey(p.sourceKey(), "providers[" + p.sourceKey() + "]", ids.keySet());
            PlannedProvider provider = providers.plan(p.sourceKey(), p.provider(), now);
            plan.providers.add(provider);
            plan.providerIds.add(provider.id());
            plan.createsProviders |= provider.isNew();
            ids.put(p.sourceKey(), provider.id());
        }
        return ids;
    }

    private static Credential apply(
            Credential current, String id, String key, CredentialDraft content, CatalogReferences refs, Instant now) {
        Change change = Credential.importDecision(current, content);
        try {
            switch (change) {
                case CREATED -> {
                    Credential created = current == null ? Credential.draft(id, key, content, refs, now) : current;
                    if (current != null) {
                        created.edit(content, refs, now);
                    }
                    created.publish(refs, now);
                    return created;
                }
                case REVISED -> {
                    current.revise(content, refs, now);
                    return current;
                }
                default -> {
                    return current;
                }
            }
        } catch (IllegalTransition e) {
            throw new CatalogRuleViolation("status", e.getMessage());
        }
    }

    /** The draft with source keys replaced by catalog ids. */
    private CredentialDraft resolve(
            CredentialDraft draft, Map<String, String> providerIds, Map<String, String> credentialIds) {
        String providerId = Optional.ofNullable(providerIds.get(draft.providerId()))
                .or(() -> providers.idOf(draft.providerId()))
                .orElseThrow(() -> new CatalogRuleViolation(
                        "providerId",
                        "provider '" + draft.providerId() + "' is neither in the batch nor in the catalog"));
        ComponentRule stackRule = draft.stackRule() == null ? null : resolve(draft.stackRule(), credentialIds);
        return new CredentialDraft(
                draft.title(),
                draft.description(),
                draft.kind(),
                draft.category(),
                providerId,
                draft.ctid(),
                draft.skills(),
                draft.alignments(),
                draft.deliveryModes(),
                draft.level(),
                draft.estimatedDuration(),
                draft.cost(),
                draft.assignments(),
                draft.completionRule(),
                draft.validityPeriod(),
                draft.renewalPolicy(),
                draft.image(),
                stackRule);
    }

    private ComponentRule resolve(ComponentRule rule, Map<String, String> credentialIds) {
        List<String> ids = rule.credentialIds().stream()
                .map(key -> Optional.ofNullable(credentialIds.get(key))
                        .or(() -> credentials.findBySourceKey(key).map(Credential::id))
                        .orElseThrow(() -> new CatalogRuleViolation(
                                "stackRule", "component '" + key + "' is neither in the batch nor in the catalog")))
                .toList();
        List<ComponentRule> nested =
                rule.rules().stream().map(r -> resolve(r, credentialIds)).toList();
        return new ComponentRule(rule.label(), rule.requiredNumber(), ids, nested);
    }

    private static List<String> componentIds(CredentialDraft content) {
        return content.stackRule() == null
                ? List.of()
                : content.stackRule().allCredentialIds().distinct().toList();
    }

    private static void requireKey(String key, String field, Set<String> seen) {
        if (key == null || key.isBlank()) {
            throw new CatalogRuleViolation(field + ".sourceKey", "every imported entry has a source key");
        }
        if (seen.contains(key)) {
            throw new CatalogRuleViolation(field + ".sourceKey", "source key '" + key + "' occurs twice in the batch");
        }
    }

    private static <T> T prefixed(String key, Supplier<T> step) {
        try {
            return step.get();
        } catch (CatalogRuleViolation e) {
            throw new CatalogRuleViolation("credentials[" + key + "]." + e.field(), e.getMessage());
        }
    }

    private static final class Plan {
        final List<PlannedProvider> providers = new ArrayList<>();
        final List<Credential> changed = new ArrayList<>();
        final List<Outcome> outcomes = new ArrayList<>();
        final Set<String> providerIds = new LinkedHashSet<>();
        boolean createsProviders;
    }

    /** The catalog as it will be once the batch is written. */
    private static final class PlannedReferences implements CatalogReferences {

        private final CatalogReferences stored;
        private final Map<String, ProviderSnapshot> plannedProviders = new HashMap<>();
        private final Map<String, Component> plannedCredentials = new HashMap<>();

        PlannedReferences(CatalogReferences stored) {
            this.stored = stored;
        }

        void plan(String providerId, ProviderSnapshot provider) {
            plannedProviders.put(providerId, provider);
        }

        void plan(Component credential) {
            plannedCredentials.put(credential.id(), credential);
        }

        @Override
        public Optional<ProviderSnapshot> provider(String providerId) {
            return Optional.ofNullable(plannedProviders.get(providerId)).or(() -> stored.provider(providerId));
        }

        @Override
        public Optional<Component> credential(String credentialId) {
            return Optional.ofNullable(plannedCredentials.get(credentialId)).or(() -> stored.credential(credentialId));
        }
    }
}
