package org.credstack.runtime.audit;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.credstack.runtime.security.Access;
import org.credstack.runtime.security.Caller;
import org.credstack.runtime.security.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The actor of an audit entry: the bearer token's {@link Caller} (through {@link Access}); another authenticated
 * principal of the request (a partner key on {@code /xapi/**}) by its name and roles; else the service itself.
 */
class CallerActors implements Supplier<AuditActor> {

    private final Access access;
    private final AuditActor system;

    CallerActors(Access access, String application) {
        this.access = access;
        this.system = AuditActor.system(application);
    }

    @Override
    public AuditActor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return system;
        }
        if (authentication instanceof JwtAuthenticationToken) {
            Caller caller = access.caller();
            return new AuditActor(
                    caller.id(),
                    caller.roles().stream().map(Role::claimValue).toList(),
                    List.copyOf(caller.providerIds()));
        }
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()).toLowerCase(Locale.ROOT))
                .toList();
        return new AuditActor(authentication.getName(), roles, List.of());
    }
}
