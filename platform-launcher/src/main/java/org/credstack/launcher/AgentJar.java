package org.credstack.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the one-class agent jar that gives a service JVM a {@link ParentWatchdog}. It is made at
 * run time so the launcher works straight from {@code target/classes}, before any jar is packaged.
 */
final class AgentJar {

    private AgentJar() {}

    /**
     * Writes (or overwrites) {@code parent-watchdog.jar} in {@code directory}.
     *
     * @return the jar's path, for {@code -javaagent:}
     * @throws UncheckedIOException if the directory is not writable
     */
    static Path writeInto(Path directory) {
        String entry = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchdog.class.getName());
        Path jar = directory.resolve("parent-watchdog.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                InputStream classFile = ParentWatchdog.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the watchdog agent jar to " + jar, e);
        }
        return jar;
    }
}
