package org.credstack.catalog.credential;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.credstack.catalog.credential.CatalogViews.CredentialView;
import org.credstack.catalog.credential.CatalogViews.PageView;
import org.credstack.catalog.credential.CatalogViews.VersionView;
import org.springframework.beans.propertyeditors.CustomBooleanEditor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credentials: drafts, their lifecycle (publish, revise, retire), published versions, and search. Errors
 * are RFC 9457 problem details (see {@code CatalogProblems}).
 */
@RestController
@RequestMapping("/api/v1/credentials")
class CredentialController {

    private final CredentialCatalog catalog;
    private final CredentialSearch search;

    CredentialController(CredentialCatalog catalog, CredentialSearch search) {
        this.catalog = catalog;
        this.search = search;
    }

    /** Creates a draft: 201 with Location. */
    @PostMapping
    ResponseEntity<CredentialView> create(@RequestBody CredentialDraft draft) {
        Credential created = catalog.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/credentials/" + created.id()))
                .body(CredentialView.of(created));
    }

    @GetMapping("/{id}")
    CredentialView get(@PathVariable String id) {
        return CredentialView.of(catalog.get(id));
    }

    /** Replaces the draft; 409 once published. */
    @PutMapping("/{id}")
    CredentialView edit(@PathVariable String id, @RequestBody CredentialDraft draft) {
        return CredentialView.of(catalog.edit(id, draft));
    }

    @PostMapping("/{id}/publish")
    CredentialView publish(@PathVariable String id) {
        return CredentialView.of(catalog.publish(id));
    }

    /** Publishes new content as the next version: 201 with the Location of that version. */
    @PostMapping("/{id}/revisions")
    ResponseEntity<CredentialView> revise(@PathVariable String id, @RequestBody CredentialDraft draft) {
        Credential revised = catalog.revise(id, draft);
        int version = revised.latest().orElseThrow().version();
        return ResponseEntity.created(URI.create("/api/v1/credentials/" + id + "/versions/" + version))
                .body(CredentialView.of(revised));
    }

    @PostMapping("/{id}/retire")
    CredentialView retire(@PathVariable String id) {
        return CredentialView.of(catalog.retire(id));
    }

    @GetMapping("/{id}/versions")
    List<VersionView> versions(@PathVariable String id) {
        return catalog.get(id).versions().stream()
                .map(v -> VersionView.of(id, v))
                .toList();
    }

    @GetMapping("/{id}/versions/{version}")
    VersionView version(@PathVariable String id, @PathVariable int version) {
        return catalog.get(id)
                .version(version)
                .map(v -> VersionView.of(id, v))
                .orElseThrow(() -> new UnknownCatalogEntry("version", id + "/" + version));
    }

    /**
     * Binds the query through {@link CredentialQuery}'s constructor only (no property paths such as
     * {@code providerId[$ne]}), and booleans only from {@code true} or {@code false}, not the
     * {@code yes}/{@code on}/{@code 1} Spring would accept.
     */
    @InitBinder
    void strictBinding(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
        binder.registerCustomEditor(Boolean.class, new CustomBooleanEditor("true", "false", true));
    }

    /** Searches; see {@link CredentialQuery} for the parameters. */
    @GetMapping
    PageView<CredentialView> search(@Valid @ModelAttribute CredentialQuery query, HttpServletRequest request)
            throws MissingServletRequestParameterException {
        rejectPropertyPaths(request);
        if (query.maxCost() != null && query.currency() == null) {
            throw new MissingServletRequestParameterException("currency", "String");
        }
        return PageView.of(search.search(query.normalised()), CredentialView::of);
    }

    /** Parameter names such as {@code q[0]} or {@code q.length} bind nothing: say so instead of ignoring them. */
    private static void rejectPropertyPaths(HttpServletRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            if (name.indexOf('[') >= 0 || name.indexOf(']') >= 0 || name.indexOf('.') >= 0) {
                throw new InvalidQueryParameter(name, "is not a search parameter (no [ ] or . in names)");
            }
        }
    }
}
