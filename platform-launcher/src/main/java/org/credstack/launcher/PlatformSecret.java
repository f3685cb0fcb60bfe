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
 * A secret every service of the embedded platform shares, handed to each in the environment: the one in the
 * launcher's own environment if set, otherwise 32 random bytes made once per data directory and kept in a file
 * there (owner read/write only), so that what was signed or sealed before a restart still checks or opens after
 * it.
 *
 * @param env the environment variable the services read (and the launcher takes over when set)
 * @param file the file name in the data directory
 */
record PlatformSecret(String env, String file) {

    /** The key of links in e-mails ({@code credstack.links.secret}). */
    static final PlatformSecret LINKS = new PlatformSecret("CREDSTACK_LINKS_SECRET", "links.secret");

    /** The key-encryption key that seals secrets at rest ({@code credstack.crypto.kek}). */
    static final PlatformSecret CRYPTO_KEK = new PlatformSecret("CREDSTACK_CRYPTO_KEK", "crypto.kek");

    /**
     * The web app's OAuth client secret at identity-service, given to those two only ({@code
     * credstack.web.client-secret}, {@code credstack.identity.bootstrap.web-client-secret}).
     */
    static final PlatformSecret WEB_CLIENT = new PlatformSecret("CREDSTACK_WEB_CLIENT_SECRET", "web-client.secret");

    /**
     * @return the base64 secret
     * @throws UncheckedIOException if the file can be neither read nor written
     */
    String readOrCreate(Path dataDir) {
        String fromEnvironment = System.getenv(env);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        Path path = dataDir.resolve(file);
        try {
            if (!Files.exists(path)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                create(path, Base64.getEncoder().encodeToString(secret));
            }
            return Files.readString(path, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the secret " + env + " in " + path, e);
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
