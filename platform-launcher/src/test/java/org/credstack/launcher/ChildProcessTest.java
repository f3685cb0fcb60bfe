package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void keepsThePreviousRunsOutputWhenRestarted() throws Exception {
        Path log = dir.resolve("logs/child.log");

        assertThat(ChildProcess.start("child", List.of("sh", "-c", "echo first run"), log)
                        .process()
                        .waitFor())
                .isZero();
        assertThat(ChildProcess.start("child", List.of("sh", "-c", "echo second run"), log)
                        .process()
                        .waitFor())
                .isZero();

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("---- started ");
        assertThat(lines.get(1)).isEqualTo("first run");
        assertThat(lines.get(2)).startsWith("---- started ");
        assertThat(lines.get(3)).isEqualTo("second run");
    }
}
