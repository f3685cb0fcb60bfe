package org.credstack.web.credential;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import tools.jackson.databind.JsonNode;

/** badge-service's public API, as the web app calls it (no token: both are public). */
public interface BadgeApi {

    /** The signed {@code OpenBadgeCredential}, JSON-LD; 404 for an unknown id. */
    @GetExchange(url = "/credentials/{id}", accept = "application/ld+json")
    JsonNode credential(@PathVariable String id);

    /** badge-service's {@code VerificationReport} of a credential it issued; 404 for an unknown id. */
    @GetExchange(url = "/credentials/{id}/verification", accept = "application/json")
    JsonNode verification(@PathVariable String id);

    /**
     * A download of an issued credential, its bytes with badge-service's headers ({@code Content-Type}, {@code
     * Content-Disposition}, {@code Cache-Control}, and for SVG {@code Content-Security-Policy}); 404 for an unknown id.
     *
     * @param file {@code badge.png} (baked PNG), {@code badge.svg} (baked SVG) or {@code certificate.pdf}
     */
    @GetExchange(
            url = "/credentials/{id}/{file}",
            accept = "image/png,image/svg+xml,application/pdf,application/problem+json")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String file);

    /** {@code {id, name}}: the name the recipient chose to show on the public page; 404 when they chose none. */
    @GetExchange(url = "/credentials/{id}/display-name", accept = "application/json")
    JsonNode displayName(@PathVariable String id);
}
