package org.credstack.web.provider;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.credstack.web.Fetched;
import org.credstack.web.InvalidInput;
import org.credstack.web.ServiceCalls;
import org.credstack.web.signin.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's awards for its staff, on badge-service's API (docs/web-app-provider.md, "Enrollments and awards"):
 *
 * <ul>
 *   <li>{@code GET /provider/{providerId}/awards?credentialId=&revoked=&page=}: the awards the provider made, newest
 *       first, a page at a time ({@code GET /api/v1/providers/{providerId}/credentials}, docs/provider-lists.md), each
 *       linked to its page and its revocation;
 *   <li>{@code GET /provider/{providerId}/awards?award=}: finds an award by its id or URL ({@code
 *       <base>/credentials/<uuid>}) and shows it with its live status; an award of another provider is not shown;
 *   <li>{@code GET /provider/{providerId}/awards/{badgeId}/revoke}: the confirmation step, asking why;
 *   <li>{@code POST /provider/{providerId}/awards/{badgeId}/revocation} {@code reason}: revokes it ({@code POST
 *       /api/v1/providers/{providerId}/credentials/{badgeId}/revocation}), then back to the award.
 * </ul>
 *
 */
@Controller
class AwardPagesController {

    /** The longest reason badge-service takes, in characters. */
    static final int MAX_REASON = 1000;

    private static final Pattern BADGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");
    private static final String BADGE = "badge-service";

    private final StaffBadgeApi badges;
    private final StaffCatalogApi catalog;
    private final ServiceCalls calls;
    private final JsonMapper json;
    private final Clock clock;

    AwardPagesController(
            StaffBadgeApi badges, StaffCatalogApi catalog, ServiceCalls calls, JsonMapper json, Clock clock) {
        this.badges = badges;
        this.catalog = catalog;
        this.calls = calls;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/provider/{providerId}/awards")
    String awards(
            @PathVariable String providerId,
            @RequestParam(required = false) String award,
            @RequestParam(required = false) String credentialId,
            @RequestParam(required = false) String revoked,
            @RequestParam(required = false) String page,
            Caller caller,
            Model model,
            HttpServletResponse response) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        model.addAttribute("providerId", providerId);
        model.addAttribute("award", award);
        if (award == null || award.isBlank()) {
            return list(providerId, credentialId, revoked, page, caller, model, response);
        }
        String badgeId = badgeId(award);
        if (badgeId == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("awardError", "award is an award's id or its URL (…/credentials/<id>)");
            return "provider/awards";
        }
        Found found = find(caller, providerId, badgeId);
        response.setStatus(found.status());
        model.addAttribute("found", found);
        return "provider/awards";
    }

