package org.credstack.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the launcher was asked to do.
 *
 * @param repoRoot the CredStack checkout: services' jars are {@code <repoRoot>/<name>/target/<name>-0.1.0-SNAPSHOT.jar}
 * @param dataDir where Kafka's log directory, the Mongo store file and the children's logs live
 * @param infraOnly start Kafka, Mongo and SMTP but no service
 * @param help print usage and start nothing
 * @param portOffset added to every port (Kafka 9092, Mongo 27017, SMTP 3025, services 8080-8084, web app 8090), so a
 *     second platform (an end-to-end test, say) can run beside the first
 */
record LauncherOptions(Path repoRoot, Path dataDir, boolean infraOnly, boolean help, int portOffset) {

    static final String DATA_DIR_ENV = SignIn.DATA_DIR_ENV;

    static final String USAGE = """
            usage: Launcher [--data-dir=DIR] [--infra-only] [--port-offset=N] [--help]
              --data-dir=DIR     data folder (Kafka logs, Mongo file, child logs); default: $CREDSTACK_DATA_DIR or .data
              --infra-only       start Kafka, Mongo and SMTP only
              --port-offset=N    add N to every port (default 0: Kafka 9092, Mongo 27017, SMTP 3025, services 8080-8084, web app 8090)
            Run from the repository root. Ctrl-C stops everything; data is kept for the next start.""";

    /**
     * Reads the command line and environment; relative paths resolve against {@code workingDir}.
     *
     * @throws IllegalArgumentException naming an unknown argument
     */
    static LauncherOptions parse(String[] args, Map<String, String> env, Path workingDir) {
        Path dataDir = Path.of(env.getOrDefault(DATA_DIR_ENV, ".data"));
        boolean infraOnly = false;
        boolean help = false;
        int portOffset = 0;
        for (String arg : args) {
            if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.startsWith("--port-offset=")) {
                portOffset = portOffset(arg.substring("--port-offset=".length()));
            } else if (arg.equals("--infra-only")) {
                infraOnly = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg + "\n" + USAGE);
            }
        }
        Path root = workingDir.toAbsolutePath().normalize();
        return new LauncherOptions(root, root.resolve(dataDir).normalize(), infraOnly, help, portOffset);
    }

    private static int portOffset(String value) {
        try {
            int offset = Integer.parseInt(value);
            if (offset >= 0 && offset <= 30000) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("--port-offset takes a whole number from 0 to 30000, not " + value);
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }
}
