package org.credstack.web.learner;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.credstack.web.Fetched;
import org.credstack.web.InvalidInput;
import org.credstack.web.ServiceCalls;
import org.credstack.web.signin.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * "My learning": {@code GET /my/learning} lists the learner's enrollments with what is done, how and when, and what is
 * left (enrollment-service {@code GET /api/v1/learners/{id}/enrollments}, one call), and the results of an enroll
 * request. {@code POST /my/learning/{enrollmentId}/assignments/{assignmentId}/done} marks a self-paced assignment
 * done; {@code POST /my/learning/{enrollmentId}/attestation} confirms a renewal without requirements. Both redirect
 * back on success; a refusal (403, 404, 409) is this page with that status and the service's reason, enrollment-service
 * down is the page with status 503 saying nothing was changed; an id that cannot be one is a 400 page naming it.
 */
@Controller
class LearningController {

    private final EnrollmentApi enrollments;
    private final ServiceCalls calls;

    LearningController(EnrollmentApi enrollments, ServiceCalls calls) {
        this.enrollments = enrollments;
        this.calls = calls;
    }

    @GetMapping("/my/learning")
    String learning(Caller caller, Model model) {
        Fetched<JsonNode> found = calls.call(
                ServiceCalls.ENROLLMENT, () -> enrollments.enrollments(caller.authorization(), caller.subject()));
        List<EnrollmentCard> cards = new ArrayList<>();
        if (found.isFound()) {
            found.value().forEach(e -> cards.add(EnrollmentCard.of(e)));
        }
        // 404: enrollment-service has no record of the learner yet; their first enrollment creates it
        model.addAttribute("enrollments", cards.reversed());
        model.addAttribute("learningUnavailable", found.isUnavailable());
        if (found.state() == Fetched.State.FORBIDDEN) {
            model.addAttribute("refusal", "Your enrollments cannot be shown: " + found.detail());
        }
        return "my/learning";
    }

    @PostMapping("/my/learning/{enrollmentId}/assignments/{assignmentId}/done")
    String markDone(
            @PathVariable String enrollmentId,
            @PathVariable String assignmentId,
            Caller caller,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        checkId("enrollmentId", enrollmentId);
        checkId("assignmentId", assignmentId);
        return change(
                () -> enrollments.complete(caller.authorization(), caller.subject(), enrollmentId, assignmentId),
                "Marked done.",
                "The assignment was not marked done",
                caller,
                model,
                flash,
                response);
    }

    @PostMapping("/my/learning/{enrollmentId}/attestation")
    String attest(
            @PathVariable String enrollmentId,
            Caller caller,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        checkId("enrollmentId", enrollmentId);
        return change(
                () -> enrollments.attest(caller.authorization(), caller.subject(), enrollmentId),
                "Renewal confirmed: your renewed credential is on its way.",
                "The renewal was not confirmed",
                caller,
                model,
                flash,
                response);
    }

    private String change(
            Supplier<JsonNode> request,
            String doneText,
            String notDone,
            Caller caller,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        Fetched<JsonNode> answer = calls.call(ServiceCalls.ENROLLMENT, request);
        if (answer.isFound()) {
            flash.addFlashAttribute("done", doneText);
            return "redirect:/my/learning";
        }
        response.setStatus(Refusals.status(answer).value());
        String page = learning(caller, model);
        model.addAttribute("refusal", notDone + ": " + Refusals.reason(answer));
        return page;
    }

    static void checkId(String field, String value) {
        if (!EnrollController.ID.matcher(value).matches()) {
            throw new InvalidInput(field, "is not an id (letters, digits, '.', '_' and '-')");
        }
    }
}
