package org.credstack.enrollment.partner;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.credstack.runtime.problem.Problems;
import org.credstack.runtime.security.CredStackSecurityAutoConfiguration;
import org.credstack.runtime.security.Role;
import org.credstack.runtime.security.SecurityProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain of {@code /xapi/**} (docs/partner-keys.md), before the kit's chain: a partner authenticates with
 * HTTP Basic (key id and secret, the xAPI LRS convention, xAPI Communication section 4) or a bearer token of role
 * {@code partner}; operators' bearer tokens pass too. Anyone else: 403; no or bad credentials: 401 with both
 * challenges, {@code WWW-Authenticate: Basic realm="xAPI"} and {@code Bearer}, and an RFC 9457 problem. Stateless;
 * no CSRF (no cookie carries credentials).
 */
@Configuration(proxyBeanMethods = false)
class XapiSecurity {

    static final String REALM = "xAPI";

    @Bean
    @Order(CredStackSecurityAutoConfiguration.FILTER_CHAIN_ORDER - 10)
    SecurityFilterChain xapiFilterChain(
            HttpSecurity http, PartnerKeys keys, Converter<Jwt, JwtAuthenticationToken> callerClaims) throws Exception {
        SecurityProblems problems = new SecurityProblems();
        AuthenticationEntryPoint challenge = new Challenge(problems);
        http.securityMatcher("/xapi/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authenticationProvider(new PartnerKeyAuthentication.Provider(keys))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(challenge))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(callerClaims))
                        .authenticationEntryPoint(challenge)
                        .accessDeniedHandler(problems))
                .authorizeHttpRequests(
                        requests -> requests.anyRequest().hasAnyRole(Role.PARTNER.name(), Role.OPERATOR.name()))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(challenge).accessDeniedHandler(problems));
        return http.build();
    }

    /** 401 with the Basic challenge before the kit's Bearer one, and the kit's problem (ours for a bad key or none). */
    private record Challenge(SecurityProblems problems) implements AuthenticationEntryPoint {

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            if (e instanceof BadCredentialsException) {
                refuse(request, response, "the partner key is unknown or revoked, or its secret is wrong");
                return;
            }
            if (!(e instanceof InvalidBearerTokenException)) {
                // nothing sent: say both ways in, not only the bearer one
                refuse(request, response, "a partner key (HTTP Basic) or a bearer access token is required");
                return;
            }
            problems.commence(request, response, e);
        }

        /** 401 with the bearer challenge too (the Basic one is sent already) and an {@code unauthorized} problem. */
        private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
                throws IOException {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(
                    request,
                    response,
                    Problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail));
        }
    }
}
