package org.credstack.badge.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the unsigned {@code BitstringStatusListCredential} of a list (Bitstring Status List v1.0 §2.2, VC Data
 * Model 2.0; every term is in the VC 2.0 context):
 *
 * <pre>{@code
 * { "@context": ["https://www.w3.org/ns/credentials/v2"],
 *   "id": "<base>/status-lists/p-1/0",
 *   "type": ["VerifiableCredential", "BitstringStatusListCredential"],
 *   "issuer": "<base>/issuers/p-1",
 *   "validFrom": "2024-02-10T12:00:00Z",            // when this revision was signed
 *   "credentialSubject": { "id": "<base>/status-lists/p-1/0#list", "type": "BitstringStatusList",
 *                          "statusPurpose": "revocation", "encodedList": "uH4sI..." } }
 * }</pre>
 *
 * <p>The issuer is the same as the credentials' it lists, as verifiers check. {@code type} of the subject is a
 * single string, as the specification's examples and the DigitalBazaar verifier expect.
 */
final class StatusListCredentials {

    static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";

    private StatusListCredentials() {}

    static ObjectNode unsigned(String url, String issuerId, BitstringStatusList list, Instant validFrom) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putArray("@context").add(CREDENTIALS_V2);
        document.put("id", url);
        document.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        document.put("issuer", issuerId);
        document.put("validFrom", validFrom.truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode subject = document.putObject("credentialSubject");
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", StatusListEntry.REVOCATION);
        subject.put("encodedList", list.encode());
        return document;
    }
}
