package org.credstack.runtime.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.TimeoutException;
import org.credstack.runtime.audit.AuditLog;
import org.credstack.runtime.audit.AuditTarget;
import org.credstack.runtime.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators list and replay the service's dead letters (docs/architecture.md, "Poison never blocks a partition").
 * The dead-letter topics of a service are those named {@code <topic>.<spring.application.name>.dlq}
 * ({@link org.credstack.runtime.messaging.DeadLetterTopic}).
 *
 * <ul>
 *   <li>{@code GET /api/v1/dead-letters?limit=100} → 200, a JSON array of {@link DeadLetter}: {@code
 *       {dlqTopic, partition, offset, key, originalTopic, originalPartition, originalOffset, exception: {type,
 *       message}, ceId, ceType, timestamp, valuePreview, replayed}}, oldest first per topic and partition.
 *       {@code limit} is 1 to {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}); anything else is a 400
 *       problem.
 *   <li>{@code POST /api/v1/dead-letters/{dlqTopic}/{partition}/{offset}/replay} → 200, a {@link
 *       DeadLetterReplay}: {@code {id, dlqTopic, partition, offset, originalTopic, replayedAt,
 *       republishedPartition, republishedOffset}}. The record's key, value and own headers go to its
 *       original topic, without the {@code x-original-*}, {@code x-exception-*} and {@code kafka_dlt-*}
 *       headers. 404 problem if {@code dlqTopic} is not one of this service's dead-letter topics or holds no
 *       such record; 409 problem (with {@code replayedAt}) if the record was replayed before, and nothing is
 *       sent; 422 problem if the record names no original topic, or one its dead-letter topic is not for.
 * </ul>
 *
 * <p>Errors are RFC 9457 {@code application/problem+json} built by {@link Problems}; a bad {@code limit} or a
 * non-numeric {@code partition} or {@code offset} is 400 {@code invalid-request} with {@code errors} {@code
 * [{field, message}]}; a broker that does not answer in time gives 503. The handlers sit here rather than in a
 * service's advice so every service answers the same.
 *
 * <p>In a service with an audit log (docs/audit-log.md) each replay is recorded as {@code dead-letter.replayed}, target
 * {@code /api/v1/dead-letters/{dlqTopic}/{partition}/{offset}}, once the broker acknowledged it.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);

    private final DeadLetters deadLetters;
    private final ObjectProvider<AuditLog> auditLog;

    DeadLetterController(DeadLetters deadLetters, ObjectProvider<AuditLog> auditLog) {
        this.deadLetters = deadLetters;
        this.auditLog = auditLog;
    }

    @GetMapping
    List<DeadLetter> list(@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return deadLetters.list(limit);
    }

    @PostMapping("/{dlqTopic}/{partition}/{offset}/replay")
    DeadLetterReplay replay(@PathVariable String dlqTopic, @PathVariable int partition, @PathVariable long offset) {
        DeadLetterReplay replay = deadLetters.replay(dlqTopic, partition, offset);
        auditLog.ifAvailable(log -> log.record(
                "dead-letter.replayed",
                AuditTarget.of("/api/v1/dead-letters/" + dlqTopic + "/" + partition + "/" + offset),
                replayed(replay)));
        return replay;
    }

    private static Map<String, Object> replayed(DeadLetterReplay replay) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("originalTopic", replay.originalTopic());
        details.put("republishedPartition", replay.republishedPartition());
        details.put("republishedOffset", replay.republishedOffset());
        return details;
    }

    @ExceptionHandler(DeadLetterNotFoundException.class)
    ProblemDetail notFound(DeadLetterNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "dead-letter-not-found", "Dead letter not found", e.getMessage());
    }

    @ExceptionHandler(DeadLetterAlreadyReplayedException.class)
    ProblemDetail alreadyReplayed(DeadLetterAlreadyReplayedException e) {
        ProblemDetail problem = problem(
                HttpStatus.CONFLICT, "dead-letter-already-replayed", "Dead letter already replayed", e.getMessage());
        problem.setProperty("replayedAt", e.replay().replayedAt());
        return problem;
    }

    @ExceptionHandler(DeadLetterNotReplayableException.class)
    ProblemDetail notReplayable(DeadLetterNotReplayableException e) {
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "dead-letter-not-replayable",
                "Dead letter not replayable",
                e.getMessage());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        return Problems.invalidRequest(e.field, e.getMessage());
    }

    @ExceptionHandler(TimeoutException.class)
    ProblemDetail brokerTimeout(TimeoutException e) {
        log.warn("Kafka did not answer in time", e);
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "broker-unavailable",
                "Kafka did not answer in time",
                "the broker did not answer in time; try again later");
    }

    private static ProblemDetail problem(HttpStatus status, String name, String title, String detail) {
        return Problems.problem(status, name, title, detail);
    }

    private static final class InvalidParameterException extends RuntimeException {

        private final String field;

        InvalidParameterException(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
