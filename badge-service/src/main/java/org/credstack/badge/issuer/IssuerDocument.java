package org.credstack.badge.issuer;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code GET /issuers/{providerId}} serves: the issuer's Open Badges 3.0 {@code Profile} (OB 3.0
 * §B.1.2) that is at the same time the controller document of its key (Controlled Identifiers v1.0
 * §2; VC Data Integrity 1.0 §4 "retrieve verification method"), because the proof's {@code
 * verificationMethod} {@code <id>#<multikey>} dereferences to this document:
 *
 * <pre>{@code
 * { "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1",
 *                "https://www.w3.org/ns/credentials/v2",
 *                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
 *   "id": "<base>/issuers/p-1", "type": "Profile", "name": "...", "url": "...", "email": "...",
 *   "verificationMethod": [{ "id": "<base>/issuers/p-1#z6MkOld...", "type": "Multikey",
 *                            "controller": "<base>/issuers/p-1", "publicKeyMultibase": "z6MkOld..." },
 *                          { "id": "<base>/issuers/p-1#z6MkNew...", ... }],
 *   "assertionMethod": ["<base>/issuers/p-1#z6MkOld...", "<base>/issuers/p-1#z6MkNew..."] }
 * }</pre>
 *
 * <p>Every key the issuer ever signed with is listed, oldest first, as a verification method and an assertion
 * method: a key rotation (see {@link Issuers#rotate}) adds the new key and keeps the old ones, so a credential
 * signed before it still verifies; which key signs new credentials is not shown (the newest credentials name it).
 *
 * <p>The DID v1 context comes first on purpose: it defines {@code verificationMethod} and {@code
 * assertionMethod}, and verifiers built on jsonld-signatures (DigitalBazaar, the 1EdTech validator)
 * read a controller document whose first context is DID v1 as plain JSON instead of framing it.
 * The multikey context defines {@code Multikey} and {@code publicKeyMultibase}.
 */
final class IssuerDocument {

    static final String DID_V1 = "https://www.w3.org/ns/did/v1";
    static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
    static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private IssuerDocument() {}

    static ObjectNode of(Issuer issuer) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putArray("@context")
                .add(DID_V1)
                .add(MULTIKEY_V1)
                .add(CREDENTIALS_V2)
                .add(OB_V3P0);
        document.put("id", issuer.id());
        document.put("type", "Profile");
        putIfPresent(document, "name", issuer.name());
        putIfPresent(document, "url", issuer.url());
        putIfPresent(document, "email", issuer.email());
        ArrayNode methods = document.putArray("verificationMethod");
        ArrayNode assertionMethods = document.putArray("assertionMethod");
        for (String publicKey : issuer.publicKeys()) {
            ObjectNode method = methods.addObject();
            method.put("id", issuer.verificationMethod(publicKey));
            method.put("type", "Multikey");
            method.put("controller", issuer.id());
            method.put("publicKeyMultibase", publicKey);
            assertionMethods.add(issuer.verificationMethod(publicKey));
        }
        return document;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
