package org.credstack.web.learner;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.credstack.web.Fetched;
import org.credstack.web.ServiceCalls;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Signing up, for people without an account (linked from the header): {@code GET /sign-up} is the form, {@code POST
 * /sign-up} {@code email, displayName, password} creates a learner account at identity-service ({@code POST
 * /api/v1/accounts}, no token) and redirects back with the way to sign in. The web app checks identity-service's
 * rules first (400 form naming each bad field, identity-service not asked); identity-service's own 400 names its
 * field, its 409 says the e-mail has an account; identity-service down is a 503 form saying nothing was created. The
 * password is never shown again, logged or kept.
 */
@Controller
class SignUpController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final IdentityApi identity;
    private final ServiceCalls calls;

    SignUpController(IdentityApi identity, ServiceCalls calls) {
        this.identity = identity;
        this.calls = calls;
    }

    @GetMapping("/sign-up")
    String form(Model model) {
        model.addAttribute("form", new Form("", ""));
        model.addAttribute("errors", Map.of());
        return "my/sign-up";
    }

    @PostMapping("/sign-up")
    String signUp(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        Form form = new Form(email.strip(), displayName.strip());
        model.addAttribute("form", form);
        Map<String, String> errors = errors(form, password);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "my/sign-up";
        }
        Fetched<JsonNode> created = calls.call(
                ServiceCalls.IDENTITY,
                () -> identity.register(new IdentityApi.NewAccount(form.email(), password, form.displayName())));
        switch (created.state()) {
            case FOUND -> {
                flash.addFlashAttribute("done", "Your account is ready: sign in with " + form.email() + ".");
                return "redirect:/sign-up";
            }
            case CONFLICT -> errors.put("email", "email: an account has this e-mail already; sign in instead");
            case REJECTED -> {
                created.errors().forEach((field, message) -> errors.put(field, field + ": " + message));
                if (errors.isEmpty()) {
                    errors.put("email", created.detail());
                }
            }
            default -> model.addAttribute("refusal", "No account was created: " + Refusals.reason(created));
        }
        response.setStatus(Refusals.status(created).value());
        return "my/sign-up";
    }

    /** identity-service's rules for a new account, checked before asking it. */
    private static Map<String, String> errors(Form form, String password) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.email().isEmpty()
                || form.email().length() > 254
                || !EMAIL.matcher(form.email()).matches()) {
            errors.put("email", "email: an e-mail address such as ada@example.org");
        }
        if (form.displayName().isEmpty() || form.displayName().length() > 200) {
            errors.put("displayName", "displayName: your name, 1 to 200 characters");
        }
        if (password.length() < 12 || password.length() > 64 || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            errors.put("password", "password: 12 to 64 characters (at most 72 bytes)");
        }
        return errors;
    }

    /** The form's fields to show again (never the password). */
    record Form(String email, String displayName) {}
}
