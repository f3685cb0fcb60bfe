package org.credstack.badge.issuing;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves issued credentials; public, no authentication: the credential id is its public URL. */
@RestController
class CredentialController {

    static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

    private final IssuedCredentials credentials;

    CredentialController(IssuedCredentials credentials) {
        this.credentials = credentials;
    }

    /** 200 {@code application/ld+json} with the signed credential, byte for byte; 404 problem+json otherwise. */
    @GetMapping("/credentials/{id}")
    ResponseEntity<String> credential(@PathVariable String id) {
        String signed = credentials.signedCredential(id).orElseThrow(() -> new CredentialNotFoundException(id));
        return ResponseEntity.ok().contentType(LD_JSON).body(signed);
    }
}
