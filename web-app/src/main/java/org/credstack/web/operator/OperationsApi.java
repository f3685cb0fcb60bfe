package org.credstack.web.operator;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.JsonNode;

/**
 * The operator endpoints every service has from platform-runtime (docs/web-app-operator.md), called with the signed-in
 * operator's token; one client per service.
 */
public interface OperationsApi {

    /** {@code {measuredAt, groups: [{group, state, members, lag, topics: [{topic, lag, partitions: [...]}]}]}}. */
    @GetExchange("/api/v1/operations/consumer-lag")
    JsonNode consumerLag(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    /** {@code {from, to, countingSince, counts: {name: count}}}. */
    @GetExchange("/api/v1/operations/last-hour")
    JsonNode lastHour(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    /** {@code [{dlqTopic, partition, offset, key, originalTopic, exception: {type, message}, ceType, ...}]}. */
    @GetExchange("/api/v1/dead-letters")
    JsonNode deadLetters(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestParam int limit);

    /** {@code {id, dlqTopic, partition, offset, originalTopic, replayedAt, republishedPartition, republishedOffset}}. */
    @PostExchange("/api/v1/dead-letters/{dlqTopic}/{partition}/{offset}/replay")
    JsonNode replay(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String dlqTopic,
            @PathVariable int partition,
            @PathVariable long offset);
}
