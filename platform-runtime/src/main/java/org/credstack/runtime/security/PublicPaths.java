package org.credstack.runtime.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Requests anyone may send without a token. The platform's own ({@link #PLATFORM}) are always public; a service
 * adds its own by declaring a bean:
 *
 * <pre>{@code
 * @Bean
 * PublicPaths catalogPublicPaths() {
 *     return PublicPaths.of("GET /api/v1/credentials/**", "GET /api/v1/providers/{providerId}/profile");
 * }
 * }</pre>
 *
 * <p>Each entry is {@code "<METHOD> <pattern>"} or just {@code "<pattern>"} for any method; the pattern is a Spring
 * {@code PathPattern} ({@code {name}} one segment, {@code **} zero or more segments, at the end only, so
 * {@code /issuers/**} covers {@code /issuers} too). A {@code GET} entry covers {@code HEAD} too. A token sent to a
 * public path is still checked: an invalid one is answered 401.
 *
 * @param paths the entries, in the order given
 */
public record PublicPaths(List<PublicPath> paths) {

    /**
     * Where Prometheus scrapes every service. Public like health: its series carry only low-cardinality tags, never a
     * learner, credential or provider id or an e-mail address, and deployments keep {@code /actuator} off the Ingress
     * (docs/metrics.md, "Scraping").
     */
    public static final String PROMETHEUS = "/actuator/prometheus";

    /**
     * The platform-wide public requests of docs/security.md: credentials' JSON-LD and pages, issuer profiles and
     * keys, status lists, the verify endpoint, catalog reads, the e-mail link pages (their signed token is the
     * proof), health and info, the Prometheus scrape ({@link #PROMETHEUS}, docs/metrics.md), the OpenAPI document
     * and Swagger UI. The verify endpoint is public for every method (only {@code POST} answers there), so a wrong
     * method gets Spring MVC's 405 {@code method-not-allowed}, not a 401 asking for a token no method needs.
     */
    public static final PublicPaths PLATFORM = PublicPaths.of(
            "GET /credentials/**",
            "GET /issuers/**",
            "GET /status-lists/**",
            "/api/v1/verify",
            "GET /api/v1/credentials/**",
            "GET /renewals/new",
            "GET /unsubscribe",
            "POST /unsubscribe",
            "GET /actuator/health/**",
            "GET /actuator/info",
            "GET " + PublicPaths.PROMETHEUS,
            "GET /v3/api-docs/**",
            "GET /swagger-ui.html",
            "GET /swagger-ui/**");

    public PublicPaths {
        paths = List.copyOf(paths);
    }

    /**
     * Parses {@code "GET /issuers/**"} entries.
     *
     * @throws IllegalArgumentException for an unknown method or a pattern {@code PathPattern} cannot parse
     */
    public static PublicPaths of(String... entries) {
        List<PublicPath> paths = new ArrayList<>();
        for (String entry : entries) {
            paths.add(PublicPath.parse(entry));
        }
        return new PublicPaths(paths);
    }

    /**
     * One public request.
     *
     * @param method the HTTP method, {@code null} for any
     * @param pattern a {@code PathPattern} starting with {@code /}
     */
    public record PublicPath(HttpMethod method, String pattern) {

        private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

        public PublicPath {
            if (pattern == null || !pattern.startsWith("/")) {
                throw new IllegalArgumentException("a public path starts with /, was " + pattern);
            }
            PathPatternParser.defaultInstance.parse(pattern);
        }

        static PublicPath parse(String entry) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length == 1) {
                return new PublicPath(null, parts[0]);
            }
            String method = parts[0].toUpperCase(Locale.ROOT);
            if (parts.length != 2 || !METHODS.contains(method)) {
                throw new IllegalArgumentException("a public path is \"<METHOD> <pattern>\" with a method of " + METHODS
                        + ", was \"" + entry + "\"");
            }
            return new PublicPath(HttpMethod.valueOf(method), parts[1]);
        }

        @Override
        public String toString() {
            return method == null ? pattern : method.name() + " " + pattern;
        }
    }
}
