package org.credstack.runtime.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.credstack.runtime.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What the filter chain answers before any controller runs, as RFC 9457 problems: 401 {@code
 * urn:credstack:problem:unauthorized} with the RFC 6750 {@code WWW-Authenticate: Bearer ...} challenge (with {@code
 * error="invalid_token"} when a token was sent but refused), and 403 {@code urn:credstack:problem:forbidden} for a
 * path whose role the caller lacks. Public so a service's own filter chain (partner keys) answers the same.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenge.commence(request, response, e);
        String detail = e instanceof InvalidBearerTokenException
                ? "the bearer access token is not valid: expired, not signed by a trusted key, or not meant for"
                        + " this service"
                : "a bearer access token is required";
        Problems.write(
                request,
                response,
                Problems.problem(
                        HttpStatus.UNAUTHORIZED, UnauthorizedException.NAME, UnauthorizedException.TITLE, detail));
    }

    /**
     * Answers a request Spring Security's firewall refuses before any filter runs (an encoded {@code /}, {@code \\} or
     * {@code %}, a path parameter {@code ;}, a control character in the path) with a 400 problem {@code
     * urn:credstack:problem:invalid-request-target} instead of the servlet container's error page. Nothing behind the
     * firewall runs, so nothing is read or stored.
     */
    public static RequestRejectedHandler requestRejected() {
        return (request, response, e) -> Problems.write(
                response,
                Problems.problem(
                        HttpStatus.BAD_REQUEST,
                        "invalid-request-target",
                        "Invalid request target",
                        "the request's path is refused: encoded slashes, backslashes or percent signs, path parameters"
                                + " (;) and control characters are not allowed"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        denied.handle(request, response, e);
        Problems.write(
                request,
                response,
                Problems.problem(
                        HttpStatus.FORBIDDEN,
                        ForbiddenException.NAME,
                        ForbiddenException.TITLE,
                        "the caller's roles do not allow this request"));
    }
}
