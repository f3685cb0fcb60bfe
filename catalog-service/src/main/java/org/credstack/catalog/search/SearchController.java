package org.credstack.catalog.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.credstack.catalog.common.PageView;
import org.credstack.catalog.credential.CredentialView;
import org.springframework.beans.propertyeditors.CustomBooleanEditor;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search over published (or, on request, draft and retired) credentials: {@code GET /api/v1/credentials}.
 * Errors are RFC 9457 problem details (see {@code CatalogProblems}).
 */
@RestController
class SearchController {

    private final CredentialSearch search;

    SearchController(CredentialSearch search) {
        this.search = search;
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
    @GetMapping("/api/v1/credentials")
    PageView<CredentialView> search(@Valid @ModelAttribute CredentialQuery query, HttpServletRequest request)
            throws MissingServletRequestParameterException {
        rejectPropertyPaths(request);
        if (query.maxCost() != null && query.currency() == null) {
            throw new MissingServletRequestParameterException("currency", "String");
        }
        return PageView.of(search.search(query.normalised()), view -> view);
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
