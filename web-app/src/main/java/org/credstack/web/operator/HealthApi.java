package org.credstack.web.operator;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import tools.jackson.databind.JsonNode;

/**
 * A service's actuator health with its components' details, which the services show to operators only ({@code
 * show-details: when-authorized}, role {@code OPERATOR}). Its client reads a 503 answer as a body too: a service that
 * says it is {@code DOWN} has answered.
 */
public interface HealthApi {

    /** {@code {status, components: {name: {status, details: {...}, components: {...}}}}}. */
    @GetExchange("/actuator/health")
    JsonNode health(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);
}
