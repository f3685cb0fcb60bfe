package org.credstack.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a load run is asked to do, read from system properties ({@code -Drate=10 -Dduration=20s}).
 *
 * @param host where the platform runs ({@code host}, default {@code localhost})
 * @param portOffset added to every port, as {@code ./credstack run --port-offset=N} ({@code portOffset}, default 0)
 * @param kafka bootstrap servers ({@code kafka}, default {@code <host>:9092+portOffset})
 * @param rate completions offered per second in the open model ({@code rate}, default 100)
 * @param duration how long completions are offered ({@code duration}, default {@code 5m}; {@code 20s}, {@code
 *     300}, {@code PT5M} also read)
 * @param preload learners, each with an enrollment, stored before the measured phase ({@code preload}, default 0)
 * @param batches batches of statements posted in the batched-ingestion run ({@code batches}, default 30)
 * @param batchSize statements per batch ({@code batchSize}, default 100)
 * @param clients concurrent clients posting batches ({@code clients}, default 2)
 * @param grace a completion with no credential after this long without any new credential is lost ({@code
 *     grace}, default {@code 60s})
 * @param maxWait the longest wait for credentials after the last statement was acknowledged ({@code maxWait},
 *     default {@code 10m})
 * @param seedConcurrency concurrent requests while seeding learners and enrollments ({@code seedConcurrency},
 *     default 16)
 * @param reportDir where the summary JSON and per-completion CSV go ({@code load.reportDir}, default {@code
 *     target/load})
 * @param dataDir the platform's data folder, whose {@code credentials.txt} has the operator's password ({@code
 *     dataDir}, default {@code $CREDSTACK_DATA_DIR}, else the checkout's {@code .data})
 */
record LoadSettings(
        String host,
        int portOffset,
        String kafka,
        double rate,
        Duration duration,
        int preload,
        int batches,
        int batchSize,
        int clients,
        Duration grace,
        Duration maxWait,
        int seedConcurrency,
        Path reportDir,
        Path dataDir) {

    static final int IDENTITY_PORT = 8080;
    static final int CATALOG_PORT = 8081;
    static final int ENROLLMENT_PORT = 8082;
    static final int KAFKA_PORT = 9092;

    /**
     * Reads the system properties named above.
     *
     * @throws IllegalArgumentException naming a property whose value does not parse or is out of range
     */
    static LoadSettings fromSystemProperties() {
        String host = System.getProperty("host", "localhost");
        int portOffset = read("portOffset", "0", Integer::parseInt);
        LoadSettings settings = new LoadSettings(
                host,
                portOffset,
                System.getProperty("kafka", host + ":" + (KAFKA_PORT + portOffset)),
                read("rate", "100", Double::parseDouble),
                read("duration", "5m", LoadSettings::duration),
                read("preload", "0", Integer::parseInt),
                read("batches", "30", Integer::parseInt),
                read("batchSize", "100", Integer::parseInt),
                read("clients", "2", Integer::parseInt),
                read("grace", "60s", LoadSettings::duration),
                read("maxWait", "10m", LoadSettings::duration),
                read("seedConcurrency", "16", Integer::parseInt),
                Path.of(System.getProperty("load.reportDir", "target/load")),
                Path.of(System.getProperty(
                        "dataDir",
                        System.getenv()
                                .getOrDefault(
                                        "CREDSTACK_DATA_DIR", System.getProperty("load.defaultDataDir", ".data")))));
        settings.check();
        return settings;
    }

    private void check() {
        require(rate > 0, "rate", rate);
        require(!duration.isNegative() && !duration.isZero(), "duration", duration);
        require(preload >= 0, "preload", preload);
        require(batches > 0, "batches", batches);
        require(batchSize > 0, "batchSize", batchSize);
        require(clients > 0, "clients", clients);
        require(seedConcurrency > 0, "seedConcurrency", seedConcurrency);
    }

    URI identity() {
        return URI.create("http://" + host + ":" + (IDENTITY_PORT + portOffset));
    }

    URI catalog() {
        return URI.create("http://" + host + ":" + (CATALOG_PORT + portOffset));
    }

    URI enrollment() {
        return URI.create("http://" + host + ":" + (ENROLLMENT_PORT + portOffset));
    }

    /** The settings by their property names, durations in ISO 8601, for the report. */
    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("host", host);
        described.put("portOffset", portOffset);
        described.put("kafka", kafka);
        described.put("rate", rate);
        described.put("duration", duration.toString());
        described.put("preload", preload);
        described.put("batches", batches);
        described.put("batchSize", batchSize);
        described.put("clients", clients);
        described.put("grace", grace.toString());
        described.put("maxWait", maxWait.toString());
        described.put("seedConcurrency", seedConcurrency);
        described.put("dataDir", dataDir.toString());
        return described;
    }

    /** Completions the open model offers: {@code rate × duration}, rounded up. */
    int completionsOffered() {
        return (int) Math.ceil(rate * duration.toMillis() / 1000.0);
    }

    /** Batches rounded up to a multiple of the clients, so each client posts as many. */
    int batchesPerClient() {
        return (batches + clients - 1) / clients;
    }

    /** {@code 20s}, {@code 5m}, {@code 1h}, {@code 300} (seconds) or ISO 8601 {@code PT5M}. */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("pt")) {
            return Duration.parse(value);
        }
        char unit = value.charAt(value.length() - 1);
        return switch (unit) {
            case 's' -> Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            case 'm' -> Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            case 'h' -> Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1)));
            default -> Duration.ofSeconds(Long.parseLong(value));
        };
    }

    private static <T> T read(String name, String fallback, Function<String, T> parse) {
        String value = System.getProperty(name, fallback);
        try {
            return parse.apply(value);
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("-D" + name + "=" + value + " does not parse", e);
        }
    }

    private static void require(boolean ok, String name, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("-D" + name + "=" + value + " is out of range");
        }
    }
}
