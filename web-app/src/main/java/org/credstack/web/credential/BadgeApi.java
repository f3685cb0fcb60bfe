package org.credstack.web.credential;

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

    /** {@code {id, name}}: the name the recipient chose to show on the public page; 404 when they chose none. */
    @GetExchange(url = "/credentials/{id}/display-name", accept = "application/json")
    JsonNode displayName(@PathVariable String id);
}
