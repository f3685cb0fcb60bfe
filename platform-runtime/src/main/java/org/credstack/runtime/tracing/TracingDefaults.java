package org.credstack.runtime.tracing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The tracing settings every service shares, as the lowest-precedence property source (a service's or the
 * deployment's own settings win):
 *
 * <ul>
 *   <li>{@code logging.pattern.correlation}: every log line carries {@code [traceId,spanId]} (empty brackets
 *       outside a span);
 *   <li>the Kafka binder observes its consumers ({@code spring.cloud.stream.kafka.binder.enable-observation}), so a
 *       record's {@code traceparent} header becomes the parent of the consumer's span;
 *   <li>Spring Cloud Function's own observation of each call is off ({@code
 *       management.observations.enable.spring.cloud.function}): the binder's already makes the consumer's span, and a
 *       second per record cost a span, a timer and a second read of the {@code traceparent} (about 4 % of
 *       notification-service's CPU under load);
 *   <li>Spring Security's observations are off ({@code management.observations.enable.spring.security}): five or six
 *       per request (each filter chain, authentication, authorization), each a span and a timer inside the request's
 *       own {@code http.server.requests} span, cost about 4 % of enrollment-service's CPU under load and told an
 *       operator nothing the request's span and the 401/403 counts do not;
 *   <li>{@code management.tracing.sampling.probability}: {@value #SAMPLED} when an OTLP endpoint is set ({@value
 *       #OTLP_ENDPOINT}), else {@value #UNSAMPLED}: with nowhere to send spans, none is recorded, yet trace ids are
 *       still made, logged and propagated.
 * </ul>
 *
 * <p>No exporter runs unless {@value #OTLP_ENDPOINT} is set (docs/tracing-resilience.md).
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    /** Boot's OTLP span endpoint, e.g. {@code http://collector:4318/v1/traces}; unset in the embedded platform. */
    public static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    /** The log pattern's trace and span ids (MDC keys of Micrometer Tracing). */
    public static final String CORRELATION = "[%X{traceId:-},%X{spanId:-}] ";

    static final String SAMPLED = "1.0";
    static final String UNSAMPLED = "0.0";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("logging.pattern.correlation", CORRELATION);
        defaults.put("spring.cloud.stream.kafka.binder.enable-observation", true);
        defaults.put("management.observations.enable.spring.cloud.function", false);
        defaults.put("management.observations.enable.spring.security", false);
        String endpoint = environment.getProperty(OTLP_ENDPOINT);
        defaults.put(
                "management.tracing.sampling.probability",
                endpoint == null || endpoint.isBlank() ? UNSAMPLED : SAMPLED);
        environment.getPropertySources().addLast(new MapPropertySource("credstackTracingDefaults", defaults));
    }
}
