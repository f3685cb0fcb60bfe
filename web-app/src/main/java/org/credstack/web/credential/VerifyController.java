package org.credstack.web.credential;

import jakarta.servlet.http.HttpServletResponse;
import org.credstack.web.Fetched;
import org.credstack.web.InvalidInput;
import org.credstack.web.ServiceCalls;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Checking a credential someone sent you, {@code /verify}, public (linked from the header): {@code GET} is the form,
 * {@code POST} ({@code multipart/form-data} or a plain form) takes the pasted {@code credential} (JSON or a VC-JWT)
 * or an uploaded {@code file} (JSON, a {@code .jwt}, a baked PNG or SVG; at most 1 MB, held in memory), sends it to
 * badge-service's {@code POST /api/v1/verify} in the form it is (docs/verification.md) and shows the answer in plain
 * words: the overall status and what it means, why, what the credential says of itself, and each check.
 *
 * <p>Statuses: 200 with the result, whatever it is; 400 with the form naming the field for bad input (nothing given,
 * both given, an empty or oversized file) without asking badge-service, and for badge-service's own 400 problem
 * ({@code not-a-credential}) with its words; 503 saying the credential could not be checked now when badge-service
 * does not answer (never "invalid"). Nothing sent is stored or logged.
 */
@Controller
class VerifyController {

    private final BadgeApi badge;
    private final ServiceCalls calls;

    VerifyController(BadgeApi badge, ServiceCalls calls) {
        this.badge = badge;
        this.calls = calls;
    }

    @GetMapping("/verify")
    String form(Model model) {
        return page(model, "", null, null);
    }

    @PostMapping("/verify")
    String verify(
            @RequestParam(name = SentCredential.PASTED, defaultValue = "") String pasted,
            @RequestParam(name = SentCredential.UPLOADED, required = false) MultipartFile file,
            Model model,
            HttpServletResponse response) {
        SentCredential sent;
        try {
            sent = SentCredential.of(pasted, file);
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, pasted, new Refusal(e.field(), e.getMessage()), null);
        }
        Fetched<JsonNode> report =
                calls.call(ServiceCalls.BADGE, () -> badge.verify(sent.form().mediaType(), sent.body()));
        switch (report.state()) {
            case FOUND -> {
                return page(model, pasted, null, VerificationResult.of(report.value(), sent));
            }
            case REJECTED -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                String what = sent.field().equals(SentCredential.UPLOADED) ? "This file" : "What you pasted";
                return page(
                        model,
                        pasted,
                        new Refusal(
                                sent.field(), what + " is not a credential that can be checked: " + report.detail()),
                        null);
            }
            default -> {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                model.addAttribute("unavailable", true);
                return page(model, pasted, null, null);
            }
        }
    }

    private static String page(Model model, String pasted, Refusal refusal, VerificationResult result) {
        model.addAttribute("pasted", pasted);
        model.addAttribute("refusal", refusal);
        model.addAttribute("result", result);
        model.addAttribute("maxBytes", SentCredential.MAX_BYTES);
        return "verify";
    }

    /**
     * Why the form's input could not be checked.
     *
     * @param field {@code credential} or {@code file}
     * @param message what is wrong, in words
     */
    record Refusal(String field, String message) {}
}
