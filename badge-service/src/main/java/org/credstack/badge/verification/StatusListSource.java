package org.credstack.badge.verification;

import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the verifier obtains another issuer's status list credential (Bitstring Status List v1.0 §3.2 step 6,
 * "dereference statusListCredential"). This service's own lists never come from here: they are read from the store.
 * The returned credential is verified before it is believed.
 */
@FunctionalInterface
public interface StatusListSource {

    /**
     * The status list credential published at {@code url}, as JSON.
     *
     * @param url the entry's {@code statusListCredential}
     * @return empty when it cannot be obtained (then the status is {@code unverifiable}: status list unreachable)
     */
    Optional<ObjectNode> statusListCredential(String url);

    /** A source that obtains nothing: other issuers' lists are not fetched over the network yet. */
    static StatusListSource none() {
        return url -> Optional.empty();
    }
}
