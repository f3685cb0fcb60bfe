package org.credstack.launcher;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Mongo-wire server (mongo-java-server) on one H2 MVStore file, run as its own JVM by the
 * launcher. Every acknowledged write is in the file before the reply (see {@link DurableH2Backend}).
 *
 * <p>Known limits of mongo-java-server: no transactions, TTL indexes not enforced, non-unique
 * secondary indexes not used, no {@code hello} command (use {@code ping} for health).
 */
public final class EmbeddedMongo {

    /** File name of the store inside the data directory. */
    public static final String STORE_FILE = "credstack.mv.db";

    private EmbeddedMongo() {}

    /**
     * Binds to {@code localhost:<port>} and serves until the JVM ends (SIGTERM, SIGINT, or the parent
     * process ending).
     *
     * @param args {@code <data dir> [<port>, default 27017]}; the store is {@code <data dir>/credstack.mv.db},
     *     created with its directory when missing
     * @throws IOException if the data directory cannot be created
     */
    private static void compact(DurableH2Backend backend) {
        try {
            backend.compact();
        } catch (RuntimeException e) {
            System.err.println("store compaction failed, tried again in 5 s: " + e);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: EmbeddedMongo <data dir> [<port>]");
        }
        Path dataDir = Files.createDirectories(Path.of(args[0]));
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        Path file = dataDir.resolve(STORE_FILE);

        DurableH2Backend backend = DurableH2Backend.open(file);
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-shutdown"));
        Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("store-compaction").factory())
                .scheduleWithFixedDelay(() -> compact(backend), 5, 5, TimeUnit.SECONDS);
        if ("DEBUG".equals(System.getProperty("credstack.store.log"))) {
            Executors.newSingleThreadScheduledExecutor(
                            Thread.ofPlatform().daemon().name("store-stats").factory())
                    .scheduleWithFixedDelay(
                            () -> System.out.println("store: " + backend.stats()), 10, 10, TimeUnit.SECONDS);
        }
        ParentWatchdog.exitWhenParentDies();
        System.out.println("EmbeddedMongo listening on localhost:" + port + ", store " + file.toAbsolutePath());
    }
}
