package org.credstack.runtime.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.credstack.runtime.resilience.OutboundCallProperties;
import org.credstack.runtime.resilience.OutboundCalls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Makes a service an OAuth2 resource server under the CredStack identity contract (docs/security.md). Inert unless
 * the service depends on {@code spring-boot-starter-security-oauth2-resource-server} itself: platform-runtime only
 * declares it optional.
 *
 * <ul>
 *   <li>Every request needs a valid bearer JWT ({@link TokenDecoder}), except the {@link PublicPaths#PLATFORM}
 *       ones and those of the service's {@link PublicPaths} beans; the dead-letter endpoints and the audit log need
 *       {@link Role#OPERATOR}. Ownership (which learner, which provider) is checked by the service with {@link
 *       Access}.
 *   <li>Stateless: no session, no CSRF token (no cookies carry credentials), no saved requests.
 *   <li>The token's roles become authorities {@code ROLE_LEARNER}, ... ({@link CallerClaims}).
 *   <li>401 and 403 are problems ({@link SecurityProblems}); {@link ForbiddenException} and {@link
 *       UnauthorizedException} from a controller go through the platform's problem advice.
 * </ul>
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(
        name = {
            "org.springframework.web.servlet.DispatcherServlet",
            "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties"
        })
@EnableConfigurationProperties({SecurityProperties.class, OAuth2ResourceServerProperties.class})
@EnableWebSecurity
public class CredStackSecurityAutoConfiguration {

    /**
     * The order of the kit's filter chain. A service that needs a chain of its own for some paths (HTTP Basic
     * partner keys on {@code /xapi/**}, ...) declares it with a {@code securityMatcher} and a lower {@code @Order},
     * answering with {@link SecurityProblems}; every other request still goes through the kit's chain.
     */
    public static final int FILTER_CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    /**
     * Paths only operators may call, whatever a service declares: the platform's dead-letter endpoints, audit log and
     * operations endpoints (consumer lag, counts of the last hour), and the service's metrics (health, info and the Prometheus scrape stay public: docs/metrics.md). A service with filter chains of its own (identity-service)
     * keeps them to operators too.
     */
    public static final List<String> OPERATOR_PATHS =
            List.of("/api/v1/dead-letters/**", "/api/v1/audit-log/**", "/api/v1/operations/**", "/actuator/metrics/**");

    @Bean
    @Order(FILTER_CHAIN_ORDER)
    SecurityFilterChain credstackSecurityFilterChain(
            HttpSecurity http, ObjectProvider<PublicPaths> servicePaths, CallerClaims claims) throws Exception {
        SecurityProblems problems = new SecurityProblems();
        RequestMatcher operatorOnly = new OrRequestMatcher(OPERATOR_PATHS.stream()
                .map(path -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(path))
                .toList());
        RequestMatcher open = publicRequests(servicePaths);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(operatorOnly)
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(open)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(claims))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Requests the firewall refuses are answered as problems too ({@link SecurityProblems#requestRejected()}). */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler credstackRequestRejectedHandler() {
        return SecurityProblems.requestRejected();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder credstackJwtDecoder(
            OAuth2ResourceServerProperties resourceServer,
            SecurityProperties properties,
            ObjectProvider<OutboundCalls> calls) {
        OutboundCalls outbound =
                calls.getIfAvailable(() -> new OutboundCalls(new OutboundCallProperties(Map.of()), Clock.systemUTC()));
        return TokenDecoder.from(resourceServer.getJwt(), properties, JwksClient.through(outbound), Clock.systemUTC());
    }

    @Bean
    CallerClaims credstackCallerClaims(SecurityProperties properties) {
        return new CallerClaims(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    Access credstackAccess(CallerClaims claims) {
        return new Access(claims);
    }

    private static RequestMatcher publicRequests(ObjectProvider<PublicPaths> servicePaths) {
        List<PublicPaths.PublicPath> paths = new ArrayList<>(PublicPaths.PLATFORM.paths());
        servicePaths.orderedStream().forEach(declared -> paths.addAll(declared.paths()));
        List<RequestMatcher> matchers = new ArrayList<>();
        for (PublicPaths.PublicPath path : paths) {
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(path.method(), path.pattern()));
            if (HttpMethod.GET.equals(path.method())) {
                matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, path.pattern()));
            }
        }
        return new OrRequestMatcher(matchers);
    }
}
