package org.credstack.badge.verification;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.text.ParseException;
import java.util.Optional;
import java.util.stream.Stream;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.signing.Ed25519Keys;
import org.credstack.badge.signing.Multikey;
import org.credstack.badge.verification.KeyResolution.Found;
import org.credstack.badge.verification.KeyResolution.Refused;
import org.credstack.badge.verification.KeyResolution.Unresolvable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves a verification method id to its public key (Controlled Identifiers v1.0 §3.3 "Retrieve Verification
 * Method"), for Data Integrity proofs and VC-JWT {@code kid}s alike:
 *
 * <ul>
 *   <li>{@code did:key:z6Mk…#z6Mk…}: the Ed25519 key is the identifier itself; nothing is fetched.
 *   <li>an id under this service's public base URL: one of its own issuer keys, from the store; never fetched.
 *   <li>{@code did:web:host[:path…]#…}: the DID document at {@code https://host/.well-known/did.json} or {@code
 *       https://host/path…/did.json} (did:web method specification §3.2 Read).
 *   <li>{@code https://…#…}: the controller document at the id without its fragment.
 * </ul>
 *
 * <p>A fetched document must have the controller as its {@code id}, hold the verification method (in {@code
 * verificationMethod} or embedded in {@code assertionMethod}; relative ids {@code #…} are read against the
 * document's id) and list it under {@code assertionMethod}; the method's {@code controller}, if given, must be the
 * document. Key shapes: {@code Multikey} and {@code Ed25519VerificationKey2020} with an Ed25519 {@code
 * publicKeyMultibase}; {@code JsonWebKey} and {@code JsonWebKey2020} with a public {@code publicKeyJwk} of kty
 * {@code OKP}/Ed25519, {@code EC}/P-256 or {@code RSA}. Documents come from the {@link DocumentSource}: any failure
 * to obtain one is {@link Unresolvable}, never {@link Refused}. Thread-safe.
 */
public final class VerificationMethods {

    private static final String DID_KEY = "did:key:";
    private static final String DID_WEB = "did:web:";

    private final Issuers issuers;
    private final String ownBase;
    private final DocumentSource documents;

    /**
     * @param issuers this service's issuer keys
     * @param ownBase this service's public base URL followed by {@code /}; ids under it are never fetched
     * @param documents where controller documents come from
     */
    public VerificationMethods(Issuers issuers, String ownBase, DocumentSource documents) {
        this.issuers = issuers;
        this.ownBase = ownBase;
        this.documents = documents;
    }

    /**
     * The key of a verification method.
     *
     * @param verificationMethodId an absolute verification method id, e.g. {@code did:web:example.org#key-1}; a
     *     VC-JWT {@code kid} that is such an id
     * @return {@link Found}, {@link Unresolvable} (the proof is {@code unverifiable}) or {@link Refused} (the proof
     *     is {@code invalid}); never {@code null}, never throws
     */
    public KeyResolution resolve(String verificationMethodId) {
        if (verificationMethodId == null || verificationMethodId.isBlank()) {
            return new Refused("no verification method id");
        }
        String id = verificationMethodId;
        String controller = controllerOf(id);
        if (id.startsWith(DID_KEY)) {
            return didKey(id, controller);
        }
        if (id.startsWith(ownBase)) {
            return issuers.publicKey(id)
                    .<KeyResolution>map(key -> new Found(ed25519(id, controller, key)))
                    .orElseGet(() -> new Refused("verification method is not one of this service's issuer keys"));
        }
        URI document;
        try {
            if (id.startsWith(DID_WEB)) {
                document = didWebDocument(controller);
            } else if (id.startsWith("https://") || id.startsWith("http://")) {
                document = URI.create(controller);
            } else {
                return new Unresolvable("only did:key, did:web and https verification methods are resolved, not " + id);
            }
        } catch (IllegalArgumentException e) {
            return new Refused("verification method id is not a valid URL: " + id);
        }
        ObjectNode found;
        try {
            found = documents.document(document);
        } catch (DocumentUnavailableException e) {
            return new Unresolvable("controller document " + e.getMessage());
        }
        return fromDocument(id, controller, found);
    }

    /**
     * The URL of a {@code did:web} DID's document: colons become slashes, each part is percent-decoded (a port is
     * {@code %3A}), and {@code /.well-known} is added when there is no path (did:web §3.2).
     *
     * @throws IllegalArgumentException when the DID names no host or the URL is not valid
     */
    static URI didWebDocument(String did) {
        String[] parts = did.substring(DID_WEB.length()).split(":", -1);
        StringBuilder url = new StringBuilder("https://");
        for (int i = 0; i < parts.length; i++) {
            String part = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
            if (part.isEmpty() || part.contains("/")) {
                throw new IllegalArgumentException("not a did:web: " + did);
            }
            url.append(i == 0 ? "" : "/").append(part);
        }
        url.append(parts.length == 1 ? "/.well-known/did.json" : "/did.json");
        return URI.create(url.toString());
    }

    private static KeyResolution didKey(String id, String controller) {
        String multikey = controller.substring(DID_KEY.length());
        if (id.contains("#") && !id.substring(id.indexOf('#') + 1).equals(multikey)) {
            return new Refused("did:key fragment differs from the key: " + id);
        }
        try {
            return new Found(ed25519(id, controller, Multikey.decode(multikey)));
        } catch (IllegalArgumentException e) {
            return new Refused("verification method names no Ed25519 key: " + e.getMessage());
        }
    }

    private static KeyResolution fromDocument(String id, String controller, ObjectNode document) {
        if (!controller.equals(text(document.get("id")))) {
            return new Refused("the controller document of " + id + " has the id " + text(document.get("id")));
        }
        Optional<ObjectNode> method = Stream.concat(
                        document.path("verificationMethod").valueStream(),
                        document.path("assertionMethod").valueStream())
                .filter(ObjectNode.class::isInstance)
                .map(ObjectNode.class::cast)
                .filter(m -> id.equals(absolute(text(m.get("id")), controller)))
                .findFirst();
        if (method.isEmpty()) {
            return new Refused("the controller document " + controller + " has no verification method " + id);
        }
        boolean assertion = document.path("assertionMethod")
                .valueStream()
                .map(m -> m.isObject() ? text(m.get("id")) : text(m))
                .anyMatch(m -> id.equals(absolute(m, controller)));
        if (!assertion) {
            return new Refused(id + " is not an assertionMethod of " + controller);
        }
        String methodController = text(method.get().get("controller"));
        if (methodController != null && !controller.equals(absolute(methodController, controller))) {
            return new Refused(id + " names the controller " + methodController + ", not " + controller);
        }
        return key(id, controller, method.get());
    }

    private static KeyResolution key(String id, String controller, ObjectNode method) {
        String type = text(method.get("type"));
        if ("Multikey".equals(type) || "Ed25519VerificationKey2020".equals(type)) {
            String multibase = text(method.get("publicKeyMultibase"));
            if (multibase == null) {
                return new Refused(id + " is a " + type + " without publicKeyMultibase");
            }
            if (!multibase.startsWith("z6Mk")) {
                return new Unresolvable(id + " is not an Ed25519 Multikey; only those are read");
            }
            try {
                return new Found(ed25519(id, controller, Multikey.decode(multibase)));
            } catch (IllegalArgumentException e) {
                return new Refused(id + ": " + e.getMessage());
            }
        }
        if ("JsonWebKey".equals(type) || "JsonWebKey2020".equals(type)) {
            JsonNode jwk = method.get("publicKeyJwk");
            if (!(jwk instanceof ObjectNode)) {
                return new Refused(id + " is a " + type + " without publicKeyJwk");
            }
            return jwk(id, controller, jwk.toString());
        }
        return new Unresolvable(id + " is a verification method of type " + type + ", which is not read");
    }

    private static KeyResolution jwk(String id, String controller, String json) {
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException e) {
            return new Refused(id + ": publicKeyJwk is not a JWK: " + e.getMessage());
        }
        if (jwk.isPrivate()) {
            return new Refused(id + ": publicKeyJwk holds a private key");
        }
        try {
            return switch (jwk) {
                case OctetKeyPair okp
                when Curve.Ed25519.equals(okp.getCurve()) ->
                    new Found(ed25519(
                            id, controller, Ed25519Keys.publicKey(okp.getX().decode())));
                case ECKey ec
                when Curve.P_256.equals(ec.getCurve()) -> {
                    ECKey key = new ECKey.Builder(ec).keyID(id).build().toPublicJWK();
                    yield new Found(new VerificationKey(id, controller, key.toECPublicKey(), key));
                }
                case RSAKey rsa -> {
                    RSAKey key = new RSAKey.Builder(rsa).keyID(id).build().toPublicJWK();
                    yield new Found(new VerificationKey(id, controller, key.toRSAPublicKey(), key));
                }
                default ->
                    new Unresolvable(id + ": a JWK of kty " + jwk.getKeyType()
                            + " is not read (OKP Ed25519, EC P-256 and RSA are)");
            };
        } catch (JOSEException | IllegalArgumentException e) {
            return new Refused(id + ": publicKeyJwk is not a valid key: " + e.getMessage());
        }
    }

    private static VerificationKey ed25519(String id, String controller, PublicKey key) {
        OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Ed25519Keys.rawPublicKey(key)))
                .keyID(id)
                .build();
        return new VerificationKey(id, controller, key, jwk);
    }

    private static String controllerOf(String id) {
        int hash = id.indexOf('#');
        return hash < 0 ? id : id.substring(0, hash);
    }

    private static String absolute(String id, String controller) {
        return id != null && id.startsWith("#") ? controller + id : id;
    }

    private static String text(JsonNode value) {
        return value != null && value.isString() ? value.asString() : null;
    }
}
