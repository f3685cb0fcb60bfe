package org.credstack.web.learner;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

/**
 * Notifications and e-mail preferences (notification-service's learner API, with the learner's token): {@code GET
 * /my/notifications} lists the newest {@value #LIMIT} in-app notifications and the reminder e-mail setting; {@code
 * POST /my/notifications/{id}/read} marks one read; {@code POST /my/notifications/preferences} {@code
 * reminderEmails=true|false} sets whether renewal reminders come by e-mail. Success redirects back; anything but
 * {@code true} or {@code false} is a 400 page with the form's field marked; a refusal is this page with its status and
 * the reason; notification-service down is said on the page.
 */
@Controller
class NotificationsController {

    static final int LIMIT = 50;

    private final NotificationApi notifications;
    private final ServiceCalls calls;

    NotificationsController(NotificationApi notifications, ServiceCalls calls) {
        this.notifications = notifications;
        this.calls = calls;
    }

    @GetMapping("/my/notifications")
    String notifications(Caller caller, Model model) {
        Fetched<JsonNode> list = calls.call(
                ServiceCalls.NOTIFICATION,
                () -> notifications.notifications(caller.authorization(), caller.subject(), LIMIT));
        Fetched<JsonNode> preferences = calls.call(
                ServiceCalls.NOTIFICATION, () -> notifications.preferences(caller.authorization(), caller.subject()));
        model.addAttribute("notifications", list.isFound() ? list.value() : null);
        model.addAttribute("preferences", preferences.isFound() ? preferences.value() : null);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "my/notifications";
    }

    @PostMapping("/my/notifications/{id}/read")
    String markRead(
            @PathVariable String id,
            Caller caller,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        LearningController.checkId("id", id);
        Fetched<JsonNode> answer = calls.call(
                ServiceCalls.NOTIFICATION, () -> notifications.markRead(caller.authorization(), caller.subject(), id));
        return after(answer, "Marked read.", "The notification was not marked read", caller, model, flash, response);
    }

    @PostMapping("/my/notifications/preferences")
    String setPreferences(
            @RequestParam(required = false) String reminderEmails,
            Caller caller,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        if (!"true".equals(reminderEmails) && !"false".equals(reminderEmails)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(
                    "errors", Map.of("reminderEmails", "reminderEmails: choose whether reminders come by e-mail"));
            return notifications(caller, model);
        }
        boolean on = Boolean.parseBoolean(reminderEmails);
        Fetched<JsonNode> answer = calls.call(
                ServiceCalls.NOTIFICATION,
                () -> notifications.setPreferences(
                        caller.authorization(), caller.subject(), new NotificationApi.Preferences(on)));
        if (answer.state() == Fetched.State.REJECTED) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(
                    "errors", answer.errors().isEmpty() ? Map.of("reminderEmails", answer.detail()) : answer.errors());
            return notifications(caller, model);
        }
        String done = on ? "Renewal reminders will come by e-mail." : "No more reminder e-mails.";
        return after(answer, done, "Your preference was not saved", caller, model, flash, response);
    }

    private String after(
            Fetched<JsonNode> answer,
            String doneText,
            String notDone,
            Caller caller,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        if (answer.isFound()) {
            flash.addFlashAttribute("done", doneText);
            return "redirect:/my/notifications";
        }
        response.setStatus(Refusals.status(answer).value());
        String page = notifications(caller, model);
        model.addAttribute("refusal", notDone + ": " + Refusals.reason(answer));
        return page;
    }
}
