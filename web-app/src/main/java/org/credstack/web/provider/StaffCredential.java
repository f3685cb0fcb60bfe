package org.credstack.web.provider;

import tools.jackson.databind.JsonNode;

/**
 * One of a provider's credentials as the staff pages list it, from catalog-service's {@code CredentialView}.
 *
 * @param id the catalog id
 * @param title the title of the draft or of the latest published version
 * @param kind {@code MICRO_CREDENTIAL} or {@code STACK}
 * @param providerId the provider offering it
 * @param status {@code DRAFT}, {@code PUBLISHED} or {@code RETIRED}
 * @param version the latest published version, {@code null} for a draft
 * @param updatedAt when it last changed (RFC 3339), or {@code null}
 */
record StaffCredential(
        String id, String title, String kind, String providerId, String status, Integer version, String updatedAt) {

    static StaffCredential of(JsonNode view) {
        JsonNode content = view.path("content");
        return new StaffCredential(
                view.path("id").asString(),
                content.path("title").asString(""),
                content.path("kind").asString("MICRO_CREDENTIAL"),
                content.path("providerId").asString(null),
                view.path("status").asString("DRAFT"),
                view.path("version").isNumber() ? view.path("version").asInt() : null,
                view.path("updatedAt").asString(null));
    }

    public boolean isDraft() {
        return "DRAFT".equals(status);
    }

    public boolean isPublished() {
        return "PUBLISHED".equals(status);
    }
}
