package org.credstack.web.catalog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.credstack.web.Fetched;
import org.credstack.web.InvalidInput;
import org.credstack.web.ServiceCalls;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import tools.jackson.databind.JsonNode;

/**
 * The catalog as a person decides in it: {@code GET /catalog} searches with catalog-service's filters (an htmx
 * request gets only the result list back), {@code GET /catalog/{id}} shows one credential.
 */
@Controller
class CatalogController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final CatalogApi catalog;
    private final ServiceCalls calls;

    CatalogController(CatalogApi catalog, ServiceCalls calls) {
        this.catalog = catalog;
        this.calls = calls;
    }

    /** Empty form fields are absent filters, not empty ones. */
    @InitBinder("query")
    void emptyIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    /**
     * 200 with the results; 400 with the form and each bad field named; 200 with a notice when catalog-service is
     * unavailable. With {@code HX-Request} only the {@code results} fragment.
     */
    @GetMapping("/catalog")
    String search(
            @Valid @ModelAttribute("query") CatalogQuery query,
            BindingResult binding,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("form", asTyped(request));
        Map<String, String> errors = errors(binding, query);
        if (errors.isEmpty()) {
            Fetched<JsonNode> found = calls.call(ServiceCalls.CATALOG, () -> catalog.search(query.filters()));
            if (found.state() == Fetched.State.REJECTED) {
                errors.put(fieldOf(found.detail()), found.detail());
            } else {
                model.addAttribute("catalogUnavailable", found.isUnavailable());
                if (found.isFound()) {
                    model.addAttribute("results", entries(found.value().path("items")));
                    model.addAttribute(
                            "total",
                            found.value().path("page").path("totalElements").asLong());
                    model.addAttribute(
                            "pageNumber",
                            found.value().path("page").path("number").asInt());
                    model.addAttribute(
                            "totalPages",
                            found.value().path("page").path("totalPages").asInt());
                }
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("errors", errors);
        if (htmx != null) {
            return "catalog :: results";
        }
        model.addAttribute("providers", providers());
        model.addAttribute("goals", goals(request.getParameter("goal")));
        model.addAttribute("categories", CatalogQuery.CATEGORIES);
        model.addAttribute("deliveryModes", CatalogQuery.DELIVERY_MODES);
        model.addAttribute("sorts", CatalogQuery.SORTS);
        return "catalog";
    }

    /**
     * 200 with what you learn, assignments, time, cost, validity and renewal, the published stacks it counts toward,
     * and for a stack its components; 404 page for an unknown id; 200 with a notice when catalog-service is
     * unavailable.
     */
    @GetMapping("/catalog/{id}")
    String credential(@PathVariable String id, Model model, HttpServletResponse response) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidInput("id", "is not a credential id (letters, digits, '.', '_' and '-')");
        }
        Fetched<JsonNode> found = calls.call(ServiceCalls.CATALOG, () -> catalog.credential(id));
        if (found.state() == Fetched.State.NOT_FOUND) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("what", "credential " + id + " in the catalog");
            return "not-found";
        }
        model.addAttribute("id", id);
        model.addAttribute("catalogUnavailable", !found.isFound());
        if (found.isFound()) {
            CatalogEntry entry = CatalogEntry.of(found.value());
            model.addAttribute("entry", entry);
            model.addAttribute("provider", providerName(entry.providerId()));
            if (entry.stack()) {
                MultiValueMap<String, String> components = new LinkedMultiValueMap<>();
                components.add("stackableInto", id);
                components.add("size", "100");
                Fetched<JsonNode> parts = calls.call(ServiceCalls.CATALOG, () -> catalog.search(components));
                model.addAttribute(
                        "components", parts.isFound() ? entries(parts.value().path("items")) : null);
            }
            model.addAttribute("stacks", stacksContaining(id));
        }
        return "catalog-credential";
    }

    /** The published stacks that count {@code id} among their components, or {@code null} when unavailable. */
    private List<CatalogEntry> stacksContaining(String id) {
        MultiValueMap<String, String> stacks = new LinkedMultiValueMap<>();
        stacks.add("componentOf", id);
        stacks.add("size", "100");
        Fetched<JsonNode> found = calls.call(ServiceCalls.CATALOG, () -> catalog.search(stacks));
        return found.isFound() ? entries(found.value().path("items")) : null;
    }

    /** The form's fields as the person typed them, to show again (a field that failed to bind included). */
    private static AsTyped asTyped(HttpServletRequest request) {
        return new AsTyped(
                request.getParameter("q"),
                request.getParameter("skill"),
                request.getParameter("goal"),
                request.getParameter("category"),
                request.getParameter("providerId"),
                request.getParameter("free"),
                request.getParameter("maxCost"),
                request.getParameter("currency"),
                request.getParameter("maxHours"),
                request.getParameter("deliveryMode"),
                request.getParameter("expires"),
                request.getParameter("stackableInto"),
                request.getParameter("sort"));
    }

    /** The search form's fields as typed, each {@code null} when absent. */
    record AsTyped(
            String q,
            String skill,
            String goal,
            String category,
            String providerId,
            String free,
            String maxCost,
            String currency,
            String maxHours,
            String deliveryMode,
            String expires,
            String stackableInto,
            String sort) {}

    private Map<String, String> errors(BindingResult binding, CatalogQuery query) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            String message =
                    error.isBindingFailure() ? "is not a " + expected(error.getField()) : error.getDefaultMessage();
            errors.putIfAbsent(error.getField(), error.getField() + " " + message);
        }
        if (binding.getFieldErrors().isEmpty() && query != null && query.costWithoutCurrency()) {
            errors.put("currency", "currency is needed with maxCost (a three-letter ISO 4217 code such as USD)");
        }
        return errors;
    }

    private static String expected(String field) {
        return switch (field) {
            case "free", "expires" -> "yes or no (true or false)";
            case "page" -> "whole number";
            default -> "number";
        };
    }

    /** catalog-service names the field first ({@code field: message}). */
    private static String fieldOf(String detail) {
        int colon = detail.indexOf(':');
        return colon > 0 ? detail.substring(0, colon) : "q";
    }

    private List<CatalogQuery.Choice> providers() {
        Fetched<JsonNode> found = calls.call(ServiceCalls.CATALOG, () -> catalog.providers(100));
        List<CatalogQuery.Choice> providers = new ArrayList<>();
        if (found.isFound()) {
            for (JsonNode p : found.value().path("items")) {
                providers.add(new CatalogQuery.Choice(
                        p.path("id").asString(), p.path("name").asString()));
            }
        }
        return providers;
    }

    /**
     * The goals to choose from, grouped by framework as catalog-service lists them; a goal asked for that the list
     * lacks (a link from elsewhere, or the list unavailable) is kept as a choice of its own so the form shows it.
     */
    private Goals goals(String chosen) {
        Fetched<JsonNode> found = calls.call(ServiceCalls.CATALOG, catalog::goals);
        Map<String, List<CatalogQuery.Choice>> byFramework = new LinkedHashMap<>();
        boolean listed = false;
        if (found.isFound()) {
            for (JsonNode g : found.value().path("items")) {
                String goal = g.path("goal").asString();
                listed |= goal.equals(chosen);
                int credentials = g.path("credentials").asInt();
                String label =
                        g.path("label").asString() + " (" + g.path("code").asString() + ") · " + credentials
                                + (credentials == 1 ? " credential" : " credentials");
                byFramework
                        .computeIfAbsent(g.path("framework").asString(), f -> new ArrayList<>())
                        .add(new CatalogQuery.Choice(goal, label));
            }
        }
        List<GoalGroup> groups = new ArrayList<>();
        byFramework.forEach((framework, choices) -> groups.add(new GoalGroup(framework, choices)));
        String other = chosen == null || chosen.isBlank() || listed ? null : chosen.strip();
        return new Goals(groups, other, found.isUnavailable());
    }

    /**
     * The goal choices of the form.
     *
     * @param groups the published catalog's goals, one group per framework
     * @param other a goal asked for that the groups lack, or {@code null}
     * @param unavailable whether catalog-service could not list them
     */
    record Goals(List<GoalGroup> groups, String other, boolean unavailable) {}

    /** One framework's goals ({@code <optgroup>}), each {@code framework:code} with its label, code and count. */
    record GoalGroup(String framework, List<CatalogQuery.Choice> choices) {}

    private String providerName(String providerId) {
        if (providerId == null) {
            return null;
        }
        Fetched<JsonNode> found = calls.call(ServiceCalls.CATALOG, () -> catalog.provider(providerId));
        return found.isFound() ? found.value().path("name").asString(providerId) : providerId;
    }

    private static List<CatalogEntry> entries(JsonNode items) {
        List<CatalogEntry> entries = new ArrayList<>();
        items.forEach(item -> entries.add(CatalogEntry.of(item)));
        return entries;
    }
}