    /**
     * The provider's awards, newest first, a page at a time ({@code GET /api/v1/providers/{providerId}/credentials}),
     * optionally of one credential or only revoked or unrevoked ones; validity in the provider's time zone (catalog
     * {@code GET /api/v1/providers/{id}}). 400 naming {@code credentialId}, {@code revoked} or {@code page} when one
     * cannot be used (no service is asked); badge-service's refusals in words with its status; when it does not
     * answer, the page still finds an award by its id.
     */
    private String list(
            String providerId,
            String credentialId,
            String revoked,
            String page,
            Caller caller,
            Model model,
            HttpServletResponse response) {
        String credential = credentialId == null || credentialId.isBlank() ? null : credentialId.strip();
        String which = revoked == null || revoked.isBlank() ? null : revoked.strip();
        Integer number = Pager.number(page);
        Map<String, String> errors = new LinkedHashMap<>();
        if (credential != null && !BADGE_ID.matcher(credential).matches()) {
            errors.put(
                    "credentialId",
                    "credentialId: a credential's id (a letter or digit, then letters, digits, '.', '_', '~' or '-')");
        }
        if (which != null && !which.equals("true") && !which.equals("false")) {
            errors.put("revoked", "revoked: any, revoked (true) or not revoked (false)");
        }
        if (number == null) {
            errors.put("page", Pager.PAGE_ERROR);
        }
        model.addAttribute("filterCredentialId", credentialId);
        model.addAttribute("filterRevoked", which);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "provider/awards";
        }
        Fetched<JsonNode> found = calls.call(
                ServiceCalls.BADGE,
                () -> badges.awards(caller.authorization(), providerId, number, Pager.SIZE, credential, which));
        if (!found.isFound()) {
            if (!found.isUnavailable()) {
                response.setStatus(CredentialPagesController.status(found));
            }
            model.addAttribute("listMissing", Refusals.of(found, BADGE, "list of this provider's awards"));
            return "provider/awards";
        }
        Fetched<JsonNode> provider =
                calls.call(ServiceCalls.CATALOG, () -> catalog.provider(caller.authorization(), providerId));
        ZoneId zone = zone(provider);
        model.addAttribute(
                "list",
                AwardList.of(
                        found.value(),
                        n -> link(providerId, credential, which, n),
                        zone,
                        provider.isFound() && zone != ZoneOffset.UTC,
                        clock.instant()));
        return "provider/awards";
    }

    private static String link(String providerId, String credentialId, String revoked, int page) {
        return UriComponentsBuilder.fromPath("/provider/{p}/awards")
                .queryParamIfPresent("credentialId", Optional.ofNullable(credentialId))
                .queryParamIfPresent("revoked", Optional.ofNullable(revoked))
                .queryParam("page", page)
                .buildAndExpand(providerId)
                .encode()
                .toUriString();
    }

    /** The provider's IANA zone; UTC when catalog-service cannot say or names none it knows. */
    private static ZoneId zone(Fetched<JsonNode> provider) {
        if (!provider.isFound()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(provider.value().path("timeZone").asString("UTC"));
        } catch (RuntimeException unknownZone) {
            return ZoneOffset.UTC;
        }
    }

    @GetMapping("/provider/{providerId}/awards/{badgeId}/revoke")
    String confirm(
            @PathVariable String providerId,
            @PathVariable String badgeId,
            Caller caller,
            Model model,
            HttpServletResponse response) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        requireBadgeId(badgeId);
        Found found = find(caller, providerId, badgeId);
        if (found.status() == HttpStatus.NOT_FOUND.value()) {
            response.setStatus(found.status());
        }
        return confirmation(model, providerId, badgeId, found, null, null, null);
    }

    /**
     * Revokes after the confirmation: 400 naming {@code reason} when it is blank or too long (badge-service is not
     * asked); badge-service's refusals (403, 404, 400) and its absence (503) are shown on the confirmation page.
     */
    @PostMapping("/provider/{providerId}/awards/{badgeId}/revocation")
    String revoke(
            @PathVariable String providerId,
            @PathVariable String badgeId,
            @RequestParam(required = false) String reason,
            Caller caller,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        requireBadgeId(badgeId);
        String why = reason == null ? "" : reason.strip();
        String reasonError = why.isEmpty()
                ? "reason: say why the award is revoked; the reason is shown on the credential's page"
                : why.length() > MAX_REASON
                        ? "reason: at most " + MAX_REASON + " characters (this one has " + why.length() + ")"
                        : null;
        if (reasonError != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return confirmation(model, providerId, badgeId, null, reason, reasonError, null);
        }
        ObjectNode body = json.createObjectNode().put("reason", why);
        Fetched<JsonNode> revoked =
                calls.call(ServiceCalls.BADGE, () -> badges.revoke(caller.authorization(), providerId, badgeId, body));
        if (revoked.isFound()) {
            redirect.addFlashAttribute(
                    "done", "Revoked. Reason: " + revoked.value().path("reason").asString(why));
            return "redirect:/provider/" + providerId + "/awards?award=" + badgeId;
        }
        response.setStatus(CredentialPagesController.status(revoked));
        if (revoked.state() == Fetched.State.REJECTED && revoked.errors().containsKey("reason")) {
            return confirmation(
                    model,
                    providerId,
                    badgeId,
                    null,
                    reason,
                    "reason: " + revoked.errors().get("reason"),
                    null);
        }
        String refusal = revoked.isUnavailable()
                ? "Not revoked: badge-service did not answer; try again in a minute."
                : "Not revoked. " + Refusals.of(revoked, BADGE, "award " + badgeId + " of this provider");
        return confirmation(model, providerId, badgeId, null, reason, null, refusal);
    }

    private static String confirmation(
            Model model,
            String providerId,
            String badgeId,
            Found found,
            String reason,
            String reasonError,
            String refusal) {
        model.addAttribute("providerId", providerId);
        model.addAttribute("badgeId", badgeId);
        model.addAttribute("found", found);
        model.addAttribute("reason", reason);
        model.addAttribute("reasonError", reasonError);
        model.addAttribute("refusal", refusal);
        model.addAttribute("maxReason", MAX_REASON);
        return "provider/revoke";
    }

    /** The award with its live status, if it is one of {@code providerId}'s. */
    private Found find(Caller caller, String providerId, String badgeId) {
        Fetched<JsonNode> credential =
                calls.call(ServiceCalls.BADGE, () -> badges.credential(caller.authorization(), badgeId));
        if (!credential.isFound()) {
            return new Found(
                    null,
                    Refusals.of(credential, BADGE, "award " + badgeId),
                    CredentialPagesController.status(credential));
        }
        Award award = Award.of(credential.value());
        if (!providerId.equals(award.providerId())) {
            return new Found(null, "This provider made no award " + badgeId + ".", HttpStatus.NOT_FOUND.value());
        }
        Fetched<JsonNode> verification =
                calls.call(ServiceCalls.BADGE, () -> badges.verification(caller.authorization(), badgeId));
        String status = verification.isFound()
                ? verification.value().path("status").asString("unknown")
                : "unknown: verification is unavailable right now";
        String revokedReason = verification.isFound()
                ? verification
                        .value()
                        .path("checks")
                        .path("credentialStatus")
                        .path("reason")
                        .asString(null)
                : null;
        return new Found(award.withStatus(badgeId, status, revokedReason), null, HttpStatus.OK.value());
    }

    /** The award's id from an id or a URL ending in {@code /credentials/<id>}; {@code null} when it is neither. */
    static String badgeId(String award) {
        String text = award.strip();
        int slash = text.lastIndexOf('/');
        String id = slash >= 0 ? text.substring(slash + 1) : text;
        return BADGE_ID.matcher(id).matches() ? id : null;
    }

    private static void requireBadgeId(String badgeId) {
        if (!BADGE_ID.matcher(badgeId).matches()) {
            throw new InvalidInput("badgeId", "is not an award's id");
        }
    }

    /**
     * An award found for the page.
     *
     * @param award the award, or {@code null}
     * @param missing why it is not shown, or {@code null}
     * @param status the page's HTTP status
     */
    record Found(Award award, String missing, int status) {}

    /**
     * What the page shows of an {@code OpenBadgeCredential}.
     *
     * @param id the award's id (the last segment of its URL)
     * @param url its public URL ({@code id})
     * @param achievement the achievement's name
     * @param recipient the recipient's name when the credential shows one, else {@code null}
     * @param validFrom when it was issued (RFC 3339)
     * @param providerId the issuer's provider id (the last segment of {@code issuer.id})
     * @param status the live verification status ({@code verified}, {@code revoked}, {@code expired}, ...)
     * @param revokedReason why it was revoked, when it was
     */
    record Award(
            String id,
            String url,
            String achievement,
            String recipient,
            String validFrom,
            String providerId,
            String status,
            String revokedReason) {

        static Award of(JsonNode credential) {
            String issuer = credential.path("issuer").isString()
                    ? credential.path("issuer").asString()
                    : credential.path("issuer").path("id").asString("");
            JsonNode subject = credential.path("credentialSubject");
            return new Award(
                    null,
                    credential.path("id").asString(""),
                    subject.path("achievement")
                            .path("name")
                            .asString(credential.path("name").asString("")),
                    subject.path("name").asString(null),
                    credential.path("validFrom").asString(null),
                    issuer.substring(issuer.lastIndexOf('/') + 1),
                    null,
                    null);
        }

        Award withStatus(String badgeId, String status, String revokedReason) {
            return new Award(badgeId, url, achievement, recipient, validFrom, providerId, status, revokedReason);
        }

        public boolean isRevoked() {
            return "revoked".equals(status);
        }
    }
}
