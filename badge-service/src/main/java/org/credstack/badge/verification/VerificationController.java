package org.credstack.badge.verification;

import org.credstack.badge.issuing.CredentialNotFoundException;
import org.credstack.badge.issuing.IssuedCredentials;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Verification over HTTP; both answer a {@link VerificationReport} (200 even for an invalid credential). */
@RestController
class VerificationController {

    private final CredentialVerifier verifier;
    private final IssuedCredentials credentials;
    private final JsonMapper json;

    VerificationController(CredentialVerifier verifier, IssuedCredentials credentials, JsonMapper json) {
        this.verifier = verifier;
        this.credentials = credentials;
        this.json = json;
    }

    /** Verifies a credential sent as the JSON body; 400 problem+json when the body is not a JSON object. */
    @PostMapping("/api/v1/verify")
    VerificationReport verify(@RequestBody JsonNode credential) {
        if (!(credential instanceof ObjectNode object)) {
            throw new UnverifiableRequestException("", "the body must be a credential (a JSON object)");
        }
        return verifier.verify(object);
    }

    /** Verifies a credential this service issued; 404 problem+json for an unknown id. */
    @GetMapping("/credentials/{id}/verification")
    VerificationReport verifyIssued(@PathVariable String id) {
        String signed = credentials.signedCredential(id).orElseThrow(() -> new CredentialNotFoundException(id));
        return verifier.verify((ObjectNode) json.readTree(signed));
    }
}
