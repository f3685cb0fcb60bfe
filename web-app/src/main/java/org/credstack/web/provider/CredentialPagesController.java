package org.credstack.web.provider;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.credstack.web.Fetched;
import org.credstack.web.InvalidInput;
import org.credstack.web.ServiceCalls;
import org.credstack.web.signin.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's credentials for its staff, on catalog-service's API (docs/web-app-provider.md):
 *
 * <ul>
 *   <li>{@code GET /provider/{providerId}/credentials/new}, {@code POST /provider/{providerId}/credentials}: a new
 *       draft ({@code POST /api/v1/credentials});
 *   <li>{@code GET /provider/credentials/{id}}: one credential with the steps its status allows;
 *   <li>{@code GET /provider/credentials/{id}/edit}, {@code POST /provider/credentials/{id}}: edit a draft ({@code
 *       PUT}) or, once published, revise it ({@code POST .../revisions}, the next version);
 *   <li>{@code POST /provider/credentials/{id}/publish}, {@code POST /provider/credentials/{id}/retire}.
 * </ul>
 *
 * A credential of a provider the person does not work for is a 403 page, before anything is changed. Bad input is a
 * 400 form naming each field (the form's own checks, then catalog-service's field errors on the same fields); a
 * refusal (403, 409) is the service's words with the matching status; catalog-service down is a 503 page that keeps
 * what was typed and says so. After a change the browser is sent to the credential's page (post/redirect/get).
 */
