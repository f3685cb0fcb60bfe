package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.credstack.badge.jsonld.StaticDocumentLoader;
import org.credstack.testsupport.IndependentVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DigitalBazaar verifier ({@code tools/ob-verifier/verify-proofs.mjs}: jsonld-signatures with {@code
 * eddsa-rdfc-2022} and {@code Ed25519Signature2020}) and ours give the same proof status for every fixture of {@link
 * VerificationFixturesTest}, and for a tampered copy of each signed one, whenever both can check it. Both run offline
 * on the same JSON-LD contexts (the ones {@link StaticDocumentLoader} bundles) and the same controller documents (the
 * ones {@link ResolvedKeysFixturesTest} serves for the {@code https} and {@code did:web} keys; DigitalBazaar resolves
 * the {@code did:web} one with its own {@code @digitalbazaar/did-method-web} driver); {@code did:key} is expanded
 * locally by each. One node process checks every credential.
 *
 * <p>Where DigitalBazaar cannot check a fixture, {@link #DIGITAL_BAZAAR_CANNOT_CHECK} says why; where the two disagree,
 * {@link #DISAGREEMENTS} says why. Both lists are pinned: a fixture that leaves or joins either fails the test.
 *
 * <p>Needs {@code node} 20+ on the {@code PATH}; the verifier's packages are installed with {@code npm ci} on first use
 * ({@link IndependentVerifier#find()}; {@code .ci/run} installs them up front). Without node the test fails in CI
 * ({@code CI=true}) and is skipped elsewhere.
 */
class VerificationAgreementTest {

    static final String TAMPERED = "tampered ";

    private static final String ONE_EDTECH = VerificationFixturesTest.ONE_EDTECH;

    /**
     * The fixtures (and their tampered copies) DigitalBazaar cannot check, with a text its reason contains: it has no
     * suite for the legacy {@code eddsa-2022} cryptosuite name.
     */
    static final Map<String, String> DIGITAL_BAZAAR_CANNOT_CHECK =
            Map.of(ONE_EDTECH + "ob30/simple-eddsa-2022.json", "unsupported proof type or cryptosuite: eddsa-2022");

    /**
     * Where both check and disagree, ours {@code valid} and DigitalBazaar's {@code invalid}, with a text its reason
     * contains. Their tampered copies agree (both invalid).
     *
     * <ul>
     *   <li>The proof's {@code verificationMethod} is a bare {@code did:key} (a DID, not a DID URL with the key's
     *       fragment). DigitalBazaar dereferences it to the DID document, which is no verification method, and rejects
     *       the proof (Controlled Identifiers 1.0 §3.3, Retrieve Verification Method); we, like the 1EdTech validator,
     *       take the DID's one key.
     *   <li>The {@code did:web} document names its key by a relative DID URL ({@code "id": "#z6Mk…"}, DID Core 1.0
     *       §3.2.2), which we resolve against the DID; {@code @digitalbazaar/did-method-web} 1.0.1 looks for a node
     *       whose {@code id} is literally {@code <DID>#z6Mk…}, finds none and rejects the proof (with absolute ids in
     *       the document both call it valid).
     * </ul>
     */
    static final Map<String, String> DISAGREEMENTS = Map.of(
            ONE_EDTECH + "ob30/simple-did-key-method.json", "The \"publicKeyMultibase\" property is required",
            ONE_EDTECH + "clr20/complex.json", "The \"publicKeyMultibase\" property is required",
            ONE_EDTECH + "ob30/credential-status-revoked.json", "DID document entity with id \"did:web:");

    record Answer(String status, String reason) {}

    static Map<String, Answer> digitalBazaar;

    /** Our verifier with the controller documents DigitalBazaar is given. */
    final CredentialVerifier ourVerifier = new ResolvedKeysFixturesTest().verifier;

    @BeforeAll
    static void askDigitalBazaarOnceForEveryCredential() {
        String node = "node 20 or newer must be on the PATH for the DigitalBazaar verifier in "
                + IndependentVerifier.LOCATION;
        if (!IndependentVerifier.available()) {
            if ("true".equals(System.getenv("CI"))) {
                fail(node);
            }
            assumeTrue(false, node + " (skipped outside CI)");
        }
        IndependentVerifier verifier;
        try {
            verifier = IndependentVerifier.find();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "the DigitalBazaar verifier's packages are not installed; run `npm ci --prefix "
                            + IndependentVerifier.LOCATION + "` from the repository root",
                    e);
        }
        String report = verifier.verifyProofs(request().toString());
        Map<String, Answer> answers = new HashMap<>();
        for (JsonNode result : VerificationFixturesTest.JSON.readTree(report).path("results")) {
            answers.put(
                    result.path("name").asString(),
                    new Answer(
                            result.path("status").asString(),
                            result.path("reason").isString()
                                    ? result.path("reason").asString()
                                    : ""));
        }
        digitalBazaar = answers;
    }

    /**
     * Each JSON fixture, and a tampered copy of each that has a proof: {@code name}, credential. (VC-JWTs and baked
     * images are not Data Integrity documents; the script checks Data Integrity proofs only.)
     */
    static Stream<Arguments> credentials() {
        return VerificationFixturesTest.fixtures()
                .map(arguments -> (String) arguments.get()[0])
                .filter(file -> file.endsWith(".json"))
                .flatMap(file -> {
                    ObjectNode credential = VerificationFixturesTest.read(file);
                    if (!credential.has("proof")) {
                        return Stream.of(Arguments.of(file, credential));
                    }
                    ObjectNode tampered = credential.deepCopy();
                    tampered.put("name", "A name the issuer never signed");
                    return Stream.of(Arguments.of(file, credential), Arguments.of(TAMPERED + file, tampered));
                });
    }

    static ObjectNode request() {
        ObjectNode request = VerificationFixturesTest.JSON.createObjectNode();
        ObjectNode contexts = request.putObject("contexts");
        StaticDocumentLoader loader = StaticDocumentLoader.bundled();
        for (URI url : loader.urls()) {
            try {
                String json = loader.loadDocument(url, new DocumentLoaderOptions())
                        .getJsonContent()
                        .orElseThrow()
                        .toString();
                contexts.set(url.toString(), VerificationFixturesTest.JSON.readTree(json));
            } catch (JsonLdError e) {
                throw new IllegalStateException(e);
            }
        }
        ObjectNode controllerDocuments = request.putObject("controllerDocuments");
        DocumentSource documents = new ResolvedKeysFixturesTest().documents;
        for (URI url : ResolvedKeysFixturesTest.controllerDocumentUrls()) {
            controllerDocuments.set(url.toString(), documents.document(url));
        }
        ArrayNode credentials = request.putArray("credentials");
        credentials()
                .forEach(arguments -> credentials
                        .addObject()
                        .put("name", (String) arguments.get()[0])
                        .set("credential", (ObjectNode) arguments.get()[1]));
        return request;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void digitalBazaarAndWeGiveTheSameProofStatusWhereBothCanCheck(String name, ObjectNode credential) {
        String ours = ourVerifier.verify(credential).checks().proof().status();
        Answer theirs = digitalBazaar.get(name);
        assertThat(theirs).as("DigitalBazaar's answer for %s", name).isNotNull();

        String cannotCheck = DIGITAL_BAZAAR_CANNOT_CHECK.get(name.replace(TAMPERED, ""));
        if (cannotCheck != null) {
            assertThat(theirs.status()).as("%s", theirs).isEqualTo("unverifiable");
            assertThat(theirs.reason()).contains(cannotCheck);
            return;
        }
        assertThat(theirs.status())
                .as("DigitalBazaar checks %s (else list it in DIGITAL_BAZAAR_CANNOT_CHECK): %s", name, theirs)
                .isNotEqualTo("unverifiable");
        if (DISAGREEMENTS.containsKey(name)) {
            assertThat(ours).isEqualTo("valid");
            assertThat(theirs.status()).isEqualTo("invalid");
            assertThat(theirs.reason()).contains(DISAGREEMENTS.get(name));
            return;
        }
        assertThat(ours)
                .as("our proof status for %s, which DigitalBazaar checked: %s", name, theirs)
                .isEqualTo(theirs.status());
    }
}
