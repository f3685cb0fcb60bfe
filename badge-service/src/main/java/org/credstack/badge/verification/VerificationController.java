package org.credstack.badge.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.credstack.badge.issuing.CredentialNotFoundException;
import org.credstack.badge.issuing.IssuedCredentials;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verification over HTTP; each answers a {@link VerificationReport} (200 even for an invalid credential), or 400
 * problem+json {@code not-a-credential} when what was sent holds no credential. {@code POST /api/v1/verify} takes
 * the credential in the forms a holder has it in (docs/verification.md):
 *
 * <ul>
 *   <li>JSON ({@code application/json} or any {@code application/*+json}, e.g. {@code application/vc+ld+json}): the credential
 *       object; a JSON string holding a VC-JWT; or a VC 2.0 {@code EnvelopedVerifiableCredential} whose {@code id}
 *       is a {@code data:application/vc+jwt,...} URL;
 *   <li>a VC-JWT as the body ({@code application/vc+jwt}, {@code application/jwt}; {@code text/plain} stays a 415,
 *       as for any other type not listed here);
 *   <li>a baked image as the body ({@code image/png}, {@code image/svg+xml});
 *   <li>a file upload ({@code multipart/form-data}, part {@code file}): a baked PNG or SVG, a JSON credential or a
 *       VC-JWT, told apart by content.
 * </ul>
 */
@RestController
class VerificationController {

    static final String VERIFY = "/api/v1/verify";

    private static final String ENVELOPED = "EnvelopedVerifiableCredential";
    private static final String JWT_DATA_URL = "data:application/vc+jwt,";

    private final CredentialVerifier verifier;
    private final IssuedCredentials credentials;
    private final JsonMapper json;

    VerificationController(CredentialVerifier verifier, IssuedCredentials credentials, JsonMapper json) {
        this.verifier = verifier;
        this.credentials = credentials;
        this.json = json;
    }

    /** Verifies a credential sent as JSON; 400 problem+json when the body is neither a credential nor a VC-JWT. */
    @PostMapping(VERIFY)
    VerificationReport verify(@RequestBody JsonNode body) {
        if (body.isString()) {
            return verifier.verifyJwt(body.asString());
        }
        if (!(body instanceof ObjectNode object)) {
            throw new UnverifiableRequestException("", "the body must be a credential (a JSON object)");
        }
        String id = object.path("id").isString() ? object.get("id").asString() : "";
        if (object.path("type").valueStream().anyMatch(t -> ENVELOPED.equals(t.asString()))
                || ENVELOPED.equals(object.path("type").asString(""))) {
            if (!id.startsWith(JWT_DATA_URL)) {
                throw new UnverifiableRequestException(
                        "/id",
                        "an EnvelopedVerifiableCredential is verified when its id is a " + JWT_DATA_URL + " URL");
            }
            return verifier.verifyJwt(id.substring(JWT_DATA_URL.length()));
        }
        return verifier.verify(CredentialVerifier.requireCredential(object));
    }

    /** Verifies a VC-JWT sent as the body (OB 3.0 §8.2; VC-JOSE-COSE §6.1.1 media type {@code application/vc+jwt}). */
    @PostMapping(
            value = VERIFY,
            consumes = {"application/vc+jwt", "application/jwt"})
    VerificationReport verifyJwt(@RequestBody String compact) {
        return verifier.verifyText(compact.strip());
    }

    /** Verifies the credential baked into a PNG sent as the body (OB 3.0 §5.3.1). */
    @PostMapping(value = VERIFY, consumes = "image/png")
    VerificationReport verifyPng(@RequestBody byte[] png) {
        return verifier.verifyText(BakedImages.fromPng(png));
    }

    /** Verifies the credential baked into an SVG sent as the body (OB 3.0 §5.3.2). */
    @PostMapping(value = VERIFY, consumes = "image/svg+xml")
    VerificationReport verifySvg(@RequestBody byte[] svg) {
        return verifier.verifyText(BakedImages.fromSvg(svg));
    }

    /** Verifies an uploaded file: a baked PNG or SVG, a JSON credential or a VC-JWT. */
    @PostMapping(value = VERIFY, consumes = "multipart/form-data")
    VerificationReport verifyUpload(@RequestPart("file") MultipartFile file) {
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (BakedImages.isPng(content)) {
            return verifier.verifyText(BakedImages.fromPng(content));
        }
        String text = new String(content, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.startsWith("<") ? verifier.verifyText(BakedImages.fromSvg(content)) : verifier.verifyText(text);
    }

    /** Verifies a credential this service issued; 404 problem+json for an unknown id. */
    @GetMapping("/credentials/{id}/verification")
    VerificationReport verifyIssued(@PathVariable String id) {
        String signed = credentials.signedCredential(id).orElseThrow(() -> new CredentialNotFoundException(id));
        return verifier.verify((ObjectNode) json.readTree(signed));
    }
}
