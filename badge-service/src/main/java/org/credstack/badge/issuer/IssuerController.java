package org.credstack.badge.issuer;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Publishes issuer profiles and their keys; public, no authentication (see {@link IssuerDocument}). */
@RestController
class IssuerController {

    static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

    private final Issuers issuers;

    IssuerController(Issuers issuers) {
        this.issuers = issuers;
    }

    /** 200 with the Profile and controller document; 404 problem+json for an unknown provider. */
    @GetMapping("/issuers/{providerId}")
    ResponseEntity<ObjectNode> profile(@PathVariable String providerId) {
        Issuer issuer = issuers.find(providerId).orElseThrow(() -> new IssuerNotFoundException(providerId));
        return ResponseEntity.ok().contentType(LD_JSON).body(IssuerDocument.of(issuer));
    }
}
