package org.credstack.identity.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.credstack.identity.account.AccountNotFound;
import org.credstack.identity.account.UserAccount;
import org.credstack.identity.account.UserAccounts;
import org.credstack.identity.client.MongoRegisteredClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts CredStack's claims into access and ID tokens (docs/identity.md, "Claims"): {@code roles} (JSON array) and,
 * when not empty, {@code provider_ids}; {@code scope} as one space-separated string (RFC 9068, section 2.2.3). For a person they come from their account, read by {@code _id} = the {@code
 * sub}, at each issue (a refresh picks up changed roles); for client credentials from the client's registration. A
 * person's ID token also gets {@code email} and {@code name}.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";
    static final String PROVIDER_IDS = "provider_ids";
    static final String SCOPE = "scope";

    private final UserAccounts accounts;

    TokenClaims(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!access && !id) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            ClientSettings settings = context.getRegisteredClient().getClientSettings();
            claims(
                    context,
                    MongoRegisteredClientRepository.listSetting(settings, MongoRegisteredClientRepository.ROLES),
                    MongoRegisteredClientRepository.listSetting(
                            settings, MongoRegisteredClientRepository.PROVIDER_IDS));
            return;
        }
        String accountId = context.getPrincipal().getName();
        UserAccount account = accounts.byId(accountId).orElseThrow(() -> new AccountNotFound(accountId));
        claims(context, account.roleClaims(), account.providerIds());
        if (id) {
            context.getClaims().claim("email", account.email()).claim("name", account.displayName());
        }
    }

    /**
     * Lists as {@link ArrayList}s: the claims are also kept in the stored authorization's metadata, whose JSON reader
     * allows only the JDK's plain collection types.
     */
    private static void claims(JwtEncodingContext context, List<String> roles, List<String> providerIds) {
        context.getClaims().claim(ROLES, new ArrayList<>(roles));
        if (!providerIds.isEmpty()) {
            context.getClaims().claim(PROVIDER_IDS, new ArrayList<>(providerIds));
        }
        context.getClaims().claims(claims -> {
            if (claims.get(SCOPE) instanceof Collection<?> scopes) {
                claims.put(SCOPE, scopes.stream().map(String::valueOf).collect(Collectors.joining(" ")));
            }
        });
    }
}
