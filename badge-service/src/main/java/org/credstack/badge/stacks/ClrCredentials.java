package org.credstack.badge.stacks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credstack.badge.catalog.CatalogReplica;
import org.credstack.badge.issuer.IssuerKey;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.issuing.HeldCredential;
import org.credstack.badge.issuing.IssuedCredentials;
import org.credstack.badge.signing.DataIntegritySigner;
import org.credstack.badge.signing.ProofOptions;
import org.credstack.events.catalog.CredentialSnapshot;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A learner's Comprehensive Learner Record for one stack they were awarded (CLR 2.0 §B.1 ClrCredential), signed
 * with {@code eddsa-rdfc-2022} by the stack's issuer, its contexts the bundled copies:
 *
 * <pre>{@code
 * { "@context": ["https://www.w3.org/ns/credentials/v2",
 *                "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
 *                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
 *   "id": "urn:uuid:...", "type": ["VerifiableCredential", "ClrCredential"],
 *   "issuer": { ...the stack credential's issuer Profile },
 *   "name": "<stack title>", "validFrom": "<now>",
 *   "credentialSubject": {
 *     "type": ["ClrSubject"],
 *     "identifier": [ ...the stack credential's hashed recipient ],
 *     "achievement": [ <stack achievement>, <component achievements>... ],
 *     "verifiableCredential": [ <stack credential>, <component credentials>... ],   // as signed, proofs included
 *     "association": [{ "type": "Association", "associationType": "isParentOf",
 *                       "sourceId": "<stack achievement id>", "targetId": "<component achievement id>" }] },
 *   "proof": { "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", ... } }
 * }</pre>
 *
 * <p>Made fresh on each request ({@code validFrom} and {@code proof.created} are the service clock's now); nothing
 * is stored. A component badge whose document is gone is left out.
 */
@Service
class ClrCredentials {

    static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String CLR_V2P0 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
    static final String OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private final IssuedCredentials credentials;
    private final CatalogReplica catalog;
    private final Issuers issuers;
    private final DataIntegritySigner signer;
    private final JsonMapper json;
    private final Clock clock;

    ClrCredentials(
            IssuedCredentials credentials,
            CatalogReplica catalog,
            Issuers issuers,
            DataIntegritySigner signer,
            JsonMapper json,
            Clock clock) {
        this.credentials = credentials;
        this.catalog = catalog;
        this.issuers = issuers;
        this.signer = signer;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The signed {@code ClrCredential} of a learner's stack award.
     *
     * @throws StackAwardNotFoundException if the learner holds no credential of that stack
     */
    ObjectNode of(String learnerId, String stackCredentialId) {
        HeldCredential award = credentials
                .stackAward(learnerId, stackCredentialId)
                .orElseThrow(() -> new StackAwardNotFoundException(learnerId, stackCredentialId));
        CredentialSnapshot stack = catalog.latest(stackCredentialId)
                .orElseThrow(() -> new StackAwardNotFoundException(learnerId, stackCredentialId));
        List<ObjectNode> included = new ArrayList<>();
        included.add(read(award));
        award.stackOf().stream()
                .map(credentials::held)
                .flatMap(Optional::stream)
                .map(this::read)
                .forEach(included::add);
        IssuerKey key = issuers.signingKey(stack.provider().id());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return signer.sign(
                unsigned(stack, included, now),
                ProofOptions.assertionMethod(key.verificationMethod(), now),
                key.privateKey());
    }

    private static ObjectNode unsigned(CredentialSnapshot stack, List<ObjectNode> included, Instant now) {
        ObjectNode stackCredential = included.getFirst();
        ObjectNode clr = JsonNodeFactory.instance.objectNode();
        clr.putArray("@context").add(CREDENTIALS_V2).add(CLR_V2P0).add(OB_V3P0);
        clr.put("id", "urn:uuid:" + UUID.randomUUID());
        clr.putArray("type").add("VerifiableCredential").add("ClrCredential");
        clr.set("issuer", stackCredential.get("issuer").deepCopy());
        clr.put("name", stack.title());
        clr.put("validFrom", now.toString());
        ObjectNode subject = clr.putObject("credentialSubject");
        subject.putArray("type").add("ClrSubject");
        subject.set(
                "identifier",
                stackCredential.path("credentialSubject").path("identifier").deepCopy());
        ArrayNode achievements = subject.putArray("achievement");
        ArrayNode credentials = subject.putArray("verifiableCredential");
        for (ObjectNode credential : included) {
            achievements.add(
                    credential.path("credentialSubject").path("achievement").deepCopy());
            credentials.add(credential);
        }
        ArrayNode associations = subject.putArray("association");
        String parent = achievementId(stackCredential);
        included.stream().skip(1).forEach(component -> {
            ObjectNode association = associations.addObject();
            association.put("type", "Association");
            association.put("associationType", "isParentOf");
            association.put("sourceId", parent);
            association.put("targetId", achievementId(component));
        });
        return clr;
    }

    private ObjectNode read(HeldCredential badge) {
        return (ObjectNode) json.readTree(badge.signedCredential());
    }

    private static String achievementId(JsonNode credential) {
        return credential
                .path("credentialSubject")
                .path("achievement")
                .path("id")
                .asString();
    }
}
