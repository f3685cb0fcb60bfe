package org.credstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo leaves its people signed-in-able: their passwords in an owner-only file, and where to sign in. */
class DemoLookAroundTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsThePeoplesPasswordsInAnOwnerOnlyFileAndSaysWhereToSignIn() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Demo.Options options = new Demo.Options(500, dataDir);

        Demo.lookAround(
                Map.of("ada.x1@learners.example", "pw-ada"),
                options,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        Demo.lookAround(
                Map.of("grace.x2@learners.example", "pw-grace"),
                options,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        Path file = Demo.demoAccountsFile(dataDir);
        assertThat(Files.readAllLines(file))
                .containsExactly("ada.x1@learners.example=pw-ada", "grace.x2@learners.example=pw-grace");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("open http://127.0.0.1:8590/ and sign in")
                .contains("  ada.x1@learners.example")
                .doesNotContain("pw-ada");
    }
}
