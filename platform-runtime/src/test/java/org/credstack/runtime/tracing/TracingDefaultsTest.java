package org.credstack.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TracingDefaultsTest {

    @Test
    void recordsNoSpanWhenNoCollectorIsConfigured() {
        StandardEnvironment environment = environment(Map.of());

        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.0");
        assertThat(environment.getProperty(TracingDefaults.OTLP_ENDPOINT)).isNull();
    }

    @Test
    void samplesEveryTraceOnceAnOtlpEndpointIsSet() {
        StandardEnvironment environment =
                environment(Map.of(TracingDefaults.OTLP_ENDPOINT, "http://tempo:4318/v1/traces"));

        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("1.0");
    }

    @Test
    void theDeploymentsOwnSamplingWins() {
        StandardEnvironment environment = environment(Map.of(
                TracingDefaults.OTLP_ENDPOINT,
                "http://tempo:4318/v1/traces",
                "management.tracing.sampling.probability",
                "0.05"));

        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.05");
    }

    @Test
    void putsTraceAndSpanIdsInTheLogPatternAndObservesTheKafkaBinder() {
        StandardEnvironment environment = environment(Map.of());

        assertThat(environment.getProperty("logging.pattern.correlation")).isEqualTo("[%X{traceId:-},%X{spanId:-}] ");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.enable-observation"))
                .isEqualTo("true");
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        new TracingDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
