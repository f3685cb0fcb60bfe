package org.credstack.web.learner;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credstack.web.Fetched;
import org.credstack.web.InvalidInput;
import org.credstack.web.ServiceCalls;
import org.credstack.web.catalog.CatalogApi;
import org.credstack.web.signin.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * "My credentials": {@code GET /my/credentials} shows each credential the learner holds with its standing (active,
 * expiring soon, expired, revoked, renewed), a link to its public page and the renewal button while the window is
 * open, and their progress toward stacks. {@code POST /my/credentials/renewal} {@code badgeId} starts a renewal
 * (enrollment-service {@code POST /api/v1/learners/{id}/renewals}) and redirects to "My learning", where the renewal's
 * requirements are; a refusal (409 window closed, already renewed…) is this page with that status and the reason.
 *
 * <p>Calls: badge-service {@code GET /api/v1/learners/{id}/credentials} and {@code /stacks} (token), {@code GET
 * /credentials/{id}/verification} per credential (revoked); catalog-service {@code GET /api/v1/credentials/{id}} per
 * distinct credential (renewal policy); enrollment-service {@code GET /api/v1/learners/{id}/enrollments} (renewals
 * under way). Each missing answer is said on the page; the rest is shown.
 */
@Controller
class CredentialsController {

    private final LearnerBadgeApi badges;
    private final CatalogApi catalog;
    private final EnrollmentApi enrollments;
    private final ServiceCalls calls;
    private final Clock clock;

    CredentialsController(
            LearnerBadgeApi badges, CatalogApi catalog, EnrollmentApi enrollments, ServiceCalls calls, Clock clock) {
        this.badges = badges;
        this.catalog = catalog;
        this.enrollments = enrollments;
        this.calls = calls;
        this.clock = clock;
    }

    @GetMapping("/my/credentials")
    String credentials(Caller caller, Model model) {
        Fetched<JsonNode> held =
                calls.call(ServiceCalls.BADGE, () -> badges.credentials(caller.authorization(), caller.subject()));
        Fetched<JsonNode> stacks =
                calls.call(ServiceCalls.BADGE, () -> badges.stacks(caller.authorization(), caller.subject()));
        List<String> missing = new ArrayList<>();
        List<HeldCredential> credentials = held.isFound() ? held(caller, held.value(), missing) : List.of();
        model.addAttribute("credentials", credentials.reversed());
        model.addAttribute("shownNames", shownNames(credentials));
        model.addAttribute("credentialsUnavailable", !held.isFound());
        model.addAttribute("stacks", stacks.isFound() ? stacks.value() : null);
        model.addAttribute("missing", missing);
        if (held.state() == Fetched.State.FORBIDDEN) {
            model.addAttribute("refusal", "Your credentials cannot be shown: " + held.detail());
        }
        return "my/credentials";
    }

    @PostMapping("/my/credentials/renewal")
    String renew(
            @RequestParam(required = false) String badgeId,
            Caller caller,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        if (badgeId == null || badgeId.isBlank()) {
            throw new InvalidInput("badgeId", "names no credential to renew");
        }
        if (!isHttpUrl(badgeId)) {
            throw new InvalidInput("badgeId", "is not a credential's URL");
        }
        Fetched<JsonNode> answer = calls.call(
                ServiceCalls.ENROLLMENT,
                () -> enrollments.renew(
                        caller.authorization(), caller.subject(), new EnrollmentApi.RenewRequest(badgeId)));
        if (answer.isFound()) {
            flash.addFlashAttribute(
                    "done",
                    "Renewal of " + answer.value().path("credentialTitle").asString("your credential")
                            + " started: what it takes is below.");
            return "redirect:/my/learning";
        }
        response.setStatus(Refusals.status(answer).value());
        String page = credentials(caller, model);
        model.addAttribute("refusal", "The renewal was not started: " + Refusals.reason(answer));
        return page;
    }

