package org.credstack.notification;

import java.util.List;
import org.credstack.notification.inbox.NotificationNotFound;
import org.credstack.notification.learner.InvalidLinkToken;
import org.credstack.notification.learner.InvalidPreferences;
import org.credstack.runtime.problem.ProblemError;
import org.credstack.runtime.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The notification service's own refusal as an RFC 9457 problem, built by the platform's {@link Problems}: 404
 * {@code notification-not-found} (adds {@code notificationId}, and {@code errors} naming the {@code id} path
 * variable); 400 {@code invalid-link-token} for an unsubscribe link whose token is bad or expired; 400
 * {@code invalid-request} naming the field for a preferences request without {@code reminderEmails}. A bad parameter ({@code limit=0}: 400 {@code invalid-request} with {@code errors} {@code [{field,
 * message}]}) and Spring MVC's own errors are the platform's advice, ordered after this one.
 */
@RestControllerAdvice
@Order(Problems.SERVICE_ADVICE_ORDER)
class ApiProblems {

    @ExceptionHandler
    ProblemDetail notFound(NotificationNotFound e) {
        ProblemDetail problem = Problems.problem(
                HttpStatus.NOT_FOUND,
                "notification-not-found",
                "Notification not found",
                e.getMessage(),
                List.of(ProblemError.field("id", e.getMessage())));
        problem.setProperty("notificationId", e.notificationId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidLink(InvalidLinkToken e) {
        return Problems.problem(
                HttpStatus.BAD_REQUEST,
                "invalid-link-token",
                "Link not valid",
                e.getMessage(),
                List.of(ProblemError.field("token", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail invalidPreferences(InvalidPreferences e) {
        return Problems.invalidRequest(e.field(), e.getMessage());
    }
}
