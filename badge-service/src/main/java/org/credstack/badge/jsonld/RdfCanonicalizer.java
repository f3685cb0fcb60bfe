package org.credstack.badge.jsonld;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.JsonLdOptions.ProcessingPolicy;
import com.apicatalog.jsonld.context.cache.Cache;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.credstack.badge.jsonld.BlankNodeLabeller.Quad;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a JSON-LD document into its canonical RDF form: JSON-LD 1.1 toRdf (titanium-json-ld) followed
 * by RDF Dataset Canonicalization RDFC-1.0 with SHA-256 (titanium-rdfc), serialised as canonical
 * N-Quads: one quad per line, each line ending in {@code \n}, lines sorted, blank nodes labelled
 * {@code _:c14n0}, {@code _:c14n1}, ... This is the transformation step of the {@code
 * eddsa-rdfc-2022} cryptosuite (VC Data Integrity EdDSA Cryptosuites v1.0 §3.2.3).
 *
 * <p>The few datasets that titanium-rdfc 2.0.0 would label unlike RDFC-1.0 (identical proofs in blank node named
 * graphs, e.g. an endorsement embedded twice) get their labels from {@link BlankNodeLabeller} instead, which says
 * what titanium-rdfc gets wrong.
 *
 * <p>Contexts come only from the given {@link DocumentLoader}. Like the "safe mode" of the reference
 * JavaScript implementation, a property that no context defines is an error rather than being
 * silently dropped (a dropped property would be left unsigned).
 *
 * <p>One {@link JsonLdOptions} serves every document, with thread-safe caches of the loaded contexts and their
 * parsed form: a fresh options object per document (the first design) made titanium load and process the OB 3.0 and
 * VC 2.0 contexts again for every credential.
 *
 * <p>Errors: {@link CanonicalizationException} when a context cannot be loaded, a term is undefined,
 * or the document is not valid JSON-LD. Thread-safe.
 */
public final class RdfCanonicalizer {

    /**
     * The JSON-P provider, found once: {@code Json.createReader} looks it up with a {@code ServiceLoader} on every
     * call, which was a tenth of the cost of signing a credential.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final JsonLdOptions options;

    /** A canonicalizer that loads contexts only through {@code loader}. */
    public RdfCanonicalizer(DocumentLoader loader) {
        this.options = new JsonLdOptions(loader);
        options.setUndefinedTermsPolicy(ProcessingPolicy.Fail);
        options.setContextCache(new ConcurrentCache<>());
        options.setDocumentCache(new ConcurrentCache<>());
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
        Set<Quad> quads = new LinkedHashSet<>();
        try {
            JsonLd.toRdf(JsonDocument.of(toJsonP(document)))
                    .options(options)
                    .provide((subject, predicate, object, datatype, language, direction, graph) -> {
                        quads.add(new Quad(subject, predicate, object, datatype, language, direction, graph));
                        return null;
                    });
        } catch (JsonLdError e) {
            throw new CanonicalizationException("JSON-LD to RDF failed: " + describe(e), e);
        }
        if (BlankNodeLabeller.titaniumMayMislabel(quads)) {
            // titanium-rdfc 2.0.0 lists a related blank node once where RDFC-1.0 lists it per quad (see
            // BlankNodeLabeller); only datasets where that can change a label take this path
            Map<String, String> labels = BlankNodeLabeller.canonicalLabels(quads);
            return quads.stream().map(quad -> quad.nquad(labels::get)).sorted().collect(Collectors.joining());
        }
        return titaniumRdfc(quads);
    }

    /** titanium-rdfc's canonical N-Quads of these quads (package-visible: the labelling tests compare with it). */
    static String titaniumRdfc(Set<Quad> quads) {
        RdfCanon canon = RdfCanon.create("SHA-256");
        var out = new StringWriter();
        try {
            for (Quad quad : quads) {
                canon.quad(
                        quad.subject(),
                        quad.predicate(),
                        quad.object(),
                        quad.datatype(),
                        quad.language(),
                        quad.direction(),
                        quad.graph());
            }
            canon.provide(new NQuadsWriter(out));
        } catch (RdfConsumerException e) {
            throw new CanonicalizationException("RDFC-1.0 canonicalization failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static JsonObject toJsonP(ObjectNode document) {
        String json = JsonMapper.shared().writeValueAsString(document);
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /**
     * A thread-safe cache for titanium's contexts and documents (its own {@code LruCache} is not). Unbounded: the
     * static loader serves a fixed set of contexts.
     */
    private static final class ConcurrentCache<K, V> implements Cache<K, V> {

        private final Map<K, V> entries = new ConcurrentHashMap<>();

        @Override
        public boolean containsKey(K key) {
            return entries.containsKey(key);
        }

        @Override
        public V get(K key) {
            return entries.get(key);
        }

        @Override
        public void put(K key, V value) {
            entries.put(key, value);
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
