package org.credstack.badge.verification;

import java.net.URI;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the verifier obtains another party's JSON document by URL: a controller document (Controlled Identifiers
 * v1.0 §3.3, a {@code did:web} DID document) or a status list credential. In production {@link RemoteDocuments}
 * (HTTPS, guarded and cached); in tests a map of fixtures.
 */
@FunctionalInterface
public interface DocumentSource {

    /**
     * The JSON object served at {@code url}; the caller may change it.
     *
     * @param url an absolute URL without fragment
     * @throws DocumentUnavailableException when it cannot be obtained, with the reason
     */
    ObjectNode document(URI url);
}
