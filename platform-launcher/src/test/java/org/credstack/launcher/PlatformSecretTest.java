package org.credstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformSecretTest {

    @TempDir
    Path dataDir;

    @Test
    void oneSecretPerDataDirectoryKeptAcrossRestartsAndReadableOnlyByItsOwner() throws Exception {
        String first = PlatformSecret.LINKS.readOrCreate(dataDir);
        String again = PlatformSecret.LINKS.readOrCreate(dataDir);

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(again).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("links.secret"))))
                .isEqualTo("rw-------");
    }

    @Test
    void anotherDataDirectoryGetsAnotherSecret(@TempDir Path other) {
        assertThat(PlatformSecret.LINKS.readOrCreate(other)).isNotEqualTo(PlatformSecret.LINKS.readOrCreate(dataDir));
    }

    @Test
    void theKeyEncryptionKeyIsA32ByteKeyOfItsOwnKeptBesideTheLinkSecret() throws Exception {
        String kek = PlatformSecret.CRYPTO_KEK.readOrCreate(dataDir);

        assertThat(Base64.getDecoder().decode(kek)).hasSize(32);
        assertThat(PlatformSecret.CRYPTO_KEK.readOrCreate(dataDir)).isEqualTo(kek);
        assertThat(kek).isNotEqualTo(PlatformSecret.LINKS.readOrCreate(dataDir));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("crypto.kek"))))
                .isEqualTo("rw-------");
    }
}
