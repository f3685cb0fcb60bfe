package org.credstack.catalog.importing;

import static org.credstack.catalog.importing.Json.iris;
import static org.credstack.catalog.importing.Json.text;
import static org.credstack.catalog.importing.Json.texts;
import static org.credstack.catalog.importing.Json.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credstack.catalog.credential.Alignment;
import org.credstack.catalog.credential.Assignment;
import org.credstack.catalog.credential.Category;
import org.credstack.catalog.credential.CredentialDraft;
import org.credstack.catalog.credential.ImportBatch;
import org.credstack.catalog.credential.ImportBatch.ImportedCredential;
import org.credstack.catalog.credential.ImportBatch.ImportedProvider;
import org.credstack.catalog.credential.Kind;
import org.credstack.catalog.importing.Json.Located;
import org.credstack.catalog.provider.ProviderDraft;
import org.credstack.events.catalog.MoveOn;
import tools.jackson.databind.JsonNode;

/**
 * Reads CTDL JSON-LD (a single resource, an {@code @graph} envelope, or an array of nodes) into an
 * {@link ImportBatch}: each credential (Certification, BachelorDegree, DigitalBadge, ...) becomes a
 * micro-credential; a {@code ceterms:Pathway} becomes a stack over its components (see {@link CtdlPathway}).
 * Source keys are CTIDs in canonical form; the provider is the {@code ownedBy} (else {@code offeredBy})
 * organisation, embedded in the graph or only referenced.
 */
final class CtdlReader {

    private static final Set<String> CREDENTIAL_SUFFIXES =
            Set.of("Degree", "Certificate", "Certification", "Diploma", "Badge", "Credential", "License", "Doctorate");
    private static final Set<String> ORGANIZATION_TYPES =
            Set.of("CredentialOrganization", "QACredentialOrganization", "Organization");

    private final ImportOptions options;
    private final Problems problems = new Problems();
    private final CtdlFields fields = new CtdlFields(problems);
    private final Map<String, Located> nodes = new LinkedHashMap<>();
    private final Map<String, ImportedProvider> providers = new LinkedHashMap<>();
    private final List<ImportedCredential> credentials = new ArrayList<>();

    CtdlReader(ImportOptions options) {
        this.options = options;
    }

    ImportBatch read(List<Located> graph) {
        graph.forEach(located -> {
            String key = CtdlFields.key(located.node());
            if (key != null) {
                nodes.putIfAbsent(key, located);
            }
        });
        List<Located> pathways =
                graph.stream().filter(n -> types(n.node()).contains("Pathway")).toList();
        if (pathways.size() > 1) {
            problems.at(pathways.get(1).pointer(), "one pathway per document; import the others separately");
        } else if (pathways.size() == 1) {
            new CtdlPathway(this, pathways.getFirst()).read(graph);
        } else {
            graph.stream().filter(n -> isCredential(n.node())).forEach(this::standalone);
        }
        if (credentials.isEmpty() && !problems.any()) {
            problems.at(
                    "",
                    "no CTDL credential or pathway found (types seen: "
                            + graph.stream()
                                    .flatMap(n -> types(n.node()).stream())
                                    .distinct()
                                    .toList() + ")");
        }
        problems.throwIfAny(options.source());
        return new ImportBatch(options.source(), List.copyOf(providers.values()), List.copyOf(credentials));
    }

    private void standalone(Located record) {
        String key = keyOrProblem(record);
        String provider = provider(record, record);
        if (key == null || provider == null) {
            return;
        }
        String path = "credentials[" + key + "]";
        String title = text(record.node().path("ceterms:name"));
        List<String> skills = texts(record.node().path("ceterms:keyword"));
        List<Alignment> alignments = fields.alignments(record, path, title);
        String description = text(record.node().path("ceterms:description"));
        Category category = CategoryRule.choose(options.category(), title, skills, alignments, description);
        List<Assignment> assignments = fields.requirements(record, "ceterms:requires", "requires", path, title);
        if (assignments.isEmpty()) {
            assignments = List.of(earn(title, CtdlFields.iri(record.node()), MoveOn.Completed, path));
        }
        List<Assignment> finalAssignments = assignments;
        var cost = fields.cost(record, path, title);
        var renewal = fields.renewal(record, path, title);
        CredentialDraft draft = problems.build(
                path,
                title,
                () -> new CredentialDraft(
                        title,
                        description,
                        Kind.MICRO_CREDENTIAL,
                        category,
                        provider,
                        CtdlFields.ctid(key),
                        skills,
                        alignments,
                        CtdlFields.deliveryModes(record.node()),
                        CtdlFields.level(record.node()),
                        CtdlFields.duration(record.node()),
                        cost,
                        finalAssignments,
                        null,
                        CtdlFields.validity(record.node()),
                        renewal,
                        text(record.node().path("ceterms:image")),
                        null));
        add(key, draft);
    }

