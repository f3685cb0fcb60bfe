package org.credstack.web.provider;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/**
 * One page of the credentials a provider issued, as the awards page lists them, from badge-service's {@code {items,
 * page}}.
 *
 * @param rows the awards, newest first
 * @param pager where the page is
 * @param issuerZone the provider's time zone, in which validity is shown (UTC when catalog-service cannot say)
 * @param zoneKnown whether {@code issuerZone} is the provider's own
 */
record AwardList(List<Row> rows, Pager pager, ZoneId issuerZone, boolean zoneKnown) {

    /**
     * One award.
     *
     * @param id the credential's id, as the award and revocation pages take it
     * @param achievement the achievement's name as signed
     * @param learnerId the recipient's learner id
     * @param issuedAt when it was issued (RFC 3339)
     * @param validUntil when it stops being valid; {@code null} if it never expires
     * @param status {@code revoked}, {@code expired} or {@code in force}, at the page's time
     * @param revocationReason why it was revoked, when it was
     */
    record Row(
            String id,
            String achievement,
            String learnerId,
            String issuedAt,
            Instant validUntil,
            String status,
            String revocationReason) {

        public boolean isRevoked() {
            return "revoked".equals(status);
        }
    }

    static AwardList of(JsonNode page, IntFunction<String> link, ZoneId zone, boolean zoneKnown, Instant now) {
        List<Row> rows = new ArrayList<>();
        page.path("items").forEach(item -> {
            String until = item.path("validUntil").asString(null);
            Instant validUntil = until == null ? null : Instant.parse(until);
            String status = item.path("revoked").asBoolean(false)
                    ? "revoked"
                    : validUntil != null && !validUntil.isAfter(now) ? "expired" : "in force";
            rows.add(new Row(
                    item.path("id").asString(""),
                    item.path("achievementName")
                            .asString(item.path("credentialId").asString("")),
                    item.path("learnerId").asString(""),
                    item.path("issuedAt").asString(null),
                    validUntil,
                    status,
                    item.path("revocationReason").asString(null)));
        });
        return new AwardList(List.copyOf(rows), Pager.of(page.path("page"), link), zone, zoneKnown);
    }
}
