package org.credstack.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;
import org.credstack.load.IssuedCredentials.Issued;

/**
 * The end-to-end figures Gatling's HTTP report cannot give: completion acknowledged → credential issued, lost and
 * doubled awards, and throughput. Printed, and written as {@code <name>-<time>.json} (the summary) and {@code
 * <name>-<time>.csv} (one row per acknowledged completion) in the report directory.
 *
 * @param name the simulation, e.g. {@code completions}
 * @param settings what was asked ({@link LoadSettings#describe()})
 * @param setup seconds each setup step took, e.g. {@code preload} → 41.2
 * @param posted statements posted in the measured phase
 * @param acknowledged statements answered with 200
 * @param awarded acknowledged completions with at least one {@code BadgeIssued}
 * @param lost acknowledged completions with no {@code BadgeIssued} when the wait ended
 * @param doubled enrollments with more than one distinct credential ({@code badgeId})
 * @param redelivered {@code BadgeIssued} records whose {@code ce_id} was already seen (one event delivered twice)
 * @param awardedUnacknowledged credentials for completions whose post was not acknowledged (an error or timeout
 *     after the statement was stored)
 * @param latencyMillis p50, p95, p99, max (and count) of acknowledged → published on {@code badge.events.v1}, ms
 * @param acknowledgedPerSecond acknowledged statements / (last acknowledgement − first post)
 * @param issuedPerSecond awarded / (last {@code BadgeIssued} − first post): credentials per second end to end
 * @param readerFailure why reading {@code badge.events.v1} stopped early, or {@code null}
 */
record LoadReport(
        String name,
        Map<String, Object> settings,
        Map<String, Double> setup,
        int posted,
        int acknowledged,
        int awarded,
        int lost,
        int doubled,
        int redelivered,
        int awardedUnacknowledged,
        Map<String, Long> latencyMillis,
        double acknowledgedPerSecond,
        double issuedPerSecond,
        String readerFailure) {

    /** One acknowledged completion; {@code issuedAt} and {@code latency} are -1 when no credential came. */
    record Row(String enrollmentId, long acknowledgedAt, long issuedAt, long latencyMillis, int credentials) {}

    /**
     * Computes the figures.
     *
     * @param issued per enrollment id, every {@code BadgeIssued} seen for the run's measured enrollments
     */
    static LoadReport of(
            String name,
            LoadSettings settings,
            Map<String, Double> setup,
            Acknowledgements acks,
            Map<String, List<Issued>> issued,
            RuntimeException readerFailure) {
        Histogram histogram = new Histogram(3);
        List<Row> rows = rows(acks, issued);
        rows.stream().filter(r -> r.latencyMillis() >= 0).forEach(r -> histogram.recordValue(r.latencyMillis()));
        int awarded = (int) rows.stream().filter(r -> r.credentials() > 0).count();
        long lastIssued = issued.values().stream()
                .flatMap(List::stream)
                .mapToLong(Issued::publishedAtMillis)
                .max()
                .orElse(0);
        Map<String, Long> latency = new LinkedHashMap<>();
        latency.put("count", histogram.getTotalCount());
        latency.put("p50", histogram.getValueAtPercentile(50));
        latency.put("p95", histogram.getValueAtPercentile(95));
        latency.put("p99", histogram.getValueAtPercentile(99));
        latency.put("max", histogram.getMaxValue());
        return new LoadReport(
                name,
                settings.describe(),
                setup,
                acks.posted(),
                rows.size(),
                awarded,
                rows.size() - awarded,
                (int) issued.values().stream()
                        .filter(list ->
                                list.stream().map(Issued::badgeId).distinct().count() > 1)
                        .count(),
                (int) issued.values().stream()
                        .mapToLong(list -> list.size()
                                - list.stream().map(Issued::eventId).distinct().count())
                        .sum(),
                (int) issued.keySet().stream()
                        .filter(id -> !acks.acknowledgedAt().containsKey(id))
                        .count(),
                latency,
                perSecond(rows.size(), acks.firstPostedAt(), acks.lastAcknowledgedAt()),
                perSecond(awarded, acks.firstPostedAt(), lastIssued),
                readerFailure == null ? null : readerFailure.toString());
    }

    private static List<Row> rows(Acknowledgements acks, Map<String, List<Issued>> issued) {
        List<Row> rows = new ArrayList<>();
        acks.acknowledgedAt().forEach((enrollmentId, acknowledgedAt) -> {
            List<Issued> credentials = issued.getOrDefault(enrollmentId, List.of());
            long issuedAt = credentials.stream()
                    .mapToLong(Issued::publishedAtMillis)
                    .min()
                    .orElse(-1);
            // a credential published before the 200 reached the client counts as 0 ms, not a negative time
            long latency = issuedAt < 0 ? -1 : Math.max(0, issuedAt - acknowledgedAt);
            int distinct = (int) credentials.stream()
                    .map(Issued::badgeId)
                    .filter(Objects::nonNull)
                    .distinct()
                    .count();
            rows.add(new Row(enrollmentId, acknowledgedAt, issuedAt, latency, distinct));
        });
        rows.sort((a, b) -> Long.compare(a.acknowledgedAt(), b.acknowledgedAt()));
        return rows;
    }

    private static double perSecond(int count, long from, long to) {
        return count == 0 || to <= from ? 0 : Math.round(count * 10_000.0 / (to - from)) / 10.0;
    }

    /** The summary as a reader wants it on the console. */
    String text() {
        return """

                ==== CredStack load: %s ====
                setup (s):                          %s
                statements posted / acknowledged:   %d / %d  (%.1f acknowledged/s)
                credentials issued (end to end):    %d  (%.1f/s from the first post to the last credential)
                completion acknowledged → issued:   p50 %d ms, p95 %d ms, p99 %d ms, max %d ms  (%d measured)
                lost / doubled:                     %d / %d  (redelivered events %d, issued without a 200 %d)%s
                """.formatted(
                        name,
                        setup,
                        posted,
                        acknowledged,
                        acknowledgedPerSecond,
                        awarded,
                        issuedPerSecond,
                        latencyMillis.get("p50"),
                        latencyMillis.get("p95"),
                        latencyMillis.get("p99"),
                        latencyMillis.get("max"),
                        latencyMillis.get("count"),
                        lost,
                        doubled,
                        redelivered,
                        awardedUnacknowledged,
                        readerFailure == null ? "" : "\nINCOMPLETE: reading badge.events.v1 failed: " + readerFailure);
    }

    /**
     * Writes the summary JSON and the per-completion CSV.
     *
     * @return the JSON file
     * @throws UncheckedIOException if the directory cannot be written
     */
    Path write(Path dir, Acknowledgements acks, Map<String, List<Issued>> issued) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Path json = dir.resolve(name + "-" + stamp + ".json");
        Path csv = dir.resolve(name + "-" + stamp + ".csv");
        try {
            Files.createDirectories(dir);
            PlatformClient.JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), this);
            List<String> lines = new ArrayList<>();
            lines.add("enrollmentId,acknowledgedAt,issuedAt,latencyMillis,credentials");
            rows(acks, issued)
                    .forEach(r -> lines.add(String.join(
                            ",",
                            r.enrollmentId(),
                            Long.toString(r.acknowledgedAt()),
                            Long.toString(r.issuedAt()),
                            Long.toString(r.latencyMillis()),
                            Integer.toString(r.credentials()))));
            Files.write(csv, lines);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the load report to " + dir, e);
        }
    }
}
