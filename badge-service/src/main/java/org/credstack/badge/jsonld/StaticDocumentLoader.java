package org.credstack.badge.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON-LD document loader that serves the contexts bundled under {@code classpath:jsonld/} and
 * refuses every other URL, so canonicalisation for Data Integrity proofs never reaches the network: a
 * context fetched at signing or verification time could be changed by whoever serves it, changing
 * what a signature means.
 *
 * <p>The URLs served and the file behind each are listed in {@code jsonld/SOURCES.md}: VC v1 and v2,
 * OB 3.0 (3.0.0–3.0.3 and extensions), CLR 2.0 (2.0.0, 2.0.1), Data Integrity v1 and v2,
 * Ed25519Signature2020 v1, Multikey v1, StatusList2021 v1 and DID v1. A URL is matched exactly (no redirects, no trailing-slash or scheme variants).
 *
 * <p>Errors: {@link #loadDocument} throws a {@link JsonLdError} with code {@link
 * JsonLdErrorCode#LOADING_DOCUMENT_FAILED} naming the URL when it is not bundled. Instances are
 * immutable and thread-safe.
 */
public final class StaticDocumentLoader implements DocumentLoader {

    private static final String ROOT = "jsonld/";

    private static final Map<String, String> BUNDLED = Map.ofEntries(
            Map.entry("https://www.w3.org/ns/credentials/v2", "w3c-vc-data-model/credentials-v2.jsonld"),
            Map.entry("https://www.w3.org/2018/credentials/v1", "w3c-vc-data-model/credentials-v1.jsonld"),
            Map.entry(
                    "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
                    "1EdTech-openbadges-specification/context.json"),
            Map.entry(
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
                    "1EdTech-openbadges-specification/context-3.0.1.json"),
            Map.entry(
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
                    "1EdTech-openbadges-specification/context-3.0.2.json"),
            Map.entry(
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                    "1EdTech-openbadges-specification/context-3.0.3.json"),
            Map.entry(
                    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
                    "1EdTech-digital-credentials-public-validator/ob-v3p0-extensions.json"),
            Map.entry(
                    "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
                    "1EdTech-digital-credentials-public-validator/clr-v2p0.json"),
            Map.entry(
                    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
                    "1EdTech-digital-credentials-public-validator/clr-v2p0-2.0.1.json"),
            Map.entry(
                    "https://w3id.org/security/data-integrity/v1",
                    "1EdTech-digital-credentials-public-validator/data-integrity-v1.jsonld"),
            Map.entry(
                    "https://w3id.org/security/suites/ed25519-2020/v1",
                    "1EdTech-digital-credentials-public-validator/security-suites-ed25519-2020-v1.jsonld"),
            Map.entry("https://www.w3.org/ns/did/v1", "1EdTech-digital-credentials-public-validator/did-v1.jsonld"),
            Map.entry("https://w3id.org/security/data-integrity/v2", "npm-digitalbazaar/data-integrity-v2.jsonld"),
            Map.entry("https://w3id.org/security/multikey/v1", "npm-digitalbazaar/multikey-v1.jsonld"),
            Map.entry("https://w3id.org/vc/status-list/2021/v1", "npm-digitalbazaar/vc-status-list-v1.jsonld"));

    private static final StaticDocumentLoader BUNDLED_INSTANCE = new StaticDocumentLoader(BUNDLED);

    private final Map<URI, JsonStructure> documents;

    private StaticDocumentLoader(Map<String, String> resources) {
        var parsed = new LinkedHashMap<URI, JsonStructure>();
        resources.forEach((url, resource) -> parsed.put(URI.create(url), read(ROOT + resource)));
        this.documents = Map.copyOf(parsed);
    }

    /** The loader for the contexts bundled with the badge service; parsed once, shared. */
    public static StaticDocumentLoader bundled() {
        return BUNDLED_INSTANCE;
    }

    /** The context URLs this loader serves. */
    public Set<URI> urls() {
        return documents.keySet();
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        JsonStructure json = documents.get(url);
        if (json == null) {
            throw new JsonLdError(
                    JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                    "JSON-LD document " + url + " is not bundled with the badge service (see jsonld/SOURCES.md);"
                            + " contexts are never fetched from the network");
        }
        JsonDocument document = JsonDocument.of(json);
        document.setDocumentUrl(url);
        return document;
    }

    private static JsonStructure read(String resource) {
        try (InputStream in = StaticDocumentLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled JSON-LD document missing from the classpath: " + resource);
            }
            try (var reader = Json.createReader(in)) {
                return reader.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled JSON-LD document " + resource, e);
        } catch (JsonParsingException e) {
            throw new IllegalStateException("bundled JSON-LD document is not JSON: " + resource, e);
        }
    }
}
