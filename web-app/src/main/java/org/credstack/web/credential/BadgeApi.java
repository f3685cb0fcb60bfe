package org.credstack.web.credential;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
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

    /**
     * {@code POST /api/v1/verify}: badge-service's {@code VerificationReport} of any Open Badges 3.0 credential
     * (docs/verification.md), 200 even for an invalid one; 400 problem {@code not-a-credential} when the body holds
     * no credential. Bodies over 1 MB are refused (413), other types too (415): the caller sends neither.
     *
     * @param contentType {@code application/json}, {@code application/vc+jwt}, {@code image/png} or {@code
     *     image/svg+xml}, as the web app tells the body apart ({@code SentCredential})
     * @param credential the credential as sent: JSON, a compact JWS, or a baked image's bytes
     */
    @PostExchange(url = "/api/v1/verify", accept = "application/json")
    JsonNode verify(@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody byte[] credential);
}
