package org.credstack.web.operator;

/**
 * One service the operator's pipeline page watches.
 *
 * @param name as the page names it, e.g. {@code badge-service}
 * @param breaker its circuit breaker in {@code ServiceCalls}, e.g. {@code badge}
 * @param operations its operator endpoints
 * @param health its actuator health
 */
public record OperatedService(String name, String breaker, OperationsApi operations, HealthApi health) {}
