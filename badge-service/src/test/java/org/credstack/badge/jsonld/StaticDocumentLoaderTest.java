package org.credstack.badge.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticDocumentLoaderTest {

    private final StaticDocumentLoader loader = StaticDocumentLoader.bundled();

    @Test
    void servesTheContextsAnOpenBadgeCredentialNeeds() {
        assertThat(loader.urls())
                .contains(
                        URI.create("https://www.w3.org/ns/credentials/v2"),
                        URI.create("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
                        URI.create("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"),
                        URI.create("https://w3id.org/security/data-integrity/v1"),
                        URI.create("https://www.w3.org/ns/did/v1"));
    }

    @Test
    void servesEveryBundledUrlAsAJsonLdContext() throws JsonLdError {
        for (URI url : loader.urls()) {
            var document = loader.loadDocument(url, new DocumentLoaderOptions());

            assertThat(document.getDocumentUrl()).isEqualTo(url);
            assertThat(document.getJsonContent().orElseThrow())
                    .isInstanceOfSatisfying(
                            JsonObject.class, json -> assertThat(json).containsKey("@context"));
        }
    }

    @Test
    void servesTheSpecificationCopyOfOpenBadges303() throws JsonLdError {
        var document = loader.loadDocument(
                URI.create("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"), new DocumentLoaderOptions());
        JsonObject terms =
                document.getJsonContent().orElseThrow().asJsonObject().getJsonObject("@context");

        assertThat(terms).containsKey("OpenBadgeCredential").doesNotContainKey("endorsementJwt");
    }

    @Test
    void refusesUnknownUrlInsteadOfFetchingIt() {
        URI unknown = URI.create("https://w3id.org/security/suites/ed25519-2018/v1");

        assertThatThrownBy(() -> loader.loadDocument(unknown, new DocumentLoaderOptions()))
                .isInstanceOfSatisfying(
                        JsonLdError.class,
                        e -> assertThat(e.getCode()).isEqualTo(JsonLdErrorCode.LOADING_DOCUMENT_FAILED))
                .hasMessageContaining("https://w3id.org/security/suites/ed25519-2018/v1")
                .hasMessageContaining("never fetched from the network");
    }

    @Test
    void servesTheDataIntegrityV2AndMultikeyContexts() throws JsonLdError {
        Map<String, String> termByUrl = Map.of(
                "https://w3id.org/security/data-integrity/v2", "DataIntegrityProof",
                "https://w3id.org/security/multikey/v1", "Multikey");
        for (var entry : termByUrl.entrySet()) {
            JsonObject terms = loader.loadDocument(URI.create(entry.getKey()), new DocumentLoaderOptions())
                    .getJsonContent()
                    .orElseThrow()
                    .asJsonObject()
                    .getJsonObject("@context");

            assertThat(terms).as(entry.getKey()).containsKey(entry.getValue());
        }
    }

    @Test
    void matchesUrlsExactly() {
        URI httpVariant = URI.create("http://www.w3.org/ns/credentials/v2");

        assertThatThrownBy(() -> loader.loadDocument(httpVariant, new DocumentLoaderOptions()))
                .isInstanceOf(JsonLdError.class);
    }
}
