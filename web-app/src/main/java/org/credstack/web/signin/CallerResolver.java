package org.credstack.web.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Objects;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link Caller} controller parameter from the session: the signed-in person's ID token claims and a
 * current access token (refreshed with the refresh token when it has expired). With nobody signed in, or when the
 * session's tokens can no longer be refreshed, it throws {@link ClientAuthorizationRequiredException}, which
 * sends the browser to sign in again.
 */
@Component
class CallerResolver implements HandlerMethodArgumentResolver {

    private final OAuth2AuthorizedClientManager authorizedClients;

    CallerResolver(OAuth2AuthorizedClientManager authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken signedIn)
                || !(signedIn.getPrincipal() instanceof OidcUser person)) {
            throw new ClientAuthorizationRequiredException(SignInConfiguration.REGISTRATION_ID);
        }
        OAuth2AuthorizedClient client = authorizedClients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(
                        SignInConfiguration.REGISTRATION_ID)
                .principal(signedIn)
                .attribute(HttpServletRequest.class.getName(), webRequest.getNativeRequest(HttpServletRequest.class))
                .attribute(HttpServletResponse.class.getName(), webRequest.getNativeResponse(HttpServletResponse.class))
                .build());
        if (client == null) {
            throw new ClientAuthorizationRequiredException(SignInConfiguration.REGISTRATION_ID);
        }
        return new Caller(
                person.getSubject(),
                Objects.requireNonNullElse(person.getFullName(), Objects.requireNonNullElse(person.getEmail(), "")),
                Objects.requireNonNullElse(person.getEmail(), ""),
                SignInConfiguration.roles(signedIn.getAuthorities()),
                Objects.requireNonNullElse(
                        person.getIdToken().getClaimAsStringList(SignInConfiguration.PROVIDER_IDS_CLAIM), List.of()),
                client.getAccessToken().getTokenValue());
    }
}
