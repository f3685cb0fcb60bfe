package org.credstack.catalog.importing;

import java.util.ArrayList;
import java.util.List;
import org.credstack.catalog.credential.ImportBatch;
import org.credstack.catalog.importing.ImportOptions.Format;
import org.credstack.catalog.importing.Json.Located;
import tools.jackson.databind.JsonNode;

/**
 * Turns one submitted document into an {@link ImportBatch}. The document is a JSON object, or a JSON array of
 * documents imported together as one batch (a BadgeClass with its issuer Profile; CTDL nodes). The format is
 * the caller's, else detected: {@code @graph}, {@code ceterms:}/{@code ceasn:} terms or a credreg.net context
 * mean CTDL; a BadgeClass/Achievement/Issuer/Profile type, an Open Badges context or {@code criteria} mean
 * Open Badges. Parsing is pure: the same bytes give an equal batch.
 */
final class ImportDocuments {

    /**
     * @throws ImportRejected naming every problem found; nothing of the document is to be stored then
     */
    ImportBatch read(byte[] body, ImportOptions options) {
        JsonNode document = Json.read(body, options.source());
        List<Located> elements = objects(elements(document, options.source()), options.source());
        Format format = options.format() != null ? options.format() : detect(elements, options.source());
        return switch (format) {
            case CTDL -> new CtdlReader(options).read(graph(elements, options.source()));
            case OPENBADGES -> new OpenBadgesReader(options).read(elements);
        };
    }

    private static List<Located> elements(JsonNode document, String source) {
        if (!document.isArray()) {
            return List.of(new Located(document, ""));
        }
        List<Located> elements = Json.each(new Located(document, ""));
        if (elements.isEmpty()) {
            throw rejected(source, "", "an empty array holds nothing to import");
        }
        return elements;
    }

    /** CTDL nodes: the elements themselves, or the nodes of their {@code @graph}. */
    private static List<Located> graph(List<Located> elements, String source) {
        List<Located> nodes = new ArrayList<>();
        for (Located element : elements) {
            if (element.node().has("@graph")) {
                nodes.addAll(objects(Json.each(element.child("@graph")), source));
            } else {
                nodes.add(element);
            }
        }
        return nodes;
    }

    /** The elements if each is a JSON object; readers need not check that again. */
    private static List<Located> objects(List<Located> elements, String source) {
        List<ImportRejected.Problem> problems = elements.stream()
                .filter(element -> !element.node().isObject())
                .map(element -> ImportRejected.Problem.at(
                        element.pointer(),
                        "expected a JSON object, found "
                                + element.node().getNodeType().name()))
                .toList();
        if (!problems.isEmpty()) {
            throw rejected(problems, source);
        }
        return elements;
    }

    private static Format detect(List<Located> elements, String source) {
        for (Located element : elements) {
            JsonNode node = element.node();
            String context = String.valueOf(Json.texts(node.path("@context")));
            if (node.has("@graph")
                    || context.contains("credreg.net")
                    || node.propertyNames().stream()
                            .anyMatch(p -> p.startsWith("ceterms:") || p.startsWith("ceasn:"))) {
                return Format.CTDL;
            }
            if (context.contains("openbadges")
                    || context.contains("imsglobal.org/spec/ob")
                    || OpenBadgesReader.isBadge(node)) {
                return Format.OPENBADGES;
            }
        }
        for (Located element : elements) {
            if (OpenBadgesReader.isIssuer(element.node())) {
                return Format.OPENBADGES;
            }
        }
        throw rejected(
                source,
                "",
                "neither CTDL JSON-LD nor Open Badges (no @graph, ceterms: terms, BadgeClass or Achievement)");
    }

    private static ImportRejected rejected(String source, String pointer, String message) {
        return rejected(List.of(ImportRejected.Problem.at(pointer, message)), source);
    }

    private static ImportRejected rejected(List<ImportRejected.Problem> problems, String source) {
        return new ImportRejected(source, ImportRejected.Reason.CONTENT, problems);
    }
}
