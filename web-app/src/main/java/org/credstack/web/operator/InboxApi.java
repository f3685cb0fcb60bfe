package org.credstack.web.operator;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import tools.jackson.databind.JsonNode;

/** enrollment-service's unmatched inbox, operators only. */
public interface InboxApi {

    /**
     * The newest {@code limit} statements that matched no learner or assignment yet: {@code [{statementId, reason,
     * actorKey, actorFoldedKey, activityId, verbId, timestamp, heldAt}]}.
     */
    @GetExchange("/api/v1/inbox/unmatched")
    JsonNode unmatched(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestParam int limit);
}
