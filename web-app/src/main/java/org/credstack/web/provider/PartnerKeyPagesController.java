package org.credstack.web.provider;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.credstack.web.Fetched;
import org.credstack.web.InvalidInput;
import org.credstack.web.ServiceCalls;
import org.credstack.web.signin.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's partner keys (docs/partner-keys.md) on enrollment-service's API: {@code GET
 * /provider/{providerId}/partner-keys} lists them; {@code POST} makes one and {@code POST .../{keyId}/rotate} gives one
 * a new secret, each answered with a page that shows the secret this once ({@code Cache-Control: no-store}, never
 * redirected to, never stored by the app); {@code POST .../{keyId}/revoke} ends one at once.
 */
@Controller
class PartnerKeyPagesController {

    /** The longest label enrollment-service takes. */
    static final int MAX_LABEL = 200;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String ENROLLMENT = "enrollment-service";

    private final StaffEnrollmentApi enrollment;
    private final ServiceCalls calls;
    private final JsonMapper json;

    PartnerKeyPagesController(StaffEnrollmentApi enrollment, ServiceCalls calls, JsonMapper json) {
        this.enrollment = enrollment;
        this.calls = calls;
        this.json = json;
    }

    @GetMapping("/provider/{providerId}/partner-keys")
    String keys(@PathVariable String providerId, Caller caller, Model model, HttpServletResponse response) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        return page(caller, providerId, model, response, null, null, null);
    }

    /** 200 with the new key's secret; 400 naming {@code label} when it is too long (enrollment-service not asked). */
    @PostMapping("/provider/{providerId}/partner-keys")
    String create(
            @PathVariable String providerId,
            @RequestParam(required = false) String label,
            Caller caller,
            Model model,
            HttpServletResponse response) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        String name = label == null || label.isBlank() ? null : label.strip();
        if (name != null && name.length() > MAX_LABEL) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("label", label);
            return page(
                    caller,
                    providerId,
                    model,
                    response,
                    null,
                    "label: at most " + MAX_LABEL + " characters (this one has " + name.length() + ")",
                    null);
        }
        ObjectNode body = json.createObjectNode().put("label", name);
        Fetched<JsonNode> made = calls.call(
                ServiceCalls.ENROLLMENT, () -> enrollment.createPartnerKey(caller.authorization(), providerId, body));
        return answered(made, caller, providerId, model, response, "made");
    }

    @PostMapping("/provider/{providerId}/partner-keys/{keyId}/rotate")
    String rotate(
            @PathVariable String providerId,
            @PathVariable String keyId,
            Caller caller,
            Model model,
            HttpServletResponse response) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        requireKeyId(keyId);
        Fetched<JsonNode> rotated = calls.call(
                ServiceCalls.ENROLLMENT, () -> enrollment.rotatePartnerKey(caller.authorization(), providerId, keyId));
        return answered(rotated, caller, providerId, model, response, "rotated");
    }

    @PostMapping("/provider/{providerId}/partner-keys/{keyId}/revoke")
    String revoke(
            @PathVariable String providerId,
            @PathVariable String keyId,
            Caller caller,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        requireKeyId(keyId);
        Fetched<JsonNode> revoked = calls.call(
                ServiceCalls.ENROLLMENT, () -> enrollment.revokePartnerKey(caller.authorization(), providerId, keyId));
        if (revoked.isFound()) {
            redirect.addFlashAttribute("done", "Key " + keyId + " revoked: it authenticates nothing from now on.");
            return "redirect:/provider/" + providerId + "/partner-keys";
        }
        response.setStatus(CredentialPagesController.status(revoked));
        return page(caller, providerId, model, response, null, null, "Not revoked. " + refusal(revoked, keyId));
    }

    private String answered(
            Fetched<JsonNode> answer,
            Caller caller,
            String providerId,
            Model model,
            HttpServletResponse response,
            String what) {
        if (!answer.isFound()) {
            response.setStatus(CredentialPagesController.status(answer));
            String labelError = answer.state() == Fetched.State.REJECTED ? answer.detail() : null;
            return page(
                    caller,
                    providerId,
                    model,
                    response,
                    null,
                    labelError,
                    labelError != null ? null : "Nothing " + what + ". " + refusal(answer, null));
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        JsonNode key = answer.value();
        Secret secret = new Secret(
                key.path("id").asString(),
                key.path("label").asString(null),
                key.path("secret").asString(),
                key.path("previousSecretValidUntil").asString(null),
                what);
        return page(caller, providerId, model, response, secret, null, null);
    }

    private String page(
            Caller caller,
            String providerId,
            Model model,
            HttpServletResponse response,
            Secret secret,
            String labelError,
            String refusal) {
        Fetched<JsonNode> listed =
                calls.call(ServiceCalls.ENROLLMENT, () -> enrollment.partnerKeys(caller.authorization(), providerId));
        List<Key> keys = new ArrayList<>();
        if (listed.isFound()) {
            listed.value()
                    .forEach(k -> keys.add(new Key(
                            k.path("id").asString(),
                            k.path("label").asString(null),
                            k.path("createdAt").asString(null),
                            k.path("rotatedAt").asString(null),
                            k.path("lastUsedAt").asString(null),
                            k.path("revoked").asBoolean(false),
                            k.path("revokedAt").asString(null))));
        } else if (refusal == null && listed.state() == Fetched.State.FORBIDDEN && response.getStatus() < 400) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
        }
        model.addAttribute("providerId", providerId);
        model.addAttribute("keys", listed.isFound() ? keys : null);
        model.addAttribute("missing", listed.isFound() ? null : Refusals.of(listed, ENROLLMENT, "partner keys"));
        model.addAttribute("secret", secret);
        model.addAttribute("labelError", labelError);
        model.addAttribute("refusal", refusal);
        model.addAttribute("maxLabel", MAX_LABEL);
        return "provider/partner-keys";
    }

    private static String refusal(Fetched<JsonNode> answer, String keyId) {
        return answer.isUnavailable()
                ? "enrollment-service did not answer; try again in a minute."
                : Refusals.of(answer, ENROLLMENT, keyId == null ? "key" : "key " + keyId + " for this provider");
    }

    private static void requireKeyId(String keyId) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new InvalidInput("keyId", "is not a partner key id (pk- and hex digits)");
        }
    }

    /**
     * A secret just made, shown once.
     *
     * @param keyId the HTTP Basic user name
     * @param label the key's label, or {@code null}
     * @param secret the HTTP Basic password
     * @param previousValidUntil after a rotation, until when the old secret still works (RFC 3339), else {@code null}
     * @param what {@code made} or {@code rotated}
     */
    record Secret(String keyId, String label, String secret, String previousValidUntil, String what) {}

    /** A key as listed: never a secret. Times are RFC 3339 strings or {@code null}. */
    record Key(
            String id,
            String label,
            String createdAt,
            String rotatedAt,
            String lastUsedAt,
            boolean revoked,
            String revokedAt) {}
}
