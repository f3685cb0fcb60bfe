package org.credstack.badge.jsonld;

import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The canonical blank node labels of RDFC-1.0 (W3C RDF Dataset Canonicalization, SHA-256) for the datasets that
 * titanium-rdfc 2.0.0 labels wrongly; {@link RdfCanonicalizer} uses titanium-rdfc for every other dataset.
 *
 * <p>The defect: in Hash N-Degree Quads (§4.8.3 step 3.1.2) the hashed related blank nodes map H<sub>n</sub> maps a
 * related hash to a <em>list</em> of blank nodes, one entry per quad that mentions the related node, so a node met
 * through several quads is listed several times and its identifier appears that many times in each path (step 5.4).
 * titanium-rdfc keeps a set there, lists each node once and so hashes other paths. That changes the result only for a
 * node whose first-degree hash is shared (only those reach Hash N-Degree Quads) and that meets one related blank node
 * twice under the same position and predicate; the usual case is a blank node named graph, whose related hash leaves
 * the predicate out: every quad of an embedded Data Integrity {@code proof} meets its graph name with the same hash,
 * and identical proofs (the same endorsement embedded twice) share their first-degree hash. rdf-canonize, the
 * reference implementation used by the DigitalBazaar verifier, keeps the list.
 *
 * <p>Implements §4.4.3 steps 2–5 (blank node to quads map, first-degree hashes §4.6, unique hashes, then Hash
 * N-Degree Quads §4.8 and Hash Related Blank Node §4.7 for shared hashes); relabelling and serialising stay with the
 * caller. Permutations of a related list are enumerated once each even when the list repeats a node (a repeated
 * arrangement gives the same path and cannot win step 5.4.6). Work is bounded by {@value #MAX_N_DEGREE_CALLS} calls of
 * Hash N-Degree Quads, the kind of limit the spec's Dataset Poisoning consideration asks for.
 *
 * <p>Not thread-safe: one instance per dataset.
 */
final class BlankNodeLabeller {

    static final int MAX_N_DEGREE_CALLS = 10_000;

    private static final String CANONICAL_PREFIX = "_:c14n";
    private static final String TEMPORARY_PREFIX = "_:b";

    /** One quad as JSON-LD toRdf produced it: IRIs and blank node identifiers ({@code _:…}) as titanium writes them. */
    record Quad(
            String subject,
            String predicate,
            String object,
            String datatype,
            String language,
            String direction,
            String graph) {

        boolean objectIsLiteral() {
            return RdfQuadConsumer.isLiteral(datatype, language, direction);
        }

        /** This quad's N-Quads line (ending in {@code \n}) with blank nodes renamed by {@code rename}. */
        String nquad(UnaryOperator<String> rename) {
            return NQuadsWriter.nquad(
                    blank(subject) ? rename.apply(subject) : subject,
                    predicate,
                    !objectIsLiteral() && blank(object) ? rename.apply(object) : object,
                    datatype,
                    language,
                    direction,
                    blank(graph) ? rename.apply(graph) : graph);
        }

        /** The blank nodes of this quad with the position tag of §4.8.3 step 3.1 ({@code s}, {@code o}, {@code g}). */
        Map<String, String> blankNodes() {
            var nodes = new LinkedHashMap<String, String>();
            if (blank(subject)) {
                nodes.put("s", subject);
            }
            if (!objectIsLiteral() && blank(object)) {
                nodes.put("o", object);
            }
            if (blank(graph)) {
                nodes.put("g", graph);
            }
            return nodes;
        }
    }

    private final Map<String, List<Quad>> mentions = new LinkedHashMap<>();
    private final Map<String, String> firstDegreeHashes = new HashMap<>();
    private final Issuer canonical = new Issuer(CANONICAL_PREFIX);
    private final MessageDigest sha256;
    private int nDegreeCalls;

    /** {@code quads} must hold each quad once (a dataset is a set). */
    private BlankNodeLabeller(Collection<Quad> quads) {
        for (Quad quad : quads) {
            for (String node : new LinkedHashSet<>(quad.blankNodes().values())) {
                mentions.computeIfAbsent(node, n -> new ArrayList<>()).add(quad);
            }
        }
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Whether titanium-rdfc 2.0.0 may label {@code quads} unlike RDFC-1.0: some blank node whose first-degree hash is
     * shared meets another blank node through two quads under the same position and predicate.
     */
    static boolean titaniumMayMislabel(Collection<Quad> quads) {
        var labeller = new BlankNodeLabeller(quads);
        List<String> meetingTwice = labeller.mentions.entrySet().stream()
                .filter(entry -> meetsANodeTwice(entry.getKey(), entry.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        // hashing only when needed: the signed form of our own credentials has no such node
        if (meetingTwice.isEmpty()) {
            return false;
        }
        Map<String, Integer> sharing = new HashMap<>();
        labeller.mentions.keySet().forEach(node -> sharing.merge(labeller.firstDegreeHash(node), 1, Integer::sum));
        return meetingTwice.stream().anyMatch(node -> sharing.get(labeller.firstDegreeHash(node)) > 1);
    }

    private static boolean meetsANodeTwice(String node, List<Quad> mentionSet) {
        Set<String> seen = new HashSet<>();
        for (Quad quad : mentionSet) {
            for (var related : quad.blankNodes().entrySet()) {
                if (related.getValue().equals(node)) {
                    continue;
                }
                String position = related.getKey();
                String key = position + (position.equals("g") ? "" : quad.predicate()) + " " + related.getValue();
                if (!seen.add(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The RDFC-1.0 issued identifiers map of {@code quads}: each blank node identifier to its canonical label
     * {@code _:c14n<n>}.
     *
     * @throws CanonicalizationException when Hash N-Degree Quads would run more than {@value #MAX_N_DEGREE_CALLS} times
     */
    static Map<String, String> canonicalLabels(Collection<Quad> quads) {
        var labeller = new BlankNodeLabeller(quads);
        labeller.label();
        return labeller.canonical.issued;
    }

    private void label() {
        // §4.4.3 steps 3–4: nodes with a unique first-degree hash are labelled in hash order
        var byHash = new TreeMap<String, List<String>>();
        mentions.keySet()
                .forEach(node -> byHash.computeIfAbsent(firstDegreeHash(node), h -> new ArrayList<>())
                        .add(node));
        byHash.values().stream().filter(nodes -> nodes.size() == 1).forEach(nodes -> canonical.issue(nodes.get(0)));
        // step 5: the others by their n-degree hash, each result's temporary labels made canonical in issue order
        for (List<String> nodes : byHash.values()) {
            if (nodes.size() == 1) {
                continue;
            }
            var results = new ArrayList<Result>();
            for (String node : nodes) {
                if (canonical.has(node)) {
                    continue;
                }
                var temporary = new Issuer(TEMPORARY_PREFIX);
                temporary.issue(node);
                results.add(hashNDegreeQuads(node, temporary));
            }
            results.sort((a, b) -> a.hash().compareTo(b.hash()));
            results.forEach(result -> result.issuer().issued.keySet().forEach(canonical::issue));
        }
    }

    /** §4.6.3: the hash of the node's mention set with itself as {@code _:a} and every other blank node as {@code _:z}. */
    private String firstDegreeHash(String node) {
        return firstDegreeHashes.computeIfAbsent(
                node,
                n -> hash(mentions.get(n).stream()
                        .map(quad -> quad.nquad(blank -> blank.equals(n) ? "_:a" : "_:z"))
                        .sorted()
                        .reduce("", String::concat)));
    }

    /** §4.7.3. */
    private String hashRelatedBlankNode(String related, Quad quad, Issuer issuer, String position) {
        String input = position.equals("g") ? position : position + "<" + quad.predicate() + ">";
        if (canonical.has(related)) {
            input += canonical.issue(related);
        } else if (issuer.has(related)) {
            input += issuer.issue(related);
        } else {
            input += firstDegreeHash(related);
        }
        return hash(input);
    }

    private record Result(String hash, Issuer issuer) {}

    /** §4.8.3. */
    private Result hashNDegreeQuads(String node, Issuer issuer) {
        if (++nDegreeCalls > MAX_N_DEGREE_CALLS) {
            throw new CanonicalizationException("RDFC-1.0 canonicalization needs more than " + MAX_N_DEGREE_CALLS
                    + " Hash N-Degree Quads calls (a poison graph?)");
        }
        var dataToHash = new StringBuilder();
        for (var entry : relatedByHash(node, issuer).entrySet()) {
            dataToHash.append(entry.getKey());
            String chosenPath = "";
            Issuer chosenIssuer = null;
            List<String> permutation = new ArrayList<>(entry.getValue());
            permutation.sort(null);
            do {
                var candidate = path(permutation, issuer, chosenPath);
                if (candidate != null
                        && (chosenPath.isEmpty() || candidate.path().compareTo(chosenPath) < 0)) {
                    chosenPath = candidate.path();
                    chosenIssuer = candidate.issuer();
                }
            } while (nextPermutation(permutation));
            dataToHash.append(chosenPath);
            issuer = chosenIssuer;
        }
        return new Result(hash(dataToHash.toString()), issuer);
    }

    /** §4.8.3 steps 1–3: related hash to one entry per quad that meets the related node (a list, not a set). */
    private TreeMap<String, List<String>> relatedByHash(String node, Issuer issuer) {
        var related = new TreeMap<String, List<String>>();
        for (Quad quad : mentions.get(node)) {
            quad.blankNodes().forEach((position, other) -> {
                if (!other.equals(node)) {
                    related.computeIfAbsent(hashRelatedBlankNode(other, quad, issuer, position), h -> new ArrayList<>())
                            .add(other);
                }
            });
        }
        return related;
    }

    private record Path(String path, Issuer issuer) {}

    /** §4.8.3 steps 5.4.1–5.4.5 for one permutation; null when it cannot beat {@code chosenPath} (5.4.4.3, 5.4.5.5). */
    private Path path(List<String> permutation, Issuer issuer, String chosenPath) {
        Issuer copy = issuer.copy();
        var path = new StringBuilder();
        var recursion = new ArrayList<String>();
        for (String related : permutation) {
            if (canonical.has(related)) {
                path.append(canonical.issue(related));
            } else {
                if (!copy.has(related)) {
                    recursion.add(related);
                }
                path.append(copy.issue(related));
            }
            if (worse(path, chosenPath)) {
                return null;
            }
        }
        for (String related : recursion) {
            Result result = hashNDegreeQuads(related, copy);
            path.append(copy.issue(related)).append('<').append(result.hash()).append('>');
            copy = result.issuer();
            if (worse(path, chosenPath)) {
                return null;
            }
        }
        return new Path(path.toString(), copy);
    }

    private static boolean worse(CharSequence path, String chosenPath) {
        return !chosenPath.isEmpty()
                && path.length() >= chosenPath.length()
                && path.toString().compareTo(chosenPath) > 0;
    }

    /** Rearranges {@code list} into its next permutation in lexicographic order; false after the last one. */
    private static boolean nextPermutation(List<String> list) {
        int i = list.size() - 2;
        while (i >= 0 && list.get(i).compareTo(list.get(i + 1)) >= 0) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = list.size() - 1;
        while (list.get(j).compareTo(list.get(i)) <= 0) {
            j--;
        }
        Collections.swap(list, i, j);
        Collections.reverse(list.subList(i + 1, list.size()));
        return true;
    }

    private String hash(String input) {
        return HexFormat.of().formatHex(sha256.digest(input.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean blank(String term) {
        return term != null && RdfQuadConsumer.isBlank(term);
    }

    /** §4.5 Issue Identifier: issues {@code prefix + counter} to each node once, remembering the order. */
    private static final class Issuer {

        private final String prefix;
        private final LinkedHashMap<String, String> issued;

        Issuer(String prefix) {
            this(prefix, new LinkedHashMap<>());
        }

        private Issuer(String prefix, LinkedHashMap<String, String> issued) {
            this.prefix = prefix;
            this.issued = issued;
        }

        boolean has(String node) {
            return issued.containsKey(node);
        }

        String issue(String node) {
            return issued.computeIfAbsent(node, n -> prefix + issued.size());
        }

        Issuer copy() {
            return new Issuer(prefix, new LinkedHashMap<>(issued));
        }
    }
}
