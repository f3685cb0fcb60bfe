package org.credstack.catalog.importing;

import static org.credstack.catalog.importing.Json.text;
import static org.credstack.catalog.importing.Json.texts;
import static org.credstack.catalog.importing.Json.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Reads Open Badges definitions into an {@link ImportBatch}: OB 1.0/1.1 and 2.0 {@code BadgeClass} (issuer
 * embedded, or an IRI resolved against issuer Profiles sent in the same array), and OB 3.0
 * {@code Achievement} (issuer in {@code creator}, or {@code issuer} as some publishers write it).
 *
 * <p>Each badge becomes a micro-credential with one assignment, "Meet the criteria" (activityId: the criteria
 * id or URL, else the badge's id; moveOn Completed). Its source key is its {@code id}; a badge without one
 * (OB 1.x hosted files) is keyed by {@code urn:sha256:} of its canonical JSON, so the same file re-imports
 * as the same credential but an edited one imports as a new credential.
 *
 * <p>Rejected: a BadgeClass without name, description, image or criteria (OB 2.0 "BadgeClass": all
 * required); an OB 2.0 BadgeClass whose hosted {@code id} names another file than the one imported.
 */
final class OpenBadgesReader {

    private static final Pattern VERSIONED = Pattern.compile("(?i)^(.*?)\\s+(?:version|v)\\s*([\\w.]+)$");

    private final ImportOptions options;
    private final Problems problems = new Problems();
    private final List<Issuer> issuers = new ArrayList<>();
    private final Map<String, ImportedProvider> providers = new LinkedHashMap<>();
    private final List<ImportedCredential> credentials = new ArrayList<>();

    private record Issuer(String id, String url, String key, ProviderDraft draft) {}

    OpenBadgesReader(ImportOptions options) {
        this.options = options;
    }

    ImportBatch read(List<Located> documents) {
        List<Located> badges = new ArrayList<>();
        for (Located document : documents) {
            if (isBadge(document.node())) {
                badges.add(document);
            } else if (isIssuer(document.node())) {
                issuer(document);
            } else {
                problems.at(document.pointer(), "neither an Open Badges BadgeClass/Achievement nor an issuer Profile");
            }
        }
        if (badges.isEmpty() && !problems.any()) {
            problems.at("", "no BadgeClass or Achievement to import");
        }
        boolean oneBadge = badges.size() == 1; // the source then names its file, issuer Profiles or not
        badges.forEach(badge -> badge(badge, oneBadge));
        problems.throwIfAny(options.source());
        return new ImportBatch(options.source(), List.copyOf(providers.values()), credentials);
    }

    static boolean isBadge(JsonNode node) {
        List<String> types = types(node);
        return types.contains("BadgeClass")
                || types.contains("Achievement")
                || (types.isEmpty() && node.has("criteria"));
    }

    static boolean isIssuer(JsonNode node) {
        List<String> types = types(node);
        return types.contains("Issuer")
                || types.contains("Profile")
                || (types.isEmpty() && node.has("name") && (node.has("url") || node.has("email")));
    }

    private Issuer issuer(Located profile) {
        JsonNode node = profile.node();
        String id = text(node.path("id"));
        String url = text(node.path("url"));
        String name = text(node.path("name"));
        String key = id != null ? id : url != null ? url : "urn:credstack:provider:" + Json.slug(String.valueOf(name));
        ProviderDraft draft = problems.build(
                "providers[" + key + "]", name, () -> new ProviderDraft(name, url, text(node.path("email")), null));
        Issuer issuer = new Issuer(id, url, key, draft);
        issuers.add(issuer);
        return issuer;
    }

    private void badge(Located badge, boolean oneBadge) {
        JsonNode node = badge.node();
        boolean achievement = types(node).contains("Achievement");
        String id = text(node.path("id"));
        String key = Json.isAbsoluteIri(id) ? id : Json.contentHash(node);
        String path = "credentials[" + key + "]";
        String title = text(node.path("name"));
        require(badge, "name", title, "a badge has a name");
        require(badge, "description", text(node.path("description")), "a badge has a description");
        String image = text(node.path("image").isObject() ? node.path("image").path("id") : node.path("image"));
        if (!achievement) {
            require(
                    badge,
                    "image",
                    image,
                    "an Open Badges BadgeClass has an image (OB 2.0 BadgeClass: image is required)");
            checkHostedId(badge, id, oneBadge);
        }
        String criteria = criteria(badge);
        String provider = provider(badge.child(achievement && node.has("creator") ? "creator" : "issuer"));
        if (provider == null || criteria == null) {
            return;
        }
        List<String> skills = texts(node.has("tags") ? node.path("tags") : node.path("tag"));
        List<Alignment> alignments = alignments(badge, path, title);
        String description = text(node.path("description"));
        Category category =
                CategoryRule.choose(options.category(), String.valueOf(title), skills, alignments, description);
        Assignment assignment = problems.build(
                path + ".assignments[0]",
                title,
                () -> new Assignment("criteria", "Meet the criteria", criteria, MoveOn.Completed, null));
        if (assignment == null) {
            return;
        }
        CredentialDraft draft = problems.build(
                path,
                title,
                () -> new CredentialDraft(
                        title,
                        description,
                        Kind.MICRO_CREDENTIAL,
                        category,
                        provider,
                        null,
                        skills,
                        alignments,
                        null,
                        null,
                        null,
                        null,
                        List.of(assignment),
                        null,
                        null,
                        null,
                        image,
                        null));
        if (draft != null) {
            credentials.add(new ImportedCredential(key, draft));
        }
    }

    private void require(Located badge, String property, String value, String message) {
        if (value == null) {
            problems.at(badge.pointer() + "/" + property, message);
        }
    }

    /**
     * A hosted OB 2.0 BadgeClass is verified by fetching its {@code id}, so the id must be the file's own URL.
     * Checked when the document (alone, or in an array with issuer Profiles) holds one BadgeClass and is
     * imported from a named {@code .json} file.
     */
    private void checkHostedId(Located badge, String id, boolean oneBadge) {
        String source = options.source();
        if (!oneBadge || source == null || !source.endsWith(".json") || !Json.isWebIri(id) || !id.endsWith(".json")) {
            return;
        }
        String file = source.substring(source.lastIndexOf('/') + 1);
        String hosted = id.substring(id.lastIndexOf('/') + 1);
        if (!file.equals(hosted)) {
            problems.at(
                    badge.pointer() + "/id",
                    "id " + id + " names the file " + hosted + ", not " + file
                            + "; a hosted BadgeClass's id is its own URL, or it would replace another badge");
        }
    }

    /** The criteria URL ({@code criteria} as IRI or {@code criteria.id}), else the badge's id, else its key. */
    private String criteria(Located badge) {
        JsonNode criteria = badge.node().path("criteria");
        if (criteria.isMissingNode() || criteria.isNull()) {
            problems.at(badge.pointer() + "/criteria", "a badge states its criteria (a URL or {narrative, id})");
            return null;
        }
        String url = criteria.isObject() ? text(criteria.path("id")) : text(criteria);
        if (Json.isAbsoluteIri(url)) {
            return url;
        }
        if (criteria.isObject() && text(criteria.path("narrative")) == null) {
            problems.at(badge.pointer() + "/criteria", "criteria have neither an id nor a narrative");
            return null;
        }
        String id = text(badge.node().path("id"));
        return Json.isAbsoluteIri(id) ? id : Json.contentHash(badge.node());
    }

    /** The issuer's source key: embedded Profile, or an IRI matched to a Profile sent in the same array. */
    private String provider(Located issuer) {
        JsonNode node = issuer.node();
        if (node.isObject()) {
            Issuer embedded = issuer(issuer);
            return register(embedded);
        }
        String iri = text(node);
        if (iri == null) {
            problems.at(issuer.pointer(), "a badge names its issuer (an embedded Profile or its IRI)");
            return null;
        }
        for (Issuer known : issuers) {
            if (iri.equals(known.id()) || iri.equals(known.url())) {
                return register(known);
            }
        }
        if (issuers.size() == 1 && issuers.getFirst().id() == null) {
            return register(issuers.getFirst()); // OB 1.x: the hosted issuer file has no id of its own
        }
        String name = options.provider() != null ? options.provider() : Json.host(iri);
        if (name == null) {
            problems.at(issuer.pointer(), "issuer " + iri + " is not an http(s) IRI and no issuer Profile was sent");
            return null;
        }
        ProviderDraft draft = new ProviderDraft(name, null, null, null);
        return register(new Issuer(iri, null, iri, draft));
    }

    private String register(Issuer issuer) {
        if (issuer.draft() == null) {
            return null;
        }
        providers.putIfAbsent(issuer.key(), new ImportedProvider(issuer.key(), issuer.draft()));
        return issuer.key();
    }

    /** {@code alignment[]}: targetName, targetUrl, targetFramework ("SFIA version 7" is split), targetCode. */
    private List<Alignment> alignments(Located badge, String path, String title) {
        List<Alignment> alignments = new ArrayList<>();
        List<Located> entries = Json.each(badge.child("alignment"));
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i).node();
            String name = text(entry.path("targetName"));
            String url = text(entry.path("targetUrl"));
            String framework = text(entry.path("targetFramework"));
            String version = null;
            if (framework != null) {
                Matcher versioned = VERSIONED.matcher(framework);
                if (versioned.matches()) {
                    framework = versioned.group(1);
                    version = versioned.group(2);
                }
            } else {
                framework = Json.host(url); // OB alignments to guideline pages often name no framework
            }
            if (framework == null && name == null) {
                continue;
            }
            String finalFramework = framework;
            String finalVersion = version;
            Alignment alignment = problems.build(
                    path + ".alignments[" + i + "]",
                    title,
                    () -> new Alignment(finalFramework, finalVersion, text(entry.path("targetCode")), url, name));
            if (alignment != null) {
                alignments.add(alignment);
            }
        }
        return alignments;
    }
}
