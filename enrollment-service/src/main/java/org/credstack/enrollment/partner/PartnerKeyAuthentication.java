package org.credstack.enrollment.partner;

import java.util.List;
import org.credstack.runtime.security.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a partner key over HTTP Basic (RFC 7617: user name = key id, password = secret): the
 * role {@code partner} of the key's one provider. The secret is not kept.
 */
final class PartnerKeyAuthentication extends AbstractAuthenticationToken {

    private final String keyId;
    private final String providerId;

    PartnerKeyAuthentication(String keyId, String providerId) {
        super(List.of(new SimpleGrantedAuthority(Role.PARTNER.authority())));
        this.keyId = keyId;
        this.providerId = providerId;
        setAuthenticated(true);
    }

    String providerId() {
        return providerId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return keyId;
    }

    /** Checks the Basic user name and password against {@link PartnerKeys}. */
    static final class Provider implements AuthenticationProvider {

        private final PartnerKeys keys;

        Provider(PartnerKeys keys) {
            this.keys = keys;
        }

        @Override
        public Authentication authenticate(Authentication basic) {
            String secret = basic.getCredentials() == null
                    ? null
                    : basic.getCredentials().toString();
            return keys.authenticate(basic.getName(), secret)
                    .map(key -> new PartnerKeyAuthentication(key.id(), key.providerId()))
                    .orElseThrow(() -> new BadCredentialsException("unknown or revoked partner key, or wrong secret"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
