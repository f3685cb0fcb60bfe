package org.credstack.badge.sharing;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The downloads of an issued credential, public like the credential itself ({@code GET /credentials/**} is a
 * platform public path): the baked badge images and the printable certificate. A revoked credential can still be
 * downloaded; its images carry a "REVOKED" band and its certificate says when and why. Each answer is {@code
 * attachment} with a file name after the achievement, {@code Cache-Control: public, max-age=300} and an {@code ETag}
 * that changes on revocation; {@code If-None-Match} with it is answered 304 without rendering. An unknown id is a 404
 * problem {@code credential-not-found}. See docs/baking.md.
 */
@RestController
class DownloadController {

    /** How long a client or proxy may reuse a download without asking again: a revocation shows within this. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final CredentialDownloads downloads;

    DownloadController(CredentialDownloads downloads) {
        this.downloads = downloads;
    }

    /** 200 {@code image/png}: the badge with the signed credential in its {@code iTXt openbadgecredential} chunk. */
    @GetMapping("/credentials/{id}/badge.png")
    ResponseEntity<byte[]> png(@PathVariable String id, WebRequest request) {
        return download(id, Download.PNG, request);
    }

    /** 200 {@code image/svg+xml}: the badge with the signed credential in {@code <openbadges:credential>}. */
    @GetMapping("/credentials/{id}/badge.svg")
    ResponseEntity<byte[]> svg(@PathVariable String id, WebRequest request) {
        return download(id, Download.SVG, request);
    }

    /** 200 {@code application/pdf}: the printable certificate, one A4 landscape page. */
    @GetMapping("/credentials/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String id, WebRequest request) {
        return download(id, Download.PDF, request);
    }

    private ResponseEntity<byte[]> download(String id, Download download, WebRequest request) {
        SharedCredential credential = downloads.find(id);
        String etag = credential.etag(download.suffix());
        if (request.checkNotModified(etag)) {
            return null; // 304, already written
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(download.mediaType())
                .eTag(etag)
                .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(credential.fileName(download.suffix()))
                                .build()
                                .toString());
        if (download == Download.SVG) {
            // an SVG opened from this origin runs nothing: no scripts, styles only inline
            response.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        }
        return response.body(downloads.bytes(credential, download));
    }
}
