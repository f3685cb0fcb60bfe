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
