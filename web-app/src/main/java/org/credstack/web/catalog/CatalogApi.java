package org.credstack.web.catalog;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import tools.jackson.databind.JsonNode;

/** catalog-service's public reads, as the web app calls them (no token: catalog reads are public). */
public interface CatalogApi {

    /**
     * {@code GET /api/v1/credentials}: a page {@code {items: [CredentialView], page: {number, size, totalElements,
     * totalPages}}}; 400 problem naming the parameter for a bad filter; 404 when {@code stackableInto} or
     * {@code componentOf} names no credential.
     */
    @GetExchange(url = "/api/v1/credentials", accept = "application/json")
    JsonNode search(@RequestParam MultiValueMap<String, String> filters);

    /** {@code GET /api/v1/credentials/{id}}: a {@code CredentialView}; 404 for an unknown id. */
    @GetExchange(url = "/api/v1/credentials/{id}", accept = "application/json")
    JsonNode credential(@PathVariable String id);

    /** {@code GET /api/v1/providers/{id}}: name, url, email, {@code timeZone}; 404 for an unknown id. */
    @GetExchange(url = "/api/v1/providers/{id}", accept = "application/json")
    JsonNode provider(@PathVariable String id);

    /**
     * {@code GET /api/v1/goals}: {@code {items: [{goal, framework, code, label, credentials}]}}, the occupations,
     * industries and skills the published catalog is aligned to, by framework and label; {@code goal} is the value
     * of the search's {@code goal} filter.
     */
    @GetExchange(url = "/api/v1/goals", accept = "application/json")
    JsonNode goals();

    /** {@code GET /api/v1/providers}: the first {@code size} providers (for the provider filter). */
    @GetExchange(url = "/api/v1/providers", accept = "application/json")
    JsonNode providers(@RequestParam int size);
}
