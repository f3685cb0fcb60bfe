package org.credstack.badge.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code eddsa-rdfc-2022} test vector of the OB 3.0 implementation guide (values from the shared
 * fixtures README; files under {@code src/test/resources/openbadges/}, see SOURCES.md there).
 */
final class TestVector {

    static final String FOLDER = "/openbadges/1EdTech-openbadges-specification/impl-test-vectors/";

    static final byte[] SEED = hex("6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4");
    static final byte[] PUBLIC_KEY = hex("4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5");
    static final String MULTIKEY = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
    static final String VERIFICATION_METHOD = "https://example.edu/issuers/565049#" + MULTIKEY;
    static final Instant CREATED = Instant.parse("2010-01-01T19:23:24Z");
    static final String DOCUMENT_HASH = "87f65a76d40146205e3b3e06cb0fbd153f97f9ce70372390f52566bb7f9e0773";
    static final String PROOF_HASH = "d34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19";
    static final String PROOF_VALUE =
            "z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr";

    private TestVector() {}

    /** The signed OpenBadgeCredential of the vector. */
    static ObjectNode signedCredential() {
        return json(FOLDER + "linked-data-proof-ob.signed-credential.extracted.json");
    }

    /** The vector credential without its proof. */
    static ObjectNode unsignedCredential() {
        ObjectNode credential = signedCredential();
        credential.remove("proof");
        return credential;
    }

    static String documentCanon() {
        return text(FOLDER + "obv3p0/document-canon.txt");
    }

    static String proofCanon() {
        return text(FOLDER + "obv3p0/proof-canon.txt");
    }

    static ObjectNode json(String resource) {
        return (ObjectNode) JsonMapper.shared().readTree(text(resource));
    }

    static String text(String resource) {
        try (InputStream in = TestVector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
