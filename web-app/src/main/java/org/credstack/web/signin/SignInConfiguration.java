package org.credstack.web.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.credstack.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in through the platform's OpenID Connect provider (docs/web-app.md, "Sign-in"): the authorization code flow
 * with PKCE (RFC 7636, S256) as the web app's confidential client, the tokens kept in the person's session, and the
 * roles of the ID token ({@code roles}: {@code learner}, {@code provider_staff}, {@code operator}) deciding which
 * pages they may open:
 *
 * <ul>
 *   <li>{@code /my/**}: learners; {@code /provider/**}: provider staff; {@code /operator/**}: operators;
 *       {@code /account}: anyone signed in;
 *   <li>everything else (the catalog, public credential pages, assets, health) is open to everyone.
 * </ul>
 *
 * A person who is not signed in and opens a page that needs it is sent straight to the provider; a signed-in person
 * without the role gets a 403 page. Forms are protected by CSRF tokens (htmx sends the token as a header, see
 * {@code fragments.html}). Signing out ({@code POST /sign-out}) ends the app's session.
 */
@Configuration(proxyBeanMethods = false)
public class SignInConfiguration {

    /** The registration id: the callback is {@code /login/oauth2/code/credstack}. */
    public static final String REGISTRATION_ID = "credstack";

    /** Where signing in starts. */
    public static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

    /** Where a failed sign-in ends (an ID token that does not check out, an error from the provider). */
    public static final String SIGN_IN_FAILED_PATH = "/sign-in-failed";

    /** The learner role claim value. */
    public static final String LEARNER = "learner";

    /** The provider staff role claim value. */
    public static final String PROVIDER_STAFF = "provider_staff";

    /** The operator role claim value. */
    public static final String OPERATOR = "operator";

    /** The ID token claim with the platform roles (docs/identity.md, "Claims"). */
    static final String ROLES_CLAIM = "roles";

    /** The ID token claim with the providers of a member of staff. */
    static final String PROVIDER_IDS_CLAIM = "provider_ids";

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, WebProperties properties)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/my/**")
                        .hasRole(authority(LEARNER))
                        .requestMatchers("/provider/**")
                        .hasRole(authority(PROVIDER_STAFF))
                        .requestMatchers("/operator/**", "/actuator/metrics/**")
                        .hasRole(authority(OPERATOR))
                        .requestMatchers("/account/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2Login(login -> login.loginPage(SIGN_IN_PATH)
                        .failureUrl(SIGN_IN_FAILED_PATH)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(platformRoles())))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/catalog?signed-out"))
                .addFilterBefore(
                        new PublicHostForSignIn(properties.publicBaseUrl()),
                        OAuth2AuthorizationRequestRedirectFilter.class);
        return http.build();
    }

    /**
     * The app's client at the provider. The endpoints are set, not discovered, so the app starts while the provider
     * is still starting; the issuer is set too, so an ID token from another issuer is refused. The redirect URI is
     * the public base URL's callback, exactly as the provider has it registered. Identity-service's endpoints under
     * {@code identityUrl} unless {@code credstack.web.oidc.*} names another provider's.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(WebProperties properties) {
        return new InMemoryClientRegistrationRepository(registration(properties));
    }

    static ClientRegistration registration(WebProperties properties) {
        String identity = withoutTrailingSlash(properties.identityUrl());
        WebProperties.Oidc oidc = properties.oidc();
        String issuer = oidc.issuer() == null ? identity : withoutTrailingSlash(oidc.issuer());
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("CredStack")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(withoutTrailingSlash(properties.publicBaseUrl()) + "/login/oauth2/code/" + REGISTRATION_ID)
                .scope("openid", "profile", "email", "credstack")
                .issuerUri(issuer)
                .authorizationUri(orElse(oidc.authorizationUri(), identity + "/oauth2/authorize"))
                .tokenUri(orElse(oidc.tokenUri(), identity + "/oauth2/token"))
                .jwkSetUri(orElse(oidc.jwkSetUri(), identity + "/oauth2/jwks"))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .build();
    }

    private static String orElse(URI configured, String identityServiceDefault) {
        return configured == null ? identityServiceDefault : configured.toString();
    }

    /** The person's tokens live in their session: signing out or the session ending forgets them. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out a current access token, using the refresh token when the access token has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /** The ID token's {@code roles} as {@code ROLE_LEARNER}, {@code ROLE_PROVIDER_STAFF}, {@code ROLE_OPERATOR}. */
    static GrantedAuthoritiesMapper platformRoles() {
        return authorities -> {
            List<GrantedAuthority> mapped = new ArrayList<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    List<String> roles = oidc.getIdToken().getClaimAsStringList(ROLES_CLAIM);
                    if (roles != null) {
                        roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + authority(role))));
                    }
                }
            }
            return mapped;
        };
    }

    /** {@code provider_staff} → {@code PROVIDER_STAFF}. */
    static String authority(String role) {
        return role.toUpperCase(Locale.ROOT);
    }

    static List<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()).toLowerCase(Locale.ROOT))
                .toList();
    }

    private static String withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Starts sign-in on the public base URL's host: the provider redirects back there (the only redirect URI it
     * has registered), so an authorization request saved in a session on another host name ({@code localhost}
     * instead of {@code 127.0.0.1}) would not be found on the way back.
     */
    static final class PublicHostForSignIn extends OncePerRequestFilter {

        private final URI publicBaseUrl;

        PublicHostForSignIn(URI publicBaseUrl) {
            this.publicBaseUrl = publicBaseUrl;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith(SIGN_IN_PATH);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            int publicPort = publicBaseUrl.getPort() == -1
                    ? ("https".equals(publicBaseUrl.getScheme()) ? 443 : 80)
                    : publicBaseUrl.getPort();
            boolean samePlace = request.getServerName().equalsIgnoreCase(publicBaseUrl.getHost())
                    && request.getServerPort() == publicPort
                    && request.getScheme().equalsIgnoreCase(publicBaseUrl.getScheme());
            if (samePlace) {
                chain.doFilter(request, response);
                return;
            }
            response.sendRedirect(UriComponentsBuilder.fromUri(publicBaseUrl)
                    .path(request.getRequestURI())
                    .query(request.getQueryString())
                    .build(true)
                    .toUriString());
        }
    }
}
