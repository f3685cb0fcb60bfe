package org.credstack.runtime.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The W3C Trace Context headers of the span current on this thread ({@code traceparent}, and {@code tracestate} or
 * {@code baggage} when there are any), as the record headers of an event staged now. The outbox stores them with
 * the pending event and the relay sends them, so the consumer's span continues the trace of the request or
 * record that caused the event, even when the relay publishes later or on another thread
 * (docs/tracing-resilience.md).
 */
public final class TraceContextHeaders {

    /** No tracing: never any headers. */
    public static final TraceContextHeaders NONE = new TraceContextHeaders(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    /**
     * @param tracer the service's tracer, or null for {@link #NONE}
     * @param propagator writes the context in the formats of {@code management.tracing.propagation.produce} (W3C)
     */
    public TraceContextHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * The headers of the current trace context.
     *
     * @return header name to value; empty when no span is current or tracing is off
     */
    public Map<String, String> current() {
        if (tracer == null || propagator == null) {
            return Map.of();
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(context, headers, Map::put);
        return headers;
    }

    /**
     * Runs work in a new span that continues the trace of headers stored earlier (by {@link #current()}), for work
     * done later on another thread, such as sending a stored e-mail.
     *
     * @param name the span's name, e.g. {@code email send}
     * @param stored the stored headers; without a {@code traceparent} the span starts a trace of its own
     * @param work what to run with the span current
     * @return what the work returned
     */
    public <T> T continued(String name, Map<String, String> stored, Supplier<T> work) {
        if (tracer == null || propagator == null) {
            return work.get();
        }
        Span span = propagator.extract(stored, Map::get).name(name).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } finally {
            span.end();
        }
    }
}
