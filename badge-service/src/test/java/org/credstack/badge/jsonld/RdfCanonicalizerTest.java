package org.credstack.badge.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RdfCanonicalizerTest {

    private final RdfCanonicalizer canonicalizer = RdfCanonicalizer.offline();

    @Test
    void givesTheSameNQuadsWhateverTheOrderOfTheJson() {
        ObjectNode one = json("""
                {"@context": {"@vocab": "https://example.org/#"},
                 "name": "b", "knows": {"name": "a", "age": 3}}""");
        ObjectNode other = json("""
                {"knows": {"age": 3, "name": "a"}, "name": "b",
                 "@context": {"@vocab": "https://example.org/#"}}""");

        assertThat(canonicalizer.canonicalize(one)).isEqualTo(canonicalizer.canonicalize(other));
    }

    @Test
    void writesSortedLinesWithCanonicalBlankNodeLabels() {
        ObjectNode document = json("""
                {"@context": {"@vocab": "https://example.org/#"},
                 "name": "b", "knows": {"name": "a"}}""");

        List<String> lines = canonicalizer.canonicalize(document).lines().toList();

        assertThat(lines).hasSize(3).isSorted().allMatch(line -> line.startsWith("_:c14n") && line.endsWith(" ."));
        assertThat(lines).anyMatch(line -> line.matches("_:c14n[01] <https://example.org/#knows> _:c14n[01] \\."));
    }

    /**
     * Two endorsements embedding the same proof: titanium-rdfc 2.0.0 alone labels the two proof nodes the other way
     * round (BlankNodeLabeller says why). The expected N-Quads are what rdf-canonize 5.0.0 gives for this document
     * ({@code jsonld.canonize(document, {algorithm: 'RDFC-1.0'})}, jsonld 9.0.0).
     */
    @Test
    void labelsIdenticalEmbeddedProofsAsRdfc10() {
        ObjectNode document = json("""
                {"@context": {"@vocab": "https://example.org/#",
                              "proof": {"@id": "https://w3id.org/security#proof", "@container": "@graph"}},
                 "@id": "https://example.org/credentials/1",
                 "endorsement": [
                   {"@id": "https://example.org/endorsements/1",
                    "proof": {"@type": "DataIntegrityProof", "proofValue": "z58DAdFfa9SkqZMVPxAQp"}},
                   {"@id": "https://example.org/endorsements/2",
                    "proof": {"@type": "DataIntegrityProof", "proofValue": "z58DAdFfa9SkqZMVPxAQp"}}]}""");

        assertThat(canonicalizer.canonicalize(document)).isEqualTo("""
                <https://example.org/credentials/1> <https://example.org/#endorsement> <https://example.org/endorsements/1> .
                <https://example.org/credentials/1> <https://example.org/#endorsement> <https://example.org/endorsements/2> .
                <https://example.org/endorsements/1> <https://w3id.org/security#proof> _:c14n1 .
                <https://example.org/endorsements/2> <https://w3id.org/security#proof> _:c14n0 .
                _:c14n2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/#DataIntegrityProof> _:c14n0 .
                _:c14n2 <https://example.org/#proofValue> "z58DAdFfa9SkqZMVPxAQp" _:c14n0 .
                _:c14n3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/#DataIntegrityProof> _:c14n1 .
                _:c14n3 <https://example.org/#proofValue> "z58DAdFfa9SkqZMVPxAQp" _:c14n1 .
                """);
    }

    @Test
    void failsOnContextThatIsNotBundledNamingIt() {
        ObjectNode document = json("""
                {"@context": "https://example.org/unbundled-context.jsonld", "name": "x"}""");

        assertThatThrownBy(() -> canonicalizer.canonicalize(document))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("https://example.org/unbundled-context.jsonld");
    }

    @Test
    void failsOnPropertyNoContextDefinesInsteadOfDroppingIt() {
        ObjectNode document = json("""
                {"@context": {"name": "https://schema.org/name"}, "name": "x", "grade": "A"}""");

        assertThatThrownBy(() -> canonicalizer.canonicalize(document))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("grade");
    }

    private static ObjectNode json(String json) {
        return (ObjectNode) JsonMapper.shared().readTree(json);
    }
}
