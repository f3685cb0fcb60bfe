package org.credstack.catalog.provider;

import org.credstack.catalog.common.CatalogRuleViolation;

/**
 * The body of {@code POST /api/v1/providers} and {@code PUT /api/v1/providers/{id}}; what is stored is the
 * {@link ProviderDraft} it becomes.
 *
 * @param name display name; required
 * @param url home page, or {@code null}
 * @param email contact address, or {@code null}
 * @param timeZone IANA zone, {@code null} for {@code UTC}
 */
record ProviderRequest(String name, String url, String email, String timeZone) {

    /** @throws CatalogRuleViolation naming the field that breaks a rule */
    ProviderDraft toDraft() {
        return new ProviderDraft(name, url, email, timeZone);
    }
}
