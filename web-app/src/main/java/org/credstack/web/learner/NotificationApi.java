package org.credstack.web.learner;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import tools.jackson.databind.JsonNode;

/** notification-service's learner API, with the learner's token (docs/authz-badge-notification.md). */
public interface NotificationApi {

    /**
     * {@code GET /api/v1/learners/{id}/notifications?limit=}: newest first, {@code [{id, kind, title, link, badgeId,
     * createdAt, read, readAt}]}.
     */
    @GetExchange(url = "/api/v1/learners/{learnerId}/notifications", accept = "application/json")
    JsonNode notifications(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String learnerId,
            @RequestParam int limit);

    /** {@code POST .../notifications/{id}/read}: 404 when the learner has no such notification. */
    @PostExchange(url = "/api/v1/learners/{learnerId}/notifications/{id}/read", accept = "application/json")
    JsonNode markRead(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String learnerId,
            @PathVariable String id);

    /** {@code GET .../notification-preferences}: {@code {learnerId, reminderEmails, inApp}}. */
    @GetExchange(url = "/api/v1/learners/{learnerId}/notification-preferences", accept = "application/json")
    JsonNode preferences(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String learnerId);

    /** {@code PUT .../notification-preferences} {@code {reminderEmails}}: 400 naming {@code reminderEmails}. */
    @PutExchange(
            url = "/api/v1/learners/{learnerId}/notification-preferences",
            accept = "application/json",
            contentType = "application/json")
    JsonNode setPreferences(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String learnerId,
            @RequestBody Preferences body);

    /** The preferences' body. */
    record Preferences(Boolean reminderEmails) {}
}
