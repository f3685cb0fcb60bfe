package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkSecretTest {

    @TempDir
    Path dataDir;

    @Test
    void oneSecretPerDataDirectoryKeptAcrossRestartsAndReadableOnlyByItsOwner() throws Exception {
        String first = LinkSecret.readOrCreate(dataDir);
        String again = LinkSecret.readOrCreate(dataDir);

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(again).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(LinkSecret.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void anotherDataDirectoryGetsAnotherSecret(@TempDir Path other) {
        assertThat(LinkSecret.readOrCreate(other)).isNotEqualTo(LinkSecret.readOrCreate(dataDir));
    }
}
