package org.credstack.badge.issuing;

import java.time.Instant;
import java.util.List;
import org.credstack.runtime.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credentials a provider issued, for its staff (docs/provider-lists.md):
 *
 * <pre>{@code
 * GET /api/v1/providers/{providerId}/credentials?credentialId=&revoked=&page=0&size=20
 *         "achievementName", "learnerId", "issuedAt", "validFrom", "validUntil" (null: never expires),
 *         "revoked": false, "revokedAt" (null unless revoked), "revocationReason", "renewalOf"}, …],
 *        "page": {"number": 0, "size": 20, "totalElements": 42, "totalPages": 3}}
 * }</pre>
 *
 * Newest first ({@code issuedAt} descending). {@code credentialId} keeps the awards of that catalog credential,
 * {@code revoked} ({@code true} or {@code false}) the revoked or unrevoked ones. {@code id} is what the revocation
 * path takes ({@code POST /api/v1/providers/{providerId}/credentials/{id}/revocation}). Staff of that provider and
 * operators only: 401 problem without a token, 403 for anyone else. 400 problem naming {@code page} (0 to 10,000),
 * {@code size} (1 to 100) or {@code revoked}.
 */
@RestController
class ProviderAwardsController {

    private final ProviderAwards awards;
    private final JsonMapper json;
    private final Access access;

    ProviderAwardsController(ProviderAwards awards, JsonMapper json, Access access) {
        this.awards = awards;
        this.json = json;
        this.access = access;
    }

    @GetMapping("/api/v1/providers/{providerId}/credentials")
    AwardPage list(
            @PathVariable String providerId,
            @RequestParam(required = false) String credentialId,
            @RequestParam(required = false) String revoked,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        access.requireProviderStaff(providerId);
        if (page < 0 || page > ProviderAwards.MAX_PAGE) {
            throw new InvalidListRequest("page", "page is from 0 to " + ProviderAwards.MAX_PAGE);
        }
        if (size < 1 || size > ProviderAwards.MAX_SIZE) {
            throw new InvalidListRequest("size", "size is from 1 to " + ProviderAwards.MAX_SIZE);
        }
        ProviderAwards.Page found = awards.of(
                providerId,
                credentialId == null || credentialId.isBlank() ? null : credentialId,
                revoked(revoked),
                page,
                size);
        return new AwardPage(
                found.badges().stream().map(this::view).toList(),
                new PageMeta(found.number(), found.size(), found.totalElements(), found.totalPages()));
    }

    private static Boolean revoked(String revoked) {
        if (revoked == null || revoked.isBlank()) {
            return null;
        }
        return switch (revoked.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidListRequest("revoked", "revoked is true or false");
        };
    }

    private AwardView view(Badge badge) {
        return new AwardView(
                badge.id(),
                badge.credentialUrl(),
                badge.credentialId(),
                achievementName(badge),
                badge.learnerId(),
                badge.issuedAt(),
                badge.validFrom(),
                badge.validUntil(),
                badge.revokedAt() != null,
                badge.revokedAt(),
                badge.revocationReason(),
                badge.renewalOf());
    }

    /** The name awarded, as signed: {@code credentialSubject.achievement.name}; null when it has none. */
    private String achievementName(Badge badge) {
        JsonNode name = json.readTree(badge.credential())
                .path("credentialSubject")
                .path("achievement")
                .path("name");
        return name.isString() ? name.asString() : null;
    }

    /** A page of awards: the items and where the page is in the whole list. */
    record AwardPage(List<AwardView> items, PageMeta page) {}

    /**
     * @param number page number, from 0
     * @param size page size asked for
     * @param totalElements how many awards match in all
     * @param totalPages how many pages of this size there are
     */
    record PageMeta(int number, int size, long totalElements, int totalPages) {}

    /**
     * One award; instants in UTC.
     *
     * @param id the credential's uuid, as the revocation path takes it
     * @param publicUrl the credential's {@code id}, {@code <base>/credentials/<uuid>}
     * @param learnerId the recipient's learner id
     * @param revoked whether it was revoked; {@code revokedAt} and {@code revocationReason} say when and why
     * @param renewalOf the public URL of the credential it renews; null for a first award
     */
    record AwardView(
            String id,
            String publicUrl,
            String credentialId,
            String achievementName,
            String learnerId,
            Instant issuedAt,
            Instant validFrom,
            Instant validUntil,
            boolean revoked,
            Instant revokedAt,
            String revocationReason,
            String renewalOf) {}
}
