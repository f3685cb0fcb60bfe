package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.net.URI;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.signing.Ed25519Keys;
import org.credstack.badge.signing.Multikey;
import org.credstack.badge.verification.DocumentUnavailableException.Reason;
import org.credstack.badge.verification.KeyResolution.Found;
import org.credstack.badge.verification.KeyResolution.Refused;
import org.credstack.badge.verification.KeyResolution.Unresolvable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Verification method ids resolved to keys, controller documents served from a map. */
class VerificationMethodsTest {

    static final String OWN = "https://badges.credstack.example/";
    static final String CONTROLLER = "https://issuer.example/issuers/1";
    static final JsonMapper JSON = JsonMapper.shared();

    final Map<URI, ObjectNode> served = new HashMap<>();
    final List<URI> fetched = new ArrayList<>();
    final Issuers issuers = mock(Issuers.class);
    final VerificationMethods methods = new VerificationMethods(issuers, OWN, url -> {
        fetched.add(url);
        ObjectNode document = served.get(url);
        if (document == null) {
            throw new DocumentUnavailableException(url, Reason.TIMEOUT, null);
        }
        return document.deepCopy();
    });

    final KeyPair ed25519 = Ed25519Keys.generate();
    final String multikey = Multikey.encode(ed25519.getPublic());

    ObjectNode controller(String id, ObjectNode method, boolean assertion) {
        ObjectNode document = JSON.createObjectNode();
        document.put("id", id);
        document.putArray("verificationMethod").add(method);
        if (assertion) {
            document.putArray("assertionMethod").add(method.get("id").asString());
        }
        return document;
    }

    ObjectNode multikeyMethod(String id) {
        ObjectNode method = JSON.createObjectNode();
        method.put("id", id);
        method.put("type", "Multikey");
        method.put("controller", CONTROLLER);
        method.put("publicKeyMultibase", multikey);
        return method;
    }

    ObjectNode jwkMethod(String id, JWK jwk) {
        ObjectNode method = JSON.createObjectNode();
        method.put("id", id);
        method.put("type", "JsonWebKey");
        method.put("controller", CONTROLLER);
        method.set("publicKeyJwk", JSON.readTree(jwk.toJSONString()));
        return method;
    }

    @Test
    void readsAMultikeyListedForAssertionFromItsHttpsControllerDocument() {
        String id = CONTROLLER + "#" + multikey;
        served.put(URI.create(CONTROLLER), controller(CONTROLLER, multikeyMethod(id), true));

        Found found = (Found) methods.resolve(id);

        assertThat(found.key().publicKey()).isEqualTo(ed25519.getPublic());
        assertThat(found.key().controller()).isEqualTo(CONTROLLER);
        assertThat(found.key().jwk().getKeyID()).isEqualTo(id);
        assertThat(((OctetKeyPair) found.key().jwk()).getX().decode())
                .isEqualTo(Ed25519Keys.rawPublicKey(ed25519.getPublic()));
    }

    @Test
    void findsADidWebDocumentWhereTheDidWebMethodSaysAndReadsRelativeIds() {
        String did = "did:web:issuer.example%3A8443:orgs:42";
        ObjectNode method = multikeyMethod("#key-1");
        method.put("type", "Ed25519VerificationKey2020");
        method.put("controller", did);
        ObjectNode document = controller(did, method, false);
        document.putArray("assertionMethod").add("#key-1");
        served.put(URI.create("https://issuer.example:8443/orgs/42/did.json"), document);

        KeyResolution resolution = methods.resolve(did + "#key-1");

        assertThat(resolution).isInstanceOf(Found.class);
        assertThat(((Found) resolution).key().controller()).isEqualTo(did);
        assertThat(VerificationMethods.didWebDocument("did:web:issuer.example"))
                .isEqualTo(URI.create("https://issuer.example/.well-known/did.json"));
    }

