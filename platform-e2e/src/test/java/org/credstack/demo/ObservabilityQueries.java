package org.credstack.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every PromQL expression the repository's Grafana dashboards ({@value #DASHBOARDS}, panel targets and template
 * variable queries, rows' panels included) and Prometheus rules ({@value #ALERTS}) run, and the metric names they read
 * ({@link PromQlMetricNames}).
 */
final class ObservabilityQueries {

    static final String DASHBOARDS = "deploy/grafana/dashboards";
    static final String ALERTS = "deploy/prometheus/alerts.yml";

    private ObservabilityQueries() {}

    /**
     * The expressions by where they are: {@code "pipeline.json: Latency quantiles [A]"}, {@code "alerts.yml:
     * DeadLettersGrowing"}, ...
     *
     * @param root the repository root
     */
    static Map<String, String> expressions(Path root) throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(root.resolve(DASHBOARDS))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboard(file.getFileName().toString(), JsonMapper.shared().readTree(file.toFile()), expressions);
            }
        }
        JsonNode rules = new YAMLMapper().readTree(root.resolve(ALERTS).toFile());
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("alert")
                        ? rule.path("alert").asString()
                        : rule.path("record").asString();
                expressions.put("alerts.yml: " + name, rule.path("expr").asString());
            }
        }
        return expressions;
    }

    /** The metric names all the expressions read, sorted. */
    static Set<String> metricNames(Path root) throws IOException {
        Set<String> names = new TreeSet<>();
        expressions(root).values().forEach(expression -> names.addAll(PromQlMetricNames.in(expression)));
        return names;
    }

    private static void dashboard(String file, JsonNode dashboard, Map<String, String> expressions) {
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                expressions.put(
                        file + ": " + panel.path("title").asString() + " ["
                                + target.path("refId").asString() + "]",
                        target.path("expr").asString());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asString())) {
                JsonNode query = variable.path("query");
                expressions.put(
                        file + ": $" + variable.path("name").asString(),
                        query.isObject() ? query.path("query").asString() : query.asString());
            }
        }
    }

    /** Top-level panels and those inside rows. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /**
     * The sample names of a Prometheus text-format scrape ({@code name{labels} value} lines, comments skipped), so a
     * histogram's {@code _bucket}, {@code _count} and {@code _sum} series appear under their own names.
     */
    static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
