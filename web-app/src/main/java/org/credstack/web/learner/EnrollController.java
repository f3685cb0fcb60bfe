package org.credstack.web.learner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.credstack.web.Fetched;
import org.credstack.web.InvalidInput;
import org.credstack.web.ServiceCalls;
import org.credstack.web.learner.EnrollOutcome.Result;
import org.credstack.web.signin.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /my/enrollments} with one or more {@code credentialId} fields (the catalog credential page's "Enroll"
 * button, the catalog results' checkboxes): registers the learner's enrollment-service record (idempotent), enrolls
 * in each credential in turn with the learner's token, and redirects to {@code /my/learning}, which reports each
 * result (enrolled, already enrolled, refused and why, not done because enrollment-service is down).
 *
 * <p>Bad input is a 400 page naming {@code credentialId}: none given, more than {@value #MOST} at once, or one that
 * cannot be a credential id; enrollment-service is not asked then.
 */
@Controller
class EnrollController {

    /** The most credentials one request enrolls in. */
    static final int MOST = 20;

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final EnrollmentApi enrollments;
    private final ServiceCalls calls;

    EnrollController(EnrollmentApi enrollments, ServiceCalls calls) {
        this.enrollments = enrollments;
        this.calls = calls;
    }

    @PostMapping("/my/enrollments")
    String enroll(
            @RequestParam(name = "credentialId", required = false) List<String> credentialIds,
            Caller caller,
            RedirectAttributes flash) {
        Set<String> ids = chosen(credentialIds);
        flash.addFlashAttribute("enrolled", outcomes(caller, ids));
        return "redirect:/my/learning";
    }

    private static Set<String> chosen(List<String> credentialIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : Objects.requireNonNullElse(credentialIds, List.<String>of())) {
            if (id == null || id.isBlank()) {
                continue;
            }
            if (!ID.matcher(id.strip()).matches()) {
                throw new InvalidInput(
                        "credentialId", "'" + id + "' is not a credential id (letters, digits, '.', '_' and '-')");
            }
            ids.add(id.strip());
        }
        if (ids.isEmpty()) {
            throw new InvalidInput("credentialId", "names no credential: choose at least one to enroll in");
        }
        if (ids.size() > MOST) {
            throw new InvalidInput(
                    "credentialId", "names " + ids.size() + " credentials; at most " + MOST + " at once");
        }
        return ids;
    }

    private List<EnrollOutcome> outcomes(Caller caller, Set<String> ids) {
        String unregistered = register(caller);
        List<EnrollOutcome> outcomes = new ArrayList<>();
        for (String id : ids) {
            if (unregistered != null) {
                Result result = unregistered.startsWith(UNAVAILABLE) ? Result.NOT_DONE : Result.REFUSED;
                outcomes.add(new EnrollOutcome(id, id, result, unregistered));
                continue;
            }
            Fetched<ResponseEntity<JsonNode>> answer = calls.call(
                    ServiceCalls.ENROLLMENT,
                    () -> enrollments.enroll(
                            caller.authorization(), caller.subject(), new EnrollmentApi.EnrollRequest(id)));
            outcomes.add(outcome(id, answer));
        }
        return outcomes;
    }

    private static final String UNAVAILABLE = "enrollment-service is unavailable";

    /** Creates the learner's record at enrollment-service if it is missing; the reason it could not, else null. */
    private String register(Caller caller) {
        List<String> emails = caller.email().isBlank() ? List.of() : List.of(caller.email());
        Fetched<JsonNode> registered = calls.call(
                ServiceCalls.ENROLLMENT,
                () -> enrollments.register(
                        caller.authorization(), new EnrollmentApi.Registration(caller.name(), emails)));
        return switch (registered.state()) {
            case FOUND -> null;
            case UNAVAILABLE -> UNAVAILABLE + " right now; nothing was enrolled, try again in a minute";
            case CONFLICT -> "your learner record could not be created: " + registered.detail();
            case REJECTED -> "your learner record could not be created: " + registered.detail();
            case FORBIDDEN -> "you may not enroll: " + registered.detail();
            case NOT_FOUND -> "your learner record could not be created";
        };
    }

    private static EnrollOutcome outcome(String id, Fetched<ResponseEntity<JsonNode>> answer) {
        return switch (answer.state()) {
            case FOUND -> {
                ResponseEntity<JsonNode> created = answer.value();
                JsonNode body = created.getBody();
                String title = body == null ? id : body.path("credentialTitle").asString(id);
                Result result = created.getStatusCode().isSameCodeAs(HttpStatus.CREATED)
                        ? Result.ENROLLED
                        : Result.ALREADY_ENROLLED;
                yield new EnrollOutcome(id, title, result, null);
            }
            case NOT_FOUND -> new EnrollOutcome(id, id, Result.REFUSED, "the catalog has no such credential");
            case CONFLICT, REJECTED -> new EnrollOutcome(id, id, Result.REFUSED, answer.detail());
            case FORBIDDEN -> new EnrollOutcome(id, id, Result.REFUSED, "not allowed: " + answer.detail());
            case UNAVAILABLE ->
                new EnrollOutcome(id, id, Result.NOT_DONE, UNAVAILABLE + " right now; try again in a minute");
        };
    }
}