@Controller
class CredentialPagesController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");
    private static final String CATALOG = "catalog-service";

    private final StaffCatalogApi catalog;
    private final ServiceCalls calls;
    private final JsonMapper json;

    CredentialPagesController(StaffCatalogApi catalog, ServiceCalls calls, JsonMapper json) {
        this.catalog = catalog;
        this.calls = calls;
        this.json = json;
    }

    @GetMapping("/provider/{providerId}/credentials/new")
    String newDraft(@PathVariable String providerId, Caller caller, Model model) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        return form(model, providerId, null, DraftForm.blank(), Map.of(), null);
    }

    @PostMapping("/provider/{providerId}/credentials")
    String create(
            @PathVariable String providerId,
            @ModelAttribute("form") DraftForm form,
            Caller caller,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        Map<String, String> errors = form.check();
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, providerId, null, form.withSpareRows(), errors, null);
        }
        ObjectNode body = form.body(json, null, providerId);
        Fetched<JsonNode> created =
                calls.call(ServiceCalls.CATALOG, () -> catalog.create(caller.authorization(), body));
        if (created.isFound()) {
            redirect.addFlashAttribute("done", "Draft saved.");
            return "redirect:/provider/credentials/"
                    + created.value().path("id").asString();
        }
        return refused(created, form, providerId, null, model, response);
    }

    @GetMapping("/provider/credentials/{id}")
    String credential(@PathVariable String id, Caller caller, Model model, HttpServletResponse response) {
        Fetched<JsonNode> found = load(id, caller);
        if (!found.isFound()) {
            return unavailable(found, id, model, response);
        }
        model.addAttribute("credential", StaffCredential.of(found.value()));
        model.addAttribute("content", DraftForm.of(found.value().path("content")));
        return "provider/credential";
    }

    @GetMapping("/provider/credentials/{id}/edit")
    String edit(@PathVariable String id, Caller caller, Model model, HttpServletResponse response) {
        Fetched<JsonNode> found = load(id, caller);
        if (!found.isFound()) {
            return unavailable(found, id, model, response);
        }
        StaffCredential credential = StaffCredential.of(found.value());
        return form(
                model,
                credential.providerId(),
                credential,
                DraftForm.of(found.value().path("content")),
                Map.of(),
                null);
    }

    /** Saves the draft ({@code PUT}) or, for a published credential, publishes the form as its next version. */
    @PostMapping("/provider/credentials/{id}")
    String save(
            @PathVariable String id,
            @ModelAttribute("form") DraftForm form,
            Caller caller,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Fetched<JsonNode> found = load(id, caller);
        if (!found.isFound()) {
            return unavailable(found, id, model, response);
        }
        StaffCredential credential = StaffCredential.of(found.value());
        Map<String, String> errors = form.check();
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, credential.providerId(), credential, form.withSpareRows(), errors, null);
        }
        ObjectNode body = form.body(json, found.value().path("content"), credential.providerId());
        Fetched<JsonNode> saved = credential.isDraft()
                ? calls.call(ServiceCalls.CATALOG, () -> catalog.edit(caller.authorization(), id, body))
                : calls.call(ServiceCalls.CATALOG, () -> catalog.revise(caller.authorization(), id, body));
        if (saved.isFound()) {
            redirect.addFlashAttribute(
                    "done",
                    credential.isDraft()
                            ? "Draft saved."
                            : "Published as version "
                                    + saved.value().path("version").asInt() + ".");
            return "redirect:/provider/credentials/" + id;
        }
        return refused(saved, form, credential.providerId(), credential, model, response);
    }

    @PostMapping("/provider/credentials/{id}/publish")
    String publish(
            @PathVariable String id,
            Caller caller,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(
                id,
                caller,
                model,
                response,
                redirect,
                "Published as version 1.",
                () -> catalog.publish(caller.authorization(), id));
    }

    @PostMapping("/provider/credentials/{id}/retire")
    String retire(
            @PathVariable String id,
            Caller caller,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(
                id,
                caller,
                model,
                response,
                redirect,
                "Retired: no new enrollments; awards already made stay valid.",
                () -> catalog.retire(caller.authorization(), id));
    }

    private String step(
            String id,
            Caller caller,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String done,
            java.util.function.Supplier<JsonNode> request) {
        Fetched<JsonNode> found = load(id, caller);
        if (!found.isFound()) {
            return unavailable(found, id, model, response);
        }
        Fetched<JsonNode> changed = calls.call(ServiceCalls.CATALOG, request);
        if (changed.isFound()) {
            redirect.addFlashAttribute("done", done);
            return "redirect:/provider/credentials/" + id;
        }
        response.setStatus(status(changed));
        model.addAttribute("credential", StaffCredential.of(found.value()));
        model.addAttribute("content", DraftForm.of(found.value().path("content")));
        model.addAttribute("refusal", Refusals.of(changed, CATALOG, "credential"));
        return "provider/credential";
    }

    /**
     * The credential, read with the person's token, once its id has the shape of one; a credential of another
     * provider is refused here ({@link NotStaffOfProvider}).
     */
    private Fetched<JsonNode> load(String id, Caller caller) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidInput(
                    "id", "is not a credential id (a letter or digit, then letters, digits, '.', '_', '~' or '-')");
        }
        Fetched<JsonNode> found =
                calls.call(ServiceCalls.CATALOG, () -> catalog.credential(caller.authorization(), id));
        if (found.isFound()) {
            ProviderAdvice.requireStaffOf(
                    caller, found.value().path("content").path("providerId").asString(null));
        }
        return found;
    }

    private String unavailable(Fetched<JsonNode> found, String id, Model model, HttpServletResponse response) {
        if (found.state() == Fetched.State.NOT_FOUND) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("what", "credential " + id);
            return "not-found";
        }
        response.setStatus(status(found));
        model.addAttribute("id", id);
        model.addAttribute("refusal", Refusals.of(found, CATALOG, "credential"));
        return "provider/credential";
    }

    private String refused(
            Fetched<JsonNode> answer,
            DraftForm form,
            String providerId,
            StaffCredential credential,
            Model model,
            HttpServletResponse response) {
        response.setStatus(status(answer));
        Map<String, String> errors = answer.state() == Fetched.State.REJECTED
                ? form.onForm(answer.errors().isEmpty() ? Map.of("$", answer.detail()) : answer.errors())
                : Map.of();
        String refusal = answer.state() == Fetched.State.REJECTED ? null : Refusals.of(answer, CATALOG, "credential");
        if (answer.isUnavailable()) {
            refusal = "Nothing was saved: catalog-service did not answer. What you typed is still here; try again in a"
                    + " minute.";
        }
        return form(model, providerId, credential, form.withSpareRows(), errors, refusal);
    }

    private static String form(
            Model model,
            String providerId,
            StaffCredential credential,
            DraftForm form,
            Map<String, String> errors,
            String refusal) {
        Map<String, String> links = new LinkedHashMap<>();
        errors.keySet().forEach(field -> links.put(field, DraftForm.fieldId(field)));
        model.addAttribute("providerId", providerId);
        model.addAttribute("credential", credential);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorLinks", links);
        model.addAttribute("refusal", refusal);
        model.addAttribute("categories", DraftForm.CATEGORIES);
        model.addAttribute("deliveryModes", DraftForm.DELIVERY_MODES);
        model.addAttribute("moveOns", DraftForm.MOVE_ON);
        return "provider/draft-form";
    }

    /** The page's status for a service's answer that is not a success. */
    static int status(Fetched<?> answer) {
        return switch (answer.state()) {
            case FOUND -> HttpStatus.OK.value();
            case NOT_FOUND -> HttpStatus.NOT_FOUND.value();
            case REJECTED -> HttpStatus.BAD_REQUEST.value();
            case FORBIDDEN -> HttpStatus.FORBIDDEN.value();
            case CONFLICT -> HttpStatus.CONFLICT.value();
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE.value();
        };
    }
}
