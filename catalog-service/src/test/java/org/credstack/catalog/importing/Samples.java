package org.credstack.catalog.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.credstack.catalog.credential.ImportBatch;

/** The copied real records (samples/catalog) from the test classpath. */
final class Samples {

    private Samples() {}

    static byte[] bytes(String path) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/catalog/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Several sample files as one JSON array, the way a BadgeClass is sent with its issuer. */
    static byte[] bundle(String... paths) {
        StringBuilder array = new StringBuilder("[");
        for (String path : paths) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append(new String(bytes(path), StandardCharsets.UTF_8));
        }
        return array.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    static ImportBatch read(String path) {
        return new ImportDocuments().read(bytes(path), ImportOptions.source(path));
    }

    static ImportBatch read(String path, ImportOptions options) {
        return new ImportDocuments().read(bytes(path), options);
    }
}
