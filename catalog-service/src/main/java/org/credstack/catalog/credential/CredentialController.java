package org.credstack.catalog.credential;

import java.net.URI;
import java.util.List;
import org.credstack.catalog.common.StaffCheck;
import org.credstack.catalog.common.UnknownCatalogEntry;
import org.credstack.catalog.credential.CatalogViews.VersionView;
import org.credstack.runtime.security.Access;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credentials: drafts, their lifecycle (publish, revise, retire) and published versions; search is the
 * search feature's. Errors are RFC 9457 problem details (see {@code CatalogProblems}).
 *
 * <p>Reads are public. Every write is for staff of the credential's provider or an operator
 * (docs/authz-catalog.md): the provider of the stored record for an existing credential, and
 * also the provider the body names for a new draft, an edit or a revision. Anyone else gets the 403
 * {@code forbidden} problem (401 {@code unauthorized} without a token) and nothing is stored or published.
 */
@RestController
@RequestMapping("/api/v1/credentials")
class CredentialController {

    private final CredentialCatalog catalog;
    private final Access access;

    CredentialController(CredentialCatalog catalog, Access access) {
        this.catalog = catalog;
        this.access = access;
    }

    /** Creates a draft: 201 with Location. */
    @PostMapping
    ResponseEntity<CredentialView> create(@RequestBody CredentialRequest request) {
        StaffCheck.requireSomeProviderStaff(access);
        Credential created = catalog.create(request.toDraft(), access::requireProviderStaff);
        return ResponseEntity.created(URI.create("/api/v1/credentials/" + created.id()))
                .body(CredentialView.of(created));
    }

    @GetMapping("/{id}")
    CredentialView get(@PathVariable String id) {
        return CredentialView.of(catalog.get(id));
    }

    /** Replaces the draft; 409 once published. */
    @PutMapping("/{id}")
    CredentialView edit(@PathVariable String id, @RequestBody CredentialRequest request) {
        StaffCheck.requireSomeProviderStaff(access);
        return CredentialView.of(catalog.edit(id, request.toDraft(), access::requireProviderStaff));
    }

    @PostMapping("/{id}/publish")
    CredentialView publish(@PathVariable String id) {
        StaffCheck.requireSomeProviderStaff(access);
        return CredentialView.of(catalog.publish(id, access::requireProviderStaff));
    }

    /** Publishes new content as the next version: 201 with the Location of that version. */
    @PostMapping("/{id}/revisions")
    ResponseEntity<CredentialView> revise(@PathVariable String id, @RequestBody CredentialRequest request) {
        StaffCheck.requireSomeProviderStaff(access);
        Credential revised = catalog.revise(id, request.toDraft(), access::requireProviderStaff);
        int version = revised.latest().orElseThrow().version();
        return ResponseEntity.created(URI.create("/api/v1/credentials/" + id + "/versions/" + version))
                .body(CredentialView.of(revised));
    }

    @PostMapping("/{id}/retire")
    CredentialView retire(@PathVariable String id) {
        StaffCheck.requireSomeProviderStaff(access);
        return CredentialView.of(catalog.retire(id, access::requireProviderStaff));
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
}
