package org.credstack.web.provider;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.credstack.web.Fetched;
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

/**
 * A provider's enrollments for its staff, on enrollment-service's provider-side completion ({@code POST
 * /api/v1/providers/{providerId}/enrollments/{enrollmentId}/assignments/{assignmentId}/complete}): {@code GET
 * /provider/{providerId}/enrollments} is the form, {@code POST .../enrollments/completions} marks an assignment done
 * (an exam sat in person, a practicum signed off) and shows the enrollment's progress. The form page lists the
 * provider's enrollments ({@code GET /api/v1/providers/{providerId}/enrollments}, docs/provider-lists.md), from
 * whose rows an assignment is marked done the same way; the form by id stays for an enrollment not on the page.
 */
@Controller
class EnrollmentPagesController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");

    /** enrollment-service's statuses, as the list filters by them. */
    static final List<String> STATUSES = List.of("IN_PROGRESS", "COMPLETED", "WITHDRAWN");

    private final StaffEnrollmentApi enrollment;
    private final ServiceCalls calls;
    private final JsonMapper json;

    EnrollmentPagesController(StaffEnrollmentApi enrollment, ServiceCalls calls, JsonMapper json) {
        this.enrollment = enrollment;
        this.calls = calls;
        this.json = json;
    }

    /**
     * The provider's enrollments, newest first, a page at a time ({@code GET
     * /api/v1/providers/{providerId}/enrollments}), optionally of one credential ({@code credentialId}) or status;
     * each open assignment of an enrollment in progress can be marked done from its row. 400 naming {@code
     * credentialId}, {@code status} or {@code page} when one cannot be used (enrollment-service is not asked); its
     * refusals in words with its status; when it does not answer, the page still offers the form by id.
     */
    @GetMapping("/provider/{providerId}/enrollments")
    String enrollments(
            @PathVariable String providerId,
            @RequestParam(required = false) String credentialId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            Caller caller,
            Model model,
            HttpServletResponse response) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        String credential = credentialId == null || credentialId.isBlank() ? null : credentialId.strip();
        String state = status == null || status.isBlank() ? null : status.strip();
        Integer number = Pager.number(page);
        Map<String, String> errors = new LinkedHashMap<>();
        if (credential != null && !ID.matcher(credential).matches()) {
            errors.put(
                    "credentialId",
                    "credentialId: a credential's id (a letter or digit, then letters, digits, '.', '_', '~' or '-')");
        }
        if (state != null && !STATUSES.contains(state)) {
            errors.put("status", "status: in progress, completed or withdrawn");
        }
        if (number == null) {
            errors.put("page", Pager.PAGE_ERROR);
        }
        model.addAttribute("filterCredentialId", credentialId);
        model.addAttribute("filterStatus", state);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, providerId, null, null, errors, null);
        }
        Fetched<JsonNode> found = calls.call(
                ServiceCalls.ENROLLMENT,
                () -> enrollment.enrollments(
                        caller.authorization(), providerId, number, Pager.SIZE, credential, state));
        if (found.isFound()) {
            model.addAttribute("list", EnrollmentList.of(found.value(), n -> link(providerId, credential, state, n)));
        } else {
            if (!found.isUnavailable()) {
                response.setStatus(CredentialPagesController.status(found));
            }
            model.addAttribute(
                    "listMissing", Refusals.of(found, "enrollment-service", "list of this provider's enrollments"));
        }
        return page(model, providerId, null, null, Map.of(), null);
    }

    private static String link(String providerId, String credentialId, String status, int page) {
        return UriComponentsBuilder.fromPath("/provider/{p}/enrollments")
                .queryParamIfPresent("credentialId", Optional.ofNullable(credentialId))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParam("page", page)
                .buildAndExpand(providerId)
                .encode()
                .toUriString();
    }

    /**
     * Marks the assignment done and shows the enrollment (post/redirect/get); 400 naming {@code enrollmentId} or
     * {@code assignmentId} when one is missing or cannot be an id (enrollment-service is not asked); its refusals
     * (403, 404, 409) and its absence (503) in words, with what was typed kept.
     */
    @PostMapping("/provider/{providerId}/enrollments/completions")
    String complete(
            @PathVariable String providerId,
            @RequestParam(required = false) String enrollmentId,
            @RequestParam(required = false) String assignmentId,
            Caller caller,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ProviderAdvice.requireStaffOf(caller, providerId);
        String enrollmentKey = enrollmentId == null ? "" : enrollmentId.strip();
        String assignmentKey = assignmentId == null ? "" : assignmentId.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!ID.matcher(enrollmentKey).matches()) {
            errors.put(
                    "enrollmentId",
                    "enrollmentId: the enrollment's id (a letter or digit, then letters, digits, '.', '_', '~' or '-')");
        }
        if (!ID.matcher(assignmentKey).matches()) {
            errors.put("assignmentId", "assignmentId: the assignment's id as the credential names it");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, providerId, enrollmentId, assignmentId, errors, null);
        }
        Fetched<JsonNode> done = calls.call(
                ServiceCalls.ENROLLMENT,
                () -> enrollment.completeAssignment(
                        caller.authorization(), providerId, enrollmentKey, assignmentKey, json.createObjectNode()));
        if (done.isFound()) {
            redirect.addFlashAttribute("progress", Progress.of(done.value()));
            redirect.addFlashAttribute("done", "Assignment " + assignmentKey + " marked done.");
            return "redirect:/provider/" + providerId + "/enrollments";
        }
        response.setStatus(CredentialPagesController.status(done));
        String refusal = done.isUnavailable()
                ? "Nothing was marked done: enrollment-service did not answer; try again in a minute."
                : "Nothing was marked done. "
                        + Refusals.of(
                                done,
                                "enrollment-service",
                                "enrollment " + enrollmentKey + " with assignment " + assignmentKey
                                        + " for this provider");
        return page(model, providerId, enrollmentId, assignmentId, errors, refusal);
    }

    private static String page(
            Model model,
            String providerId,
            String enrollmentId,
            String assignmentId,
            Map<String, String> errors,
            String refusal) {
        model.addAttribute("providerId", providerId);
        model.addAttribute("enrollmentId", enrollmentId);
        model.addAttribute("assignmentId", assignmentId);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("statuses", STATUSES);
        return "provider/enrollments";
    }

    /**
     * An enrollment's progress, from enrollment-service's {@code EnrollmentView}.
     *
     * @param id the enrollment id
     * @param learnerId the learner
     * @param credentialTitle the credential's title
     * @param status {@code ACTIVE}, {@code COMPLETED}, {@code WITHDRAWN}
     * @param assignments each assignment with whether, how and when it was done
     */
    record Progress(String id, String learnerId, String credentialTitle, String status, List<Step> assignments) {

        /** One assignment: {@code how} is LEARNER, PROVIDER or PARTNER; {@code when} RFC 3339; both null if not done. */
        record Step(String assignmentId, String title, boolean done, String how, String when) {}

        static Progress of(JsonNode view) {
            List<Step> steps = new ArrayList<>();
            view.path("assignments")
                    .forEach(a -> steps.add(new Step(
                            a.path("assignmentId").asString(""),
                            a.path("title").asString(a.path("assignmentId").asString("")),
                            a.path("done").asBoolean(false),
                            a.path("how").asString(null),
                            a.path("when").asString(null))));
            return new Progress(
                    view.path("id").asString(""),
                    view.path("learnerId").asString(""),
                    view.path("credentialTitle").asString(""),
                    view.path("status").asString(""),
                    steps);
        }
    }
}
