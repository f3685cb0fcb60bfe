package org.credstack.web.provider;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import tools.jackson.databind.JsonNode;

/**
 * catalog-service as provider staff call it (docs/authz-catalog.md): every call carries the person's {@code
 * Authorization: Bearer} token. Bodies and answers are catalog-service's JSON: a {@code CredentialView} is {@code {id,
 * status, version, publishedAt, retiredAt, createdAt, updatedAt, content: {title, description, kind, category,
 * providerId, ...}}}. Refusals are problems: 403 {@code forbidden}, 409 {@code illegal-transition}, 422 {@code
 * rule-violation} naming the field ({@code assignments[0].masteryScore}).
 */
public interface StaffCatalogApi {

    /** {@code GET /api/v1/credentials}: a page {@code {items: [CredentialView], page}}; filters under their names. */
    @GetExchange(url = "/api/v1/credentials", accept = "application/json")
    JsonNode search(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestParam MultiValueMap<String, String> filters);

    /** {@code GET /api/v1/providers/{id}}: the provider's public profile ({@code name}, {@code timeZone}). */
    @GetExchange(url = "/api/v1/providers/{id}", accept = "application/json")
    JsonNode provider(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    /** {@code GET /api/v1/credentials/{id}}: a {@code CredentialView}; 404 for an unknown id. */
    @GetExchange(url = "/api/v1/credentials/{id}", accept = "application/json")
    JsonNode credential(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    /** {@code POST /api/v1/credentials}: a new draft; 201 with the {@code CredentialView}. */
    @PostExchange(url = "/api/v1/credentials", accept = "application/json", contentType = "application/json")
    JsonNode create(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody JsonNode draft);

    /** {@code PUT /api/v1/credentials/{id}}: replaces a draft; 409 once published. */
    @PutExchange(url = "/api/v1/credentials/{id}", accept = "application/json", contentType = "application/json")
    JsonNode edit(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String id,
            @RequestBody JsonNode draft);

    /** {@code POST /api/v1/credentials/{id}/publish}: version 1 of a draft; 409 when not a draft. */
    @PostExchange(url = "/api/v1/credentials/{id}/publish", accept = "application/json")
    JsonNode publish(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    /** {@code POST /api/v1/credentials/{id}/revisions}: new content published as the next version; 201. */
    @PostExchange(
            url = "/api/v1/credentials/{id}/revisions",
            accept = "application/json",
            contentType = "application/json")
    JsonNode revise(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String id,
            @RequestBody JsonNode content);

    /** {@code POST /api/v1/credentials/{id}/retire}: no new enrollments from now on; 409 when not published. */
    @PostExchange(url = "/api/v1/credentials/{id}/retire", accept = "application/json")
    JsonNode retire(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    /**
     * {@code POST /api/v1/imports}: one CTDL or Open Badges document (or a JSON array of them), all or nothing, answered
     * synchronously: 200 {@code {source, credentials: [{sourceKey, credentialId, version, change}]}}; 400 {@code
     * not-json} or {@code invalid-request}; 422 {@code import-rejected} with {@code errors} naming a {@code pointer}
     * into the document or the {@code field} of a refused record; 403 for another provider's records.
     *
     * @param format {@code ctdl} or {@code openbadges}; detected when {@code null}
     * @param category {@code technical}, {@code soft_skill} or {@code industry_specific}, or {@code null}
     * @param source the file name, for the report
     */
    @PostExchange(url = "/api/v1/imports", accept = "application/json", contentType = "application/json")
    JsonNode importDocument(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestBody byte[] document,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String source);
}