    /**
     * {@code POST /my/credentials/display-name} {@code id, name}: the name shown on credential {@code id}'s public page
     * (badge-service {@code PUT .../credentials/{id}/display-name}); an empty name shows none. 400 page naming {@code
     * id} or {@code name} (over {@value #NAME_LENGTH} characters or with control characters) before badge-service is
     * asked.
     */
    @PostMapping("/my/credentials/display-name")
    String chooseDisplayName(
            @RequestParam(required = false) String id,
            @RequestParam(defaultValue = "") String name,
            Caller caller,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        if (id == null || id.isBlank()) {
            throw new InvalidInput("id", "names no credential");
        }
        LearningController.checkId("id", id);
        String shown = name.strip();
        if (shown.length() > NAME_LENGTH || shown.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("name", "is at most " + NAME_LENGTH + " characters, without control characters");
        }
        Fetched<JsonNode> answer = calls.call(
                ServiceCalls.BADGE,
                () -> badges.chooseDisplayName(
                        caller.authorization(),
                        caller.subject(),
                        id,
                        new LearnerBadgeApi.DisplayName(shown.isEmpty() ? null : shown)));
        if (answer.isFound()) {
            flash.addFlashAttribute(
                    "done",
                    shown.isEmpty()
                            ? "The public page shows no name."
                            : "The public page shows your name as " + shown + ".");
            return "redirect:/my/credentials";
        }
        response.setStatus(Refusals.status(answer).value());
        String page = credentials(caller, model);
        model.addAttribute("refusal", "The name was not changed: " + Refusals.reason(answer));
        return page;
    }

    /** The longest name badge-service shows. */
    static final int NAME_LENGTH = 100;

    /** Badge id → the name its holder shows on the public page (absent: none, or badge-service did not say). */
    private Map<String, String> shownNames(List<HeldCredential> credentials) {
        Map<String, String> names = new HashMap<>();
        for (HeldCredential c : credentials) {
            Fetched<JsonNode> shown = calls.call(ServiceCalls.BADGE, () -> badges.displayName(c.id()));
            if (shown.isFound() && shown.value().path("name").isString()) {
                names.put(c.id(), shown.value().path("name").asString());
            }
        }
        return names;
    }

    private List<HeldCredential> held(Caller caller, JsonNode list, List<String> missing) {
        Set<String> renewed = new HashSet<>();
        list.forEach(c -> {
            if (c.path("renewalOf").isString()) {
                renewed.add(c.path("renewalOf").asString());
            }
        });
        Map<String, String> renewalsUnderWay = renewalsUnderWay(caller, missing);
        Map<String, Fetched<JsonNode>> entries = new HashMap<>();
        boolean verificationMissing = false;
        boolean catalogMissing = false;
        Instant now = clock.instant();
        List<HeldCredential> held = new ArrayList<>();
        for (JsonNode c : list) {
            String id = c.path("id").asString();
            String credentialId = c.path("credentialId").asString();
            Fetched<JsonNode> verification = calls.call(ServiceCalls.BADGE, () -> badges.verification(id));
            Boolean revoked = verification.isFound()
                    ? "revoked".equals(verification.value().path("status").asString(""))
                    : null;
            verificationMissing |= revoked == null;
            Fetched<JsonNode> entry = entries.computeIfAbsent(
                    credentialId, key -> calls.call(ServiceCalls.CATALOG, () -> catalog.credential(key)));
            catalogMissing |= entry.isUnavailable();
            JsonNode policy = entry.isFound() ? entry.value().path("content").path("renewalPolicy") : null;
            String publicUrl = c.path("publicUrl").asString();
            held.add(HeldCredential.of(
                    id,
                    publicUrl,
                    credentialId,
                    c.path("achievementName").asString(credentialId),
                    instant(c.path("issuedAt")),
                    instant(c.path("validUntil")),
                    revoked,
                    renewed.contains(publicUrl),
                    policy != null && policy.isObject()
                            ? HeldCredential.Policy.of(
                                    policy.path("renewalWindow").asString(null),
                                    policy.path("gracePeriod").asString(null))
                            : null,
                    entry.isFound() || entry.state() == Fetched.State.NOT_FOUND,
                    renewalsUnderWay.get(publicUrl),
                    now));
        }
        if (verificationMissing) {
            missing.add("whether a credential was revoked (badge-service's verification did not answer)");
        }
        if (catalogMissing) {
            missing.add("when renewal opens (catalog-service is unavailable)");
        }
        return held;
    }

    /** Badge id → the renewal enrollment in progress for it. */
    private Map<String, String> renewalsUnderWay(Caller caller, List<String> missing) {
        Fetched<JsonNode> found = calls.call(
                ServiceCalls.ENROLLMENT, () -> enrollments.enrollments(caller.authorization(), caller.subject()));
        Map<String, String> underWay = new HashMap<>();
        if (found.isUnavailable()) {
            missing.add("renewals under way (enrollment-service is unavailable)");
        }
        if (found.isFound()) {
            for (JsonNode e : found.value()) {
                if ("RENEWAL".equals(e.path("kind").asString(""))
                        && "IN_PROGRESS".equals(e.path("status").asString(""))
                        && e.path("renewalOf").isString()) {
                    underWay.put(e.path("renewalOf").asString(), e.path("id").asString());
                }
            }
        }
        return underWay;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Instant instant(JsonNode node) {
        return node.isString() ? Instant.parse(node.asString()) : null;
    }
}
