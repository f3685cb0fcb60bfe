package org.credstack.demo;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The metric names a PromQL expression reads: the identifiers that are neither functions, aggregations, keywords,
 * label names nor numbers. A small tokenizer, not a parser: it skips string literals, label matchers ({@code {...}}),
 * range and subquery brackets ({@code [5m]}, {@code [1h:1m]}), the label lists after {@code by}, {@code without},
 * {@code on}, {@code ignoring}, {@code group_left} and {@code group_right}, Grafana variables ({@code $__range},
 * {@code ${application}}) and numbers with their units; a name followed by {@code (} must be a known function.
 *
 * <p>So {@code sum by (le) (rate(credstack_completion_to_credential_seconds_bucket{le="0.25"}[5m]))} reads
 * {@code credstack_completion_to_credential_seconds_bucket}.
 */
final class PromQlMetricNames {

    /** PromQL's functions and aggregations, and the Grafana template functions a variable query may use. */
    static final Set<String> FUNCTIONS = Set.of(
            // aggregation operators
            "sum",
            "min",
            "max",
            "avg",
            "group",
            "stddev",
            "stdvar",
            "count",
            "count_values",
            "bottomk",
            "topk",
            "quantile",
            "limitk",
            "limit_ratio",
            // functions
            "abs",
            "absent",
            "absent_over_time",
            "ceil",
            "changes",
            "clamp",
            "clamp_max",
            "clamp_min",
            "day_of_month",
            "day_of_week",
            "day_of_year",
            "days_in_month",
            "delta",
            "deriv",
            "exp",
            "floor",
            "histogram_avg",
            "histogram_count",
            "histogram_fraction",
            "histogram_quantile",
            "histogram_stddev",
            "histogram_stdvar",
            "histogram_sum",
            "double_exponential_smoothing",
            "holt_winters",
            "hour",
            "idelta",
            "increase",
            "info",
            "irate",
            "label_join",
            "label_replace",
            "ln",
            "log2",
            "log10",
            "minute",
            "month",
            "predict_linear",
            "rate",
            "resets",
            "round",
            "scalar",
            "sgn",
            "sort",
            "sort_desc",
            "sort_by_label",
            "sort_by_label_desc",
            "sqrt",
            "time",
            "timestamp",
            "vector",
            "year",
            "avg_over_time",
            "min_over_time",
            "max_over_time",
            "sum_over_time",
            "count_over_time",
            "quantile_over_time",
            "stddev_over_time",
            "stdvar_over_time",
            "last_over_time",
            "present_over_time",
            "mad_over_time",
            "acos",
            "acosh",
            "asin",
            "asinh",
            "atan",
            "atanh",
            "cos",
            "cosh",
            "sin",
            "sinh",
            "tan",
            "tanh",
            "deg",
            "pi",
            "rad",
            // Grafana's Prometheus template variable functions
            "label_values",
            "label_names",
            "metrics",
            "query_result");

    /** The aggregation operators, which may take their grouping before the parentheses: {@code sum by (le) (x)}. */
    static final Set<String> AGGREGATIONS = Set.of(
            "sum",
            "min",
            "max",
            "avg",
            "group",
            "stddev",
            "stdvar",
            "count",
            "count_values",
            "bottomk",
            "topk",
            "quantile",
            "limitk",
            "limit_ratio");

    /** Keywords followed by a list of label names in parentheses. */
    static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    /** Other keywords: set and comparison modifiers, {@code offset}, and the special floats. */
    static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "start", "end");

    private final String expression;
    private int at;

    private PromQlMetricNames(String expression) {
        this.expression = expression;
    }

    /**
     * The metric names of one expression, in the order they first appear.
     *
     * @throws IllegalArgumentException for a name called like a function that PromQL does not have, or an unclosed
     *     string, brace, bracket or label list
     */
    static Set<String> in(String expression) {
        return new PromQlMetricNames(expression).names();
    }

    private Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        while (at < expression.length()) {
            char c = expression.charAt(at);
            if (c == '"' || c == '\'' || c == '`') {
                skipString(c);
            } else if (c == '{') {
                skipTo('}');
            } else if (c == '[') {
                skipTo(']');
            } else if (c == '$') {
                skipVariable();
            } else if (Character.isDigit(c) || (c == '.' && next(1) != 0 && Character.isDigit(next(1)))) {
                skipWhile(PromQlMetricNames::isNumberPart);
            } else if (isNameStart(c)) {
                identifier(names);
            } else {
                at++;
            }
        }
        return names;
    }

    private void identifier(Set<String> names) {
        int start = at;
        skipWhile(PromQlMetricNames::isNamePart);
        String name = expression.substring(start, at);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean called = nextNonBlank() == '(' || (AGGREGATIONS.contains(name) && groupingFollows());
        if (called && name.equals("label_values")) {
            labelValues(names);
        } else if (LABEL_LISTS.contains(lower)) {
            if (called) {
                skipBlanks();
                skipTo(')');
            }
        } else if (KEYWORDS.contains(lower)) {
            // nothing: offset's duration is a number, start() and end() are @ modifiers
        } else if (called) {
            if (!FUNCTIONS.contains(name)) {
                throw new IllegalArgumentException("\"" + name + "\" is called like a function, which PromQL does not "
                        + "have, in: " + expression);
            }
        } else {
            names.add(name);
        }
    }

    /**
     * Grafana's {@code label_values(metric, label)}: the names of the metric part; the last argument is a label, and
     * alone ({@code label_values(label)}) it is all there is.
     */
    private void labelValues(Set<String> names) {
        skipBlanks();
        int open = at;
        int depth = 0;
        int lastComma = -1;
        do {
            char c = expression.charAt(at);
            if (c == '"' || c == '\'' || c == '`') {
                skipString(c);
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 1) {
                lastComma = at;
            }
            at++;
        } while (depth > 0 && at < expression.length());
        if (depth > 0) {
            throw new IllegalArgumentException("no closing ) in: " + expression);
        }
        if (lastComma > 0) {
            names.addAll(in(expression.substring(open + 1, lastComma)));
        }
    }

    private void skipString(char quote) {
        int end = at + 1;
        while (end < expression.length() && expression.charAt(end) != quote) {
            end += expression.charAt(end) == '\\' && quote != '`' ? 2 : 1;
        }
        if (end >= expression.length()) {
            throw new IllegalArgumentException("an unclosed string in: " + expression);
        }
        at = end + 1;
    }

    /** Skips from the opening character at {@code at} to just past {@code close}, strings inside included. */
    private void skipTo(char close) {
        at++;
        while (at < expression.length() && expression.charAt(at) != close) {
            char c = expression.charAt(at);
            if (c == '"' || c == '\'' || c == '`') {
                skipString(c);
            } else {
                at++;
            }
        }
        if (at >= expression.length()) {
            throw new IllegalArgumentException("no closing " + close + " in: " + expression);
        }
        at++;
    }

    private void skipVariable() {
        at++;
        if (at < expression.length() && expression.charAt(at) == '{') {
            skipTo('}');
        } else {
            skipWhile(PromQlMetricNames::isNamePart);
        }
    }

    private void skipWhile(java.util.function.IntPredicate part) {
        while (at < expression.length() && part.test(expression.charAt(at))) {
            at++;
        }
    }

    private void skipBlanks() {
        skipWhile(Character::isWhitespace);
    }

    private char nextNonBlank() {
        int i = at;
        while (i < expression.length() && Character.isWhitespace(expression.charAt(i))) {
            i++;
        }
        return i < expression.length() ? expression.charAt(i) : 0;
    }

    /** Whether {@code by} or {@code without} follows, as after an aggregation that groups first. */
    private boolean groupingFollows() {
        int i = at;
        while (i < expression.length() && Character.isWhitespace(expression.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < expression.length() && isNamePart(expression.charAt(i))) {
            i++;
        }
        String word = expression.substring(start, i).toLowerCase(Locale.ROOT);
        return word.equals("by") || word.equals("without");
    }

    private char next(int ahead) {
        return at + ahead < expression.length() ? expression.charAt(at + ahead) : 0;
    }

    private static boolean isNameStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private static boolean isNamePart(int c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /** Digits, a decimal point, an exponent, hex digits, and duration units ({@code 1h30m}, {@code 1e3}). */
    private static boolean isNumberPart(int c) {
        return isNamePart(c) || c == '.';
    }
}
