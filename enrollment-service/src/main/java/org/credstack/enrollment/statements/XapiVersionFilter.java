package org.credstack.enrollment.statements;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.credstack.runtime.problem.ProblemError;
import org.credstack.runtime.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The version header of the xAPI resources (xAPI Communication section 3.3, "Versioning"): every response to
 * {@code /xapi/**} carries {@code X-Experience-API-Version}, echoing the request's version ({@code 2.0.0} when it
 * named none we speak), a 401 or 403 included. Whether the request names {@code 1.0.x} or {@code 2.0.x} is checked
 * by {@link Check}, after authentication, so a caller without credentials hears 401 first.
 */
@Component
@Order(XapiVersionFilter.ORDER)
class XapiVersionFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Experience-API-Version";

    /**
     * Just before Spring Security's filters ({@code spring.security.filter.order}, -100): a 401 or 403 on {@code
     * /xapi/**} carries the version header too.
     */
    static final int ORDER = -101;

    private static final Pattern SUPPORTED = Pattern.compile("(1\\.0|2\\.0)(\\.\\d+)?");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isXapi(request);
    }

    static boolean isXapi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/xapi/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String version = request.getHeader(HEADER);
        response.setHeader(HEADER, supported(version) ? version.strip() : "2.0.0");
        chain.doFilter(request, response);
    }

    static boolean supported(String version) {
        return version != null && SUPPORTED.matcher(version.strip()).matches();
    }

    /**
     * Answers an authenticated request to {@code /xapi/**} that names no version we speak 400 {@code
     * unsupported-xapi-version}, its {@code errors} naming the header as {@code field}. Runs just after Spring
     * Security's filters.
     */
    @Component
    @Order(Check.ORDER)
    static class Check extends OncePerRequestFilter {

        /** Just after Spring Security's filters ({@code spring.security.filter.order}, -100). */
        static final int ORDER = -99;

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !isXapi(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String version = request.getHeader(HEADER);
            if (!supported(version)) {
                reject(request, response, version);
                return;
            }
            chain.doFilter(request, response);
        }

        private static void reject(HttpServletRequest request, HttpServletResponse response, String version)
                throws IOException {
            String detail = version == null
                    ? "the X-Experience-API-Version header is required"
                    : "X-Experience-API-Version " + Problems.echo(version) + " is not supported; use 1.0.x or 2.0.x";
            Problems.write(
                    request,
                    response,
                    Problems.problem(
                            HttpStatus.BAD_REQUEST,
                            "unsupported-xapi-version",
                            "Unsupported xAPI version",
                            detail,
                            List.of(ProblemError.field(HEADER, detail))));
        }
    }
}
