package org.credstack.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.credstack.events.notification.BadgeExpired;
import org.credstack.runtime.Outbox;
import org.credstack.runtime.OutboxCollection;
import org.credstack.runtime.OutboxRelay;
import org.credstack.runtime.PendingEvent;
import org.credstack.testsupport.InfrastructureTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/**
 * One trace across the outbox and Kafka: an event staged inside a span and published later by the relay, on
 * another thread and outside any span, reaches the consumer with that span's {@code traceparent}, and the
 * consumer's span (the binder's observation) continues the same trace; its log lines carry the trace id.
 */
@SpringBootTest(
        properties = {
            "spring.application.name=" + TracingIT.GROUP,
            "credstack.runtime.outbox-sweep-interval=1h",
            "credstack.runtime.outbox-sweep-initial-delay=1h",
            "spring.cloud.function.definition=traced",
            "spring.cloud.stream.bindings.traced-in-0.destination=notification.events.v1"
        })
@InfrastructureTest
@ExtendWith(OutputCaptureExtension.class)
class TracingIT {

    static final String GROUP = "tracing-test";
    static final String COLLECTION = "traced";
    private static final Logger log = LoggerFactory.getLogger(TracingIT.class);

    /** What the consumer saw of one record: its {@code traceparent} header and its own span's context. */
    record Seen(String traceparent, String traceId, String spanId) {}

    @Configuration
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        OutboxCollection tracedCollection() {
            return new OutboxCollection(COLLECTION);
        }

        @Bean
        Map<String, Seen> seen() {
            return new ConcurrentHashMap<>();
        }

        /** Remembers each record by key, the way a service's consumer would handle it, and logs it. */
        @Bean
        Consumer<Message<byte[]>> traced(Map<String, Seen> seen, Tracer tracer) {
            return message -> {
                String key = new String(
                        (byte[]) message.getHeaders().get("kafka_receivedMessageKey"), StandardCharsets.UTF_8);
                Object traceparent = message.getHeaders().get("traceparent");
                TraceContext current = tracer.currentTraceContext().context();
                seen.put(
                        key,
                        new Seen(
                                traceparent instanceof byte[] bytes
                                        ? new String(bytes, StandardCharsets.UTF_8)
                                        : String.valueOf(traceparent),
                                current == null ? null : current.traceId(),
                                current == null ? null : current.spanId()));
                log.info("handled record {}", key);
            };
        }
    }

    @Autowired
    Tracer tracer;

    @Autowired
    Outbox outbox;

    @Autowired
    TraceContextHeaders headers;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Map<String, Seen> seen;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void emptyCollection() {
        mongo.dropCollection(COLLECTION);
    }

    @Test
    void storesTheTraceparentOfTheStagingSpanWithThePendingEvent() {
        Span request = tracer.nextSpan().name("request").start();
        List<PendingEvent> staged;
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            staged = outbox.stage(List.of(expired("learner-" + UUID.randomUUID())));
        } finally {
            request.end();
        }

        String traceparent = staged.getFirst().headers().get("traceparent");
        assertThat(traceparent)
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                .startsWith("00-" + request.context().traceId() + "-"
                        + request.context().spanId() + "-");
        assertThat(staged.getFirst().headers()).containsKeys("ce_id", "ce_type");
    }

    @Test
    void stagesNoTraceparentOutsideASpan() {
        List<PendingEvent> staged = outbox.stage(List.of(expired("learner-" + UUID.randomUUID())));

        assertThat(staged.getFirst().headers()).doesNotContainKey("traceparent");
    }

    @Test
    void consumerContinuesTheTraceOfTheRequestThatStagedTheEventThroughTheOutboxRelay(CapturedOutput output) {
        String learnerId = "learner-" + UUID.randomUUID();
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            List<Object> pending = outbox.stage(List.of(expired(learnerId))).stream()
                    .map(event -> mongo.getConverter().convertToMongoType(event))
                    .toList();
            mongo.insert(
                    new Document("_id", learnerId).append("version", 0).append("pendingEvents", pending), COLLECTION);
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();

        // the relay publishes later, on another thread, with no span current there
        assertThat(CompletableFuture.supplyAsync(() -> relay.publish(COLLECTION, learnerId))
                        .join())
                .isEqualTo(1);

        Seen consumed = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> seen.get(learnerId), found -> found != null);
        assertThat(consumed.traceparent())
                .startsWith("00-" + traceId + "-" + request.context().spanId() + "-");
        assertThat(consumed.traceId())
                .as("the consumer's span is in the same trace")
                .isEqualTo(traceId);
        assertThat(consumed.spanId())
                .as("a span of its own")
                .isNotEqualTo(request.context().spanId());
        // the binder's observation made the consumer's span; its timer is recorded once the consumer has returned
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(meters.find("spring.kafka.listener").timers())
                                .isNotEmpty());
        assertThat(meters.find("spring.cloud.function").timers())
                .as("no second observation of the same record (it would have stopped before the binder's)")
                .isEmpty();
        assertThat(output.getAll().lines().filter(line -> line.contains("handled record " + learnerId)))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("[" + traceId + "," + consumed.spanId() + "]");
    }

    @Test
    void logLinesCarryTheTraceAndSpanIdOfTheCurrentSpan(CapturedOutput output) {
        Span span = tracer.nextSpan().name("logging").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            log.info("inside a span");
        } finally {
            span.end();
        }

        assertThat(output.getAll().lines().filter(line -> line.contains("inside a span")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("[" + span.context().traceId() + "," + span.context().spanId() + "] ");
    }

    @Test
    void continuesTheTraceOfStoredHeadersInASpanOfItsOwn() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> stored = Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        TraceContext inside = headers.continued(
                "email send", stored, () -> tracer.currentTraceContext().context());

        assertThat(inside.traceId()).isEqualTo(traceId);
        assertThat(inside.spanId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(tracer.currentSpan()).as("nothing left current").isNull();
    }

    private static BadgeExpired expired(String learnerId) {
        return new BadgeExpired(
                "urn:uuid:" + UUID.randomUUID(), learnerId, "cred-1", Instant.parse("2027-01-31T00:00:00Z"));
    }
}
