package org.credstack.web.credential;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.credstack.web.Fetched;
import org.credstack.web.InvalidInput;
import org.credstack.web.ServiceCalls;
import org.credstack.web.WebProperties;
import org.credstack.web.catalog.CatalogApi;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.JsonNode;

/**
 * The public page of an issued credential, {@code GET /credentials/{id}}: no sign-in, readable by link-preview
 * crawlers (Open Graph tags). The credential comes from badge-service; the issuer's time zone from catalog-service.
 */
@Controller
class PublicCredentialController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final BadgeApi badge;
    private final CatalogApi catalog;
    private final ServiceCalls calls;
    private final WebProperties properties;
    private final Clock clock;

    PublicCredentialController(
            BadgeApi badge, CatalogApi catalog, ServiceCalls calls, WebProperties properties, Clock clock) {
        this.badge = badge;
        this.catalog = catalog;
        this.calls = calls;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * 200 with the page; 200 with a notice when badge-service is unavailable; 404 page for an unknown credential;
     * 400 page naming {@code id} for an id that cannot be a credential's.
     */
    @GetMapping("/credentials/{id}")
    ModelAndView credential(@PathVariable String id, Model model) {
        requireCredentialId(id);
        Fetched<JsonNode> credential = calls.call(ServiceCalls.BADGE, () -> badge.credential(id));
        return switch (credential.state()) {
            case FOUND -> page(id, credential.value());
            case NOT_FOUND -> new ModelAndView("not-found", HttpStatus.NOT_FOUND).addObject("what", "credential " + id);
            case REJECTED, FORBIDDEN, CONFLICT, UNAVAILABLE ->
                new ModelAndView("credential-unavailable").addObject("id", id).addObject("missing", "badge-service");
        };
    }

    /**
     * @throws InvalidInput naming {@code id} when it cannot be a credential's (letters, digits, '.', '_' and '-', at
     *     most 100), so nothing is asked of badge-service
     */
    static void requireCredentialId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidInput("id", "is not a credential id (letters, digits, '.', '_' and '-')");
        }
    }

    private ModelAndView page(String id, JsonNode credential) {
        Fetched<JsonNode> report = calls.call(ServiceCalls.BADGE, () -> badge.verification(id));
        String providerId = lastSegment(credential.path("issuer").path("id").asString(""));
        Fetched<JsonNode> provider = providerId.isEmpty()
                ? Fetched.notFound()
                : calls.call(ServiceCalls.CATALOG, () -> catalog.provider(providerId));
        ZoneId zone = zone(provider);
        URI pageUrl = URI.create(properties.publicBaseUrl() + "/credentials/" + id);
        CredentialPage page = CredentialPage.of(
                id, credential, report.isFound() ? report.value() : null, zone, pageUrl, clock.instant());
        Fetched<JsonNode> shown = calls.call(ServiceCalls.BADGE, () -> badge.displayName(id));
        return new ModelAndView("credential")
                .addObject("page", page)
                .addObject(
                        "shownName",
                        shown.isFound() ? shown.value().path("name").asString(null) : null)
                .addObject("verificationUnavailable", !report.isFound())
                .addObject("timeZoneUnknown", !provider.isFound());
    }

    /** The provider's IANA zone; UTC when catalog-service cannot say (the page then says so). */
    private static ZoneId zone(Fetched<JsonNode> provider) {
        if (!provider.isFound()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(provider.value().path("timeZone").asString("UTC"));
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
