package org.credstack.web.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credstack.web.Fetched;
import org.credstack.web.ServiceCalls;
import org.credstack.web.signin.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /provider}: the providers the member of staff works for ({@code Caller.providerIds}), each with its
 * credentials by status (drafts, published, retired) and the ways to the other staff pages. catalog-service is asked
 * once per status and provider ({@code GET /api/v1/credentials?providerId=&status=&size=100}); when it does not
 * answer, the page still lists the providers and says their credentials cannot be shown.
 */
@Controller
class ProviderHomeController {

    /** The statuses, in the order the page shows them. */
    static final List<String> STATUSES = List.of("DRAFT", "PUBLISHED", "RETIRED");

    /** The most credentials of one status the page lists (catalog-service's largest page). */
    static final int PAGE_SIZE = 100;

    private final StaffCatalogApi catalog;
    private final ServiceCalls calls;

    ProviderHomeController(StaffCatalogApi catalog, ServiceCalls calls) {
        this.catalog = catalog;
        this.calls = calls;
    }

    @GetMapping("/provider")
    String home(Caller caller, Model model) {
        List<ProviderOverview> providers = new ArrayList<>();
        for (String providerId : caller.providerIds()) {
            providers.add(overview(caller, providerId));
        }
        model.addAttribute("providers", providers);
        return "provider/home";
    }

    private ProviderOverview overview(Caller caller, String providerId) {
        Fetched<JsonNode> profile =
                calls.call(ServiceCalls.CATALOG, () -> catalog.provider(caller.authorization(), providerId));
        String name = profile.isFound() ? profile.value().path("name").asString(providerId) : providerId;
        Map<String, StaffCredential> byId = new LinkedHashMap<>();
        String missing = null;
        boolean more = false;
        for (String status : STATUSES) {
            MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
            filters.add("providerId", providerId);
            filters.add("status", status);
            filters.add("sort", "title");
            filters.add("size", String.valueOf(PAGE_SIZE));
            Fetched<JsonNode> found =
                    calls.call(ServiceCalls.CATALOG, () -> catalog.search(caller.authorization(), filters));
            if (!found.isFound()) {
                missing = Refusals.of(found, "catalog-service", "credentials");
                break;
            }
            found.value()
                    .path("items")
                    .forEach(item -> byId.putIfAbsent(item.path("id").asString(), StaffCredential.of(item)));
            more |= found.value().path("page").path("totalElements").asLong() > PAGE_SIZE;
        }
        Map<String, List<StaffCredential>> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(status -> byStatus.put(status, new ArrayList<>()));
        if (missing == null) {
            byId.values()
                    .forEach(c -> byStatus.computeIfAbsent(c.status(), s -> new ArrayList<>())
                            .add(c));
        }
        return new ProviderOverview(providerId, name, byStatus, missing, more);
    }

    /**
     * One provider on the page.
     *
     * @param id the provider id
     * @param name its name from catalog-service, else its id
     * @param credentials its credentials by status ({@code DRAFT}, {@code PUBLISHED}, {@code RETIRED})
     * @param missing what cannot be shown and why, or {@code null}
     * @param more whether some status has more than {@value #PAGE_SIZE} credentials (only the first are listed)
     */
    record ProviderOverview(
            String id, String name, Map<String, List<StaffCredential>> credentials, String missing, boolean more) {}
}
