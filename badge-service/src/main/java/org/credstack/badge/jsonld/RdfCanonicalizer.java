package org.credstack.badge.jsonld;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.JsonLdOptions.ProcessingPolicy;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a JSON-LD document into its canonical RDF form: JSON-LD 1.1 toRdf (titanium-json-ld) followed
 * by RDF Dataset Canonicalization RDFC-1.0 with SHA-256 (titanium-rdfc), serialised as canonical
 * N-Quads: one quad per line, each line ending in {@code \n}, lines sorted, blank nodes labelled
 * {@code _:c14n0}, {@code _:c14n1}, ... This is the transformation step of the {@code
 * eddsa-rdfc-2022} cryptosuite (VC Data Integrity EdDSA Cryptosuites v1.0 §3.2.3).
 *
 * <p>Contexts come only from the given {@link DocumentLoader}. Like the "safe mode" of the reference
 * JavaScript implementation, a property that no context defines is an error rather than being
 * silently dropped (a dropped property would be left unsigned).
 *
 * <p>Errors: {@link CanonicalizationException} when a context cannot be loaded, a term is undefined,
 * or the document is not valid JSON-LD. Thread-safe.
 */
public final class RdfCanonicalizer {

    private final DocumentLoader loader;

    /** A canonicalizer that loads contexts only through {@code loader}. */
    public RdfCanonicalizer(DocumentLoader loader) {
        this.loader = loader;
    }

    /** A canonicalizer over the contexts bundled with the badge service. */
    public static RdfCanonicalizer offline() {
        return new RdfCanonicalizer(StaticDocumentLoader.bundled());
    }

    /**
     * Canonical N-Quads of {@code document}.
     *
     * @param document a JSON-LD document (a JSON object with an {@code @context})
     * @return the canonical N-Quads, UTF-8 text; empty if the document yields no quads
     * @throws CanonicalizationException if the document cannot be expanded or canonicalised
     */
    public String canonicalize(ObjectNode document) {
        var options = new JsonLdOptions(loader);
        options.setUndefinedTermsPolicy(ProcessingPolicy.Fail);
        RdfCanon canon = RdfCanon.create("SHA-256");
        var out = new StringWriter();
        try {
            JsonLd.toRdf(JsonDocument.of(toJsonP(document))).options(options).provide(canon);
            canon.provide(new NQuadsWriter(out));
        } catch (JsonLdError e) {
            throw new CanonicalizationException("JSON-LD to RDF failed: " + describe(e), e);
        } catch (RdfConsumerException e) {
            throw new CanonicalizationException("RDFC-1.0 canonicalization failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static JsonObject toJsonP(ObjectNode document) {
        String json = JsonMapper.shared().writeValueAsString(document);
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String describe(JsonLdError error) {
        var message = new StringBuilder(error.getCode() + " " + error.getMessage());
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            message.append("; ").append(cause.getMessage());
        }
        return message.toString();
    }
}
