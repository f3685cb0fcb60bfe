package org.credstack.badge.status;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the revocation status lists; public, no authentication: verifiers anywhere fetch the URL a
 * credential's {@code credentialStatus.statusListCredential} names.
 */
@RestController
class StatusListController {

    /** The media type of a VC 2.0 verifiable credential (VC Data Model 2.0 §C.1). */
    static final MediaType VC = MediaType.parseMediaType("application/vc");

    private final StatusLists lists;

    StatusListController(StatusLists lists) {
        this.lists = lists;
    }

    /**
     * 200 {@code application/vc} with the signed {@code BitstringStatusListCredential}, revalidated on every use
     * ({@code Cache-Control: no-cache}) so a revocation is seen at once; 404 problem+json for a list never opened.
     */
    @GetMapping("/status-lists/{providerId}/{list}")
    ResponseEntity<String> statusList(@PathVariable String providerId, @PathVariable int list) {
        String signed =
                lists.signed(providerId, list).orElseThrow(() -> new StatusListNotFoundException(providerId, list));
        return ResponseEntity.ok()
                .contentType(VC)
                .cacheControl(CacheControl.noCache())
                .body(signed);
    }
}
