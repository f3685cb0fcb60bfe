package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    private static final Path REPO = Path.of("/work/credstack");

    @Test
    void defaultsToDotDataInTheRepositoryRoot() {
        LauncherOptions options = LauncherOptions.parse(new String[0], Map.of(), REPO);

        assertThat(options.dataDir()).isEqualTo(REPO.resolve(".data"));
        assertThat(options.logDir()).isEqualTo(REPO.resolve(".data/logs"));
        assertThat(options.infraOnly()).isFalse();
    }

    @Test
    void takesTheDataFolderFromTheEnvironmentAndTheFlagOverEnvironment() {
        Map<String, String> env = Map.of(LauncherOptions.DATA_DIR_ENV, "/var/credstack");

        assertThat(LauncherOptions.parse(new String[0], env, REPO).dataDir()).isEqualTo(Path.of("/var/credstack"));
        assertThat(LauncherOptions.parse(new String[] {"--data-dir=tmp/d", "--infra-only"}, env, REPO))
                .extracting(LauncherOptions::dataDir, LauncherOptions::infraOnly)
                .containsExactly(REPO.resolve("tmp/d"), true);
    }

    @Test
    void takesAPortOffsetAndRefusesANonsenseOne() {
        assertThat(LauncherOptions.parse(new String[] {"--port-offset=10000"}, Map.of(), REPO)
                        .portOffset())
                .isEqualTo(10000);
        assertThat(LauncherOptions.parse(new String[0], Map.of(), REPO).portOffset())
                .isZero();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LauncherOptions.parse(new String[] {"--port-offset=-5"}, Map.of(), REPO))
                .withMessageContaining("--port-offset");
    }

    @Test
    void rejectsAnUnknownArgumentNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LauncherOptions.parse(new String[] {"--port=1"}, Map.of(), REPO))
                .withMessageStartingWith("unknown argument: --port=1");
    }
}
