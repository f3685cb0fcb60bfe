package org.credstack.badge.verification;

import java.net.URI;
import java.util.Optional;
import org.credstack.badge.verification.DocumentUnavailableException.Reason;
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
     * @throws DocumentUnavailableException when it cannot be obtained, with the reason (the same outcome, with the
     *     reason in the check's detail)
     */
    Optional<ObjectNode> statusListCredential(String url);

    /**
     * The production source: each list fetched from {@code documents} ({@link RemoteDocuments}: guarded, limited,
     * cached), except a URL under this service's own base, which is never fetched (this service's lists are read
     * from its store; one not there does not exist).
     *
     * @param documents where other issuers' lists come from
     * @param ownBase this service's public base URL followed by {@code /}
     */
    static StatusListSource fetchedFrom(DocumentSource documents, String ownBase) {
        return url -> {
            URI list;
            try {
                list = URI.create(url);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (url.startsWith(ownBase)) {
                throw new DocumentUnavailableException(
                        list, Reason.NOT_FOUND, "not one of this service's status lists; those are never fetched");
            }
            return Optional.of(documents.document(list));
        };
    }
}
