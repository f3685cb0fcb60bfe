package org.credstack.catalog.provider;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.credstack.catalog.common.PageView;
import org.credstack.runtime.security.Access;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Providers (Open Badges issuers): create, read, list by name, replace. Their profiles are public reads; creating
 * one is for operators; replacing one is for its own staff or an operator (403 {@code forbidden} problem
 * otherwise, 401 without a token; nothing is stored then).
 */
@RestController
@RequestMapping("/api/v1/providers")
class ProviderController {

    private final ProviderCatalog providers;
    private final Access access;

    ProviderController(ProviderCatalog providers, Access access) {
        this.providers = providers;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<ProviderView> create(@RequestBody ProviderRequest request) {
        access.requireOperator();
        Provider created = providers.create(request.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/providers/" + created.id()))
                .body(ProviderView.of(created));
    }

    @GetMapping("/{id}")
    ProviderView get(@PathVariable String id) {
        return ProviderView.of(providers.get(id));
    }

    @GetMapping
    PageView<ProviderView> list(
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(providers.list(page, size), ProviderView::of);
    }

    @PutMapping("/{id}")
    ProviderView update(@PathVariable String id, @RequestBody ProviderRequest request) {
        access.requireProviderStaff(id);
        return ProviderView.of(providers.update(id, request.toDraft()));
    }
}
