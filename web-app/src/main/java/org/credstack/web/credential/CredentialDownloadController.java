package org.credstack.web.credential;

import java.util.List;
import org.credstack.web.Fetched;
import org.credstack.web.ServiceCalls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The downloads of an issued credential, served by the app from badge-service so the app stays the one public origin
 * a person sees (docs/baking.md): {@code GET /credentials/{id}/badge.png}, {@code /badge.svg} and {@code
 * /certificate.pdf}, no sign-in. The bytes and badge-service's {@code Content-Type}, {@code Content-Disposition},
 * {@code Cache-Control} and {@code Content-Security-Policy} are passed on unchanged. An unknown credential is the 404
 * page, an id that cannot be a credential's the 400 page naming {@code id}, and badge-service unavailable a 503 page.
 */
@Controller
class CredentialDownloadController {

    /** The headers of badge-service's answer that the app passes on. */
    static final List<String> PASSED_ON = List.of(
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_DISPOSITION,
            HttpHeaders.CACHE_CONTROL,
            "Content-Security-Policy");

    private final BadgeApi badge;
    private final ServiceCalls calls;

    CredentialDownloadController(BadgeApi badge, ServiceCalls calls) {
        this.badge = badge;
        this.calls = calls;
    }

    /** The baked PNG: the signed credential in its {@code iTXt openbadgecredential} chunk. */
    @GetMapping("/credentials/{id}/badge.png")
    Object png(@PathVariable String id) {
        return download(id, "badge.png");
    }

    /** The baked SVG: the signed credential in its {@code openbadges:credential} element. */
    @GetMapping("/credentials/{id}/badge.svg")
    Object svg(@PathVariable String id) {
        return download(id, "badge.svg");
    }

    /** The printable certificate. */
    @GetMapping("/credentials/{id}/certificate.pdf")
    Object certificate(@PathVariable String id) {
        return download(id, "certificate.pdf");
    }

    /** The download as badge-service answered it, or a page saying why there is none. */
    private Object download(String id, String file) {
        PublicCredentialController.requireCredentialId(id);
        Fetched<ResponseEntity<byte[]>> fetched = calls.call(ServiceCalls.BADGE, () -> badge.download(id, file));
        return switch (fetched.state()) {
            case FOUND -> passedOn(fetched.value());
            case NOT_FOUND -> new ModelAndView("not-found", HttpStatus.NOT_FOUND).addObject("what", "credential " + id);
            case REJECTED, FORBIDDEN, CONFLICT, UNAVAILABLE ->
                new ModelAndView("credential-unavailable", HttpStatus.SERVICE_UNAVAILABLE)
                        .addObject("id", id)
                        .addObject("missing", "badge-service");
        };
    }

    private static ResponseEntity<byte[]> passedOn(ResponseEntity<byte[]> answer) {
        HttpHeaders headers = new HttpHeaders();
        for (String name : PASSED_ON) {
            List<String> values = answer.getHeaders().get(name);
            if (values != null) {
                headers.put(name, values);
            }
        }
        headers.set("X-Content-Type-Options", "nosniff");
        return ResponseEntity.ok().headers(headers).body(answer.getBody());
    }
}
