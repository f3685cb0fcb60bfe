package org.credstack.runtime.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads the {@link Caller} out of a validated token by the claim names of {@link SecurityProperties}, and turns a
 * token into the authentication of the request: its name is the caller's id, its authorities the roles
 * ({@code ROLE_LEARNER}, ...).
 */
final class CallerClaims implements Converter<Jwt, JwtAuthenticationToken> {

    private final SecurityProperties properties;

    CallerClaims(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public JwtAuthenticationToken convert(Jwt jwt) {
        Caller caller = callerOf(jwt);
        List<GrantedAuthority> authorities = caller.roles().stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, caller.id());
    }

    /** The caller a token names; a token without an id was refused by the decoder already. */
    Caller callerOf(Jwt jwt) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String name : strings(claim(jwt, properties.rolesClaim()))) {
            Role.fromClaim(name).ifPresent(roles::add);
        }
        Set<String> providerIds = new LinkedHashSet<>(strings(claim(jwt, properties.providerIdsClaim())));
        return new Caller(String.valueOf(claim(jwt, properties.idClaim())), roles, providerIds);
    }

    /** The claim of that name, else the value at that dotted path through nested objects, else null. */
    static Object claim(Jwt jwt, String name) {
        Map<String, Object> claims = jwt.getClaims();
        if (claims.containsKey(name) || !name.contains(".")) {
            return claims.get(name);
        }
        Object value = claims;
        for (String step : name.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(step);
        }
        return value;
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            List<String> strings = new ArrayList<>();
            for (Object each : values) {
                if (each != null) {
                    strings.add(each.toString());
                }
            }
            return strings;
        }
        if (value instanceof String text && !text.isBlank()) {
            return List.of(text.trim().split("\\s+"));
        }
        return List.of();
    }
}