    void add(String key, CredentialDraft draft) {
        if (draft != null) {
            credentials.add(new ImportedCredential(key, draft));
        }
    }

    /** The one assignment of a record that states none: earning it. */
    Assignment earn(String title, String activityId, MoveOn moveOn, String path) {
        String verb = moveOn == MoveOn.Passed ? "Pass " : "Earn ";
        return problems.build(
                path + ".assignments[0]",
                title,
                () -> new Assignment(
                        "earn", verb + (title == null ? "this credential" : title), activityId, moveOn, null));
    }

    String keyOrProblem(Located record) {
        String key = CtdlFields.key(record.node());
        if (key == null) {
            problems.at(record.pointer(), "a CTDL resource needs a ceterms:ctid or an @id");
        }
        return key;
    }

    /**
     * The source key of the organisation owning (else offering) {@code record}, registering it as a provider.
     * An organisation that is only referenced becomes a provider named by the caller's {@code provider}
     * option, else by its CTID. With no organisation at all, the caller's option names it, or it is a problem.
     */
    String provider(Located record, Located problemAt) {
        List<Located> references = new ArrayList<>();
        references.addAll(Json.each(record.child("ceterms:ownedBy")));
        references.addAll(Json.each(record.child("ceterms:offeredBy")));
        for (Located reference : references) {
            JsonNode node = reference.node();
            if (node.isObject() && text(node.path("ceterms:name")) != null) {
                return organisation(reference);
            }
            String iri = iris(node).stream().findFirst().orElse(null);
            if (iri == null) {
                continue;
            }
            String key = CtdlFields.referenceKey(iri);
            Located embedded = nodes.get(key);
            if (embedded == null) {
                embedded = nodes.get(iri);
            }
            if (embedded != null && isOrganisation(embedded.node())) {
                return organisation(embedded);
            }
            String name = options.provider() != null ? options.provider() : "CTDL organisation " + key;
            return register(key, new ProviderDraft(name, null, null, null));
        }
        if (options.provider() != null) {
            return register(
                    "urn:credstack:provider:" + Json.slug(options.provider()),
                    new ProviderDraft(options.provider(), null, null, null));
        }
        problems.at(
                problemAt.pointer() + "/ceterms:ownedBy",
                "names no owning or offering organisation (ceterms:ownedBy, ceterms:offeredBy); "
                        + "give the provider's name (query parameter provider) to import it");
        return null;
    }

    private String organisation(Located org) {
        String key = CtdlFields.key(org.node());
        String name = text(org.node().path("ceterms:name"));
        if (key == null) {
            key = "urn:credstack:provider:" + Json.slug(name == null ? "unnamed" : name);
        }
        String url = text(org.node().path("ceterms:subjectWebpage"));
        String email = text(org.node().path("ceterms:email"));
        String finalKey = key;
        ProviderDraft draft =
                problems.build("providers[" + key + "]", name, () -> new ProviderDraft(name, url, email, null));
        return draft == null ? null : register(finalKey, draft);
    }

    private String register(String key, ProviderDraft draft) {
        providers.putIfAbsent(key, new ImportedProvider(key, draft));
        return key;
    }

    static boolean isCredential(JsonNode node) {
        return types(node).stream()
                .anyMatch(type -> type.equals("CredentialComponent")
                        || CREDENTIAL_SUFFIXES.stream().anyMatch(type::endsWith));
    }

    static boolean isOrganisation(JsonNode node) {
        return types(node).stream().anyMatch(ORGANIZATION_TYPES::contains);
    }

    Map<String, Located> nodes() {
        return nodes;
    }

    Problems problems() {
        return problems;
    }

    ImportOptions options() {
        return options;
    }
}
