package org.credstack.badge.verification;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the verifier fetches other issuers' controller documents and status list credentials ({@link
 * RemoteDocuments}), prefix {@code credstack.badge.verification}. The breaker and retry of those fetches are
 * {@code credstack.resilience.calls.verification-documents.*}. docs/verification.md, "Remote keys and status lists".
 *
 * @param connectTimeout the longest wait for a TCP and TLS connection
 * @param readTimeout the longest wait for the whole response (headers and body) once the request is sent
 * @param maxDocumentSize a response body larger than this is refused (too large), declared or not
 * @param cacheTtl how long a fetched document is kept; a shorter {@code Cache-Control: max-age} wins, {@code
 *     no-store} or {@code no-cache} keeps it not at all
 * @param cacheSize the most bytes of documents kept (least recently used go first)
 * @param maxRedirects redirects followed per document, each to an address checked again; 0 follows none
 * @param allowHttp also fetch {@code http:} URLs (development and tests only; never in production)
 * @param allowPrivateHosts also fetch from hosts that resolve to loopback, link-local, private, shared (CGNAT),
 *     multicast or unspecified addresses (development and tests only)
 */
@Validated
@ConfigurationProperties("credstack.badge.verification")
public record VerificationProperties(
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("5s") @NotNull Duration readTimeout,
        @DefaultValue("256KB") @NotNull DataSize maxDocumentSize,
        @DefaultValue("5m") @NotNull Duration cacheTtl,
        @DefaultValue("16MB") @NotNull DataSize cacheSize,
        @DefaultValue("3") @Min(0) int maxRedirects,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("false") boolean allowPrivateHosts) {

    /** The defaults above, as production runs them: https only, public addresses only. */
    public static VerificationProperties defaults() {
        return new VerificationProperties(
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                DataSize.ofKilobytes(256),
                Duration.ofMinutes(5),
                DataSize.ofMegabytes(16),
                3,
                false,
                false);
    }
}
