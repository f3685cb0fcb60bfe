package org.credstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret every service of the embedded platform signs e-mail links with ({@code credstack.links.secret}):
 * the one in the launcher's environment ({@code CREDSTACK_LINKS_SECRET}) if set, otherwise 32 random bytes made
 * once per data directory and kept in {@code <dataDir>/links.secret} (owner read/write only), so that links sent
 * before a restart still work after it.
 */
final class LinkSecret {

    /** The environment variable Spring binds to {@code credstack.links.secret}. */
    static final String ENV = "CREDSTACK_LINKS_SECRET";

    static final String FILE = "links.secret";

    private LinkSecret() {}

    /**
     * @return the base64 secret
     * @throws UncheckedIOException if the file can be neither read nor written
     */
    static String readOrCreate(Path dataDir) {
        String fromEnvironment = System.getenv(ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                create(file, Base64.getEncoder().encodeToString(secret));
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the link secret in " + file, e);
        }
    }

    private static void create(Path file, String secret) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret, StandardCharsets.US_ASCII);
    }
}
