package org.credstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void readsTheMetricOfAHistogramQuantileAndNotItsFunctionsLabelsOrNumbers() {
        assertThat(PromQlMetricNames.in("histogram_quantile(0.99, sum by (le, application) "
                        + "(rate(credstack_completion_to_credential_seconds_bucket{le=\"0.25\", job=~\"a|b\"}[5m])))"))
                .containsExactly("credstack_completion_to_credential_seconds_bucket");
    }

    @Test
    void readsEveryOperandOfABinaryExpressionButNotTheMatchingLabels() {
        assertThat(PromQlMetricNames.in("sum without (instance) (rate(a_total[1h:5m] offset 1d)) / on (application)"
                        + " group_left (topic) b_seconds_count and ignoring(le) c > bool 1e-3"))
                .containsExactly("a_total", "b_seconds_count", "c");
    }

    @Test
    void readsABareNameAndOneWithRecordingRuleColons() {
        assertThat(PromQlMetricNames.in("up")).containsExactly("up");
        assertThat(PromQlMetricNames.in("job:http_requests:rate5m > 0.5")).containsExactly("job:http_requests:rate5m");
    }

    @Test
    void skipsGrafanaVariablesStringsAndSpecialFloats() {
        assertThat(PromQlMetricNames.in("sum(increase(x_total{application=~\"$application\"}[$__range]))"
                        + " / ${divisor} + vector(NaN) * Inf - label_replace(y, \"dst\", \"$1\", \"src\", \"(.*)\")"))
                .containsExactly("x_total", "y");
        assertThat(PromQlMetricNames.in("label_values(process_uptime_seconds{job=\"x\"}, application)"))
                .as("Grafana's variable query: the last argument is a label")
                .containsExactly("process_uptime_seconds");
        assertThat(PromQlMetricNames.in("label_values(application)")).isEmpty();
    }

    @Test
    void takesAnAggregationBeforeOrAfterItsGroupingAlike() {
        assertThat(PromQlMetricNames.in("sum by (topic) (d)")).containsExactly("d");
        assertThat(PromQlMetricNames.in("sum(d) by (topic)")).containsExactly("d");
        assertThat(PromQlMetricNames.in("max by(group,topic)(d) @ end()")).containsExactly("d");
    }

    @Test
    void refusesAnUnknownFunctionAndUnclosedSyntax() {
        assertThatThrownBy(() -> PromQlMetricNames.in("ratee(x[5m])"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"ratee\"");
        assertThatThrownBy(() -> PromQlMetricNames.in("x{a=\"b\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no closing }");
    }

    @Test
    void readsTheRepositorysDashboardsAndRules() throws Exception {
        Path root = Journey.repositoryRoot(Path.of(""));

        assertThat(ObservabilityQueries.expressions(root))
                .containsKeys(
                        "pipeline.json: Outbox: oldest pending event [A]",
                        "alerts.yml: CompletionToCredentialLatencyBudgetBurningFast",
                        "infrastructure.json: $application");
        assertThat(ObservabilityQueries.metricNames(root))
                .contains(
                        "credstack_completion_to_credential_seconds_bucket",
                        "credstack_dead_letters_total",
                        "spring_cloud_stream_binder_kafka_offset",
                        "jvm_memory_used_bytes")
                .allSatisfy(name -> assertThat(name).matches("[a-z_:][a-z0-9_:]*"));
    }

    @Test
    void readsTheSampleNamesOfAScrape() {
        String scrape = """
                # HELP x_seconds a timer
                # TYPE x_seconds histogram
                x_seconds_bucket{application="a",le="0.25"} 1.0
                x_seconds_count{application="a"} 1.0
                up 1
                """;

        assertThat(ObservabilityQueries.sampleNames(scrape))
                .containsExactly("up", "x_seconds_bucket", "x_seconds_count");
    }
}
