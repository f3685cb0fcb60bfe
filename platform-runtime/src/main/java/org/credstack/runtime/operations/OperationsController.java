package org.credstack.runtime.operations;

import org.apache.kafka.common.errors.TimeoutException;
import org.credstack.runtime.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an operator's pipeline page asks every service (docs/web-app-operator.md); operators only
 * ({@code CredStackSecurityAutoConfiguration.OPERATOR_PATHS}).
 *
 * <ul>
 *   <li>{@code GET /api/v1/operations/consumer-lag} → 200, a {@link ConsumerLag.Measurement}: {@code {measuredAt,
 *       groups: [{group, state, members, lag, topics: [{topic, lag, partitions: [{partition, committedOffset,
 *       endOffset, lag}]}]}]}}, lag in records; the same measurement for a few seconds. A broker that does not answer
 *       in time gives a 503 problem.
 *   <li>{@code GET /api/v1/operations/last-hour} → 200, a {@link RecentCounts.LastHour}: {@code {from, to,
 *       countingSince, counts: {name: count}}}; the names are the {@code ce_type}s of the events this service
 *       published ({@code org.credstack.badge.BadgeIssued.v1}) and counts of its own
 *       ({@code notification.emails.failed}).
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/operations")
class OperationsController {

    private static final Logger log = LoggerFactory.getLogger(OperationsController.class);

    private final ConsumerLag lag;
    private final RecentCounts counts;

    OperationsController(ConsumerLag lag, RecentCounts counts) {
        this.lag = lag;
        this.counts = counts;
    }

    @GetMapping("/consumer-lag")
    ConsumerLag.Measurement consumerLag() {
        return lag.measure();
    }

    @GetMapping("/last-hour")
    RecentCounts.LastHour lastHour() {
        return counts.lastHour();
    }

    @ExceptionHandler(TimeoutException.class)
    ProblemDetail brokerTimeout(TimeoutException e) {
        log.warn("Kafka did not answer in time", e);
        return Problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "broker-unavailable",
                "Kafka did not answer in time",
                "the broker did not answer in time; try again later");
    }
}
