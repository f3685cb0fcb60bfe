package org.credstack.web.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@code GET /account}: who is signed in, with which roles, and for which providers; and the way out. {@code GET
 * /sign-in-failed}: a 401 page with a way to try again, where a sign-in that did not check out ends.
 */
@Controller
class AccountController {

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);

    /**
     * The failed sign-in's reason, from the session where Spring Security left it: an OAuth 2.0 error code ({@code
     * invalid_id_token}, {@code authorization_request_not_found}, ...) is logged with its description and shown; any
     * other reason only logged.
     */
    @GetMapping(SignInConfiguration.SIGN_IN_FAILED_PATH)
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    String signInFailed(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof OAuth2AuthenticationException oauth) {
            log.warn(
                    "sign-in failed: {} {}",
                    oauth.getError().getErrorCode(),
                    oauth.getError().getDescription());
            model.addAttribute("reason", oauth.getError().getErrorCode());
        } else if (failure instanceof Exception other) {
            log.warn("sign-in failed: {}", other.toString());
        }
        return "sign-in-failed";
    }

    @GetMapping("/account")
    String account(Caller caller, Model model) {
        model.addAttribute("caller", caller);
        return "account";
    }
}