    @Test
    void readsEd25519P256AndRsaJsonWebKeys() throws Exception {
        OctetKeyPair okp = new OctetKeyPair.Builder(
                        Curve.Ed25519, Base64URL.encode(Ed25519Keys.rawPublicKey(ed25519.getPublic())))
                .build();
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        ObjectNode document = JSON.createObjectNode();
        document.put("id", CONTROLLER);
        document.putArray("verificationMethod")
                .add(jwkMethod(CONTROLLER + "#okp", okp.toPublicJWK()))
                .add(jwkMethod(CONTROLLER + "#ec", ec.toPublicJWK()))
                .add(jwkMethod(CONTROLLER + "#rsa", rsa.toPublicJWK()));
        document.putArray("assertionMethod").add("#okp").add("#ec").add(CONTROLLER + "#rsa");
        served.put(URI.create(CONTROLLER), document);

        VerificationKey okpKey = ((Found) methods.resolve(CONTROLLER + "#okp")).key();
        VerificationKey ecKey = ((Found) methods.resolve(CONTROLLER + "#ec")).key();
        VerificationKey rsaKey = ((Found) methods.resolve(CONTROLLER + "#rsa")).key();

        assertThat(okpKey.isEd25519()).isTrue();
        assertThat(Ed25519Keys.rawPublicKey(okpKey.publicKey()))
                .isEqualTo(okp.getX().decode());
        assertThat(ecKey.publicKey()).isEqualTo(ec.toECPublicKey());
        assertThat(ecKey.jwk().getKeyID()).isEqualTo(CONTROLLER + "#ec");
        assertThat(rsaKey.publicKey()).isEqualTo(rsa.toRSAPublicKey());
        assertThat(rsaKey.isEd25519()).isFalse();
    }

    @Test
    void refusesAKeyItsControllerDoesNotListForAssertion() {
        String id = CONTROLLER + "#" + multikey;
        served.put(URI.create(CONTROLLER), controller(CONTROLLER, multikeyMethod(id), false));

        assertThat(methods.resolve(id)).isInstanceOf(Refused.class);
        assertThat(methods.resolve(CONTROLLER + "#another")).isInstanceOf(Refused.class);
    }

    @Test
    void refusesADocumentThatIsAnotherControllersOrPublishesAPrivateKey() throws Exception {
        String id = CONTROLLER + "#" + multikey;
        served.put(URI.create(CONTROLLER), controller("https://elsewhere.example/issuers/1", multikeyMethod(id), true));
        assertThat(((Refused) methods.resolve(id)).reason()).contains("has the id https://elsewhere.example");

        ECKey leaked = new ECKeyGenerator(Curve.P_256).generate();
        served.put(URI.create(CONTROLLER), controller(CONTROLLER, jwkMethod(CONTROLLER + "#ec", leaked), true));
        assertThat(((Refused) methods.resolve(CONTROLLER + "#ec")).reason()).contains("private key");
    }

    @Test
    void aDocumentThatCannotBeFetchedLeavesTheKeyUnresolvableWithTheReason() {
        KeyResolution resolution = methods.resolve("https://down.example/issuers/1#key");

        assertThat(resolution).isInstanceOf(Unresolvable.class);
        assertThat(((Unresolvable) resolution).reason()).contains("timeout");
    }

    @Test
    void unsupportedMethodsAndKeyTypesAreUnresolvableNotRefused() {
        ObjectNode method = multikeyMethod(CONTROLLER + "#p256");
        method.put("publicKeyMultibase", "zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169");
        served.put(URI.create(CONTROLLER), controller(CONTROLLER, method, true));

        assertThat(methods.resolve(CONTROLLER + "#p256")).isInstanceOf(Unresolvable.class);
        assertThat(methods.resolve("did:example:123#key")).isInstanceOf(Unresolvable.class);
    }

    @Test
    void ownIssuerKeysAndDidKeysAreNeverFetched() {
        String own = OWN + "issuers/p-1#" + multikey;
        when(issuers.publicKey(any())).thenReturn(Optional.empty());
        when(issuers.publicKey(own)).thenReturn(Optional.of(ed25519.getPublic()));

        assertThat(((Found) methods.resolve(own)).key().publicKey()).isEqualTo(ed25519.getPublic());
        assertThat(methods.resolve(OWN + "issuers/p-1#z6MkUnknown")).isInstanceOf(Refused.class);
        assertThat(methods.resolve("did:key:" + multikey + "#" + multikey)).isInstanceOf(Found.class);
        assertThat(fetched).as("nothing fetched").isEmpty();
    }
}
