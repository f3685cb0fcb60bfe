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
 * The version header of the xAPI resources (xAPI Communication section 3.3, "Versioning"): every request to
 * {@code /xapi/**} names {@code X-Experience-API-Version} {@code 1.0.x} or {@code 2.0.x}, else it is answered 400
 * ({@code unsupported-xapi-version}, its {@code errors} naming the header as {@code field}); every response carries the header, echoing the request's version ({@code 2.0.0}
 * when it named none we speak).
 */
@Component
@Order(XapiVersionFilter.ORDER)
class XapiVersionFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Experience-API-Version";

    /**
     * Just before Spring Security's filters ({@code spring.security.filter.order}, -100): a 401 or 403 on {@code
     * /xapi/**} carries the version header too, and a request without a supported version is answered 400 first.
     */
    static final int ORDER = -101;

    private static final Pattern SUPPORTED = Pattern.compile("(1\\.0|2\\.0)(\\.\\d+)?");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/xapi/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String version = request.getHeader(HEADER);
        if (version == null || !SUPPORTED.matcher(version.strip()).matches()) {
            response.setHeader(HEADER, "2.0.0");
            reject(response, version);
            return;
        }
        response.setHeader(HEADER, version.strip());
        chain.doFilter(request, response);
    }

    private void reject(HttpServletResponse response, String version) throws IOException {
        String detail = version == null
                ? "the X-Experience-API-Version header is required"
                : "X-Experience-API-Version " + Problems.echo(version) + " is not supported; use 1.0.x or 2.0.x";
        Problems.write(
                response,
                Problems.problem(
                        HttpStatus.BAD_REQUEST,
                        "unsupported-xapi-version",
                        "Bad Request",
                        detail,
                        List.of(ProblemError.field(HEADER, detail))));
    }
}
