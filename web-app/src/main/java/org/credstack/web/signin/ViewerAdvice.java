package org.credstack.web.signin;

import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the {@link Viewer} ({@code viewer} in templates): the header shows what the person may open. */
@ControllerAdvice
class ViewerAdvice {

    @ModelAttribute("viewer")
    Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser person) {
            return new Viewer(
                    true,
                    Objects.requireNonNullElse(person.getFullName(), Objects.requireNonNullElse(person.getEmail(), "")),
                    SignInConfiguration.roles(authentication.getAuthorities()));
        }
        return Viewer.ANONYMOUS;
    }
}
