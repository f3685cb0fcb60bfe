package org.credstack.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.credstack.identity.token.SigningKeys;
import org.credstack.runtime.security.Access;
import org.credstack.runtime.security.CredStackSecurityAutoConfiguration;
import org.credstack.runtime.security.PublicPaths;
import org.credstack.runtime.security.SecurityProblems;
import org.credstack.runtime.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The three filter chains of the identity service, first match wins:
 *
 * <ol>
 *   <li>the OAuth 2.1 / OpenID Connect endpoints of Spring Authorization Server ({@code /oauth2/authorize}, {@code
 *       /oauth2/token}, {@code /oauth2/jwks}, {@code /.well-known/openid-configuration}, {@code /userinfo}, ...): a
 *       browser without a session is sent to the sign-in form;
 *   <li>{@code /api/**}: a stateless OAuth2 resource server checking this service's own JWTs (roles from the {@code
 *       roles} claim as {@code ROLE_LEARNER}, ...), {@code POST /api/v1/accounts} open to anyone, {@code
 *       /api/v1/providers/**} for operators only; 401 (with {@code WWW-Authenticate: Bearer}) and 403 as problems
 *       {@code unauthorized} and {@code forbidden};
 *   <li>everything else: the sign-in form ({@code /login}, e-mail and password), health, info and OpenAPI open.
 * </ol>
 *
 * Passwords and client secrets are hashed with Spring Security's {@code DelegatingPasswordEncoder} (bcrypt).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** 401 and 403 as every service answers them: problems with their {@code instance} and the bearer challenge. */
    private static final SecurityProblems PROBLEMS = new SecurityProblems();

    /**
     * The callers of {@code /api/**} read as every service reads them ({@code sub}, {@code roles}, {@code
     * provider_ids}); with it the platform's audit log records who made a staff account or a partner client, and
     * serves {@code GET /api/v1/audit-log} to operators (docs/audit-log.md).
     */
    @Bean
    Access access(SecurityProperties properties) {
        return Access.of(properties);
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(withDefaults());
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        http.oauth2ResourceServer(server -> server.jwt(withDefaults()));
        MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/actuator/metrics/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/accounts")
                        .permitAll()
                        .requestMatchers("/api/v1/providers/**")
                        .hasRole("OPERATOR")
                        // the platform's dead letters and metrics, as in every service
                        .requestMatchers(CredStackSecurityAutoConfiguration.OPERATOR_PATHS.toArray(String[]::new))
                        .hasRole("OPERATOR")
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(PROBLEMS)
                        .accessDeniedHandler(PROBLEMS))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(PROBLEMS).accessDeniedHandler(PROBLEMS));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                PublicPaths.PROMETHEUS,
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(withDefaults());
        // a browser is sent to the sign-in form; any other client gets a 401 problem, not an HTML redirect
        MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser)
                .defaultAuthenticationEntryPointFor(PROBLEMS, AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /** Requests the firewall refuses are answered as problems, as in every service. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return SecurityProblems.requestRejected();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Signs with the newest key of the ring only (a JWKS with several keys would leave the choice open). */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.signingKey())));
    }

    /**
     * Verifies with every published key of the ring, this service's own tokens only, allowing {@code exp} and {@code
     * nbf} the same clock skew as every other service ({@code credstack.security.clock-skew}, 30 s) rather than
     * Spring's 60 s.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties properties) {
        NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        decoder.setJwtValidator(new JwtTimestampValidator(properties.clockSkew()));
        return decoder;
    }

    /** {@code roles: ["operator"]} becomes the authority {@code ROLE_OPERATOR}. */
    private static Converter<Jwt, AbstractAuthenticationToken> roles() {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return new JwtAuthenticationToken(
                    jwt,
                    roles == null
                            ? List.of()
                            : roles.stream()
                                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
                                    .toList());
        };
    }
}
