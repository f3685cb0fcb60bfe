package org.credstack.web.signin;

import org.springframework.http.HttpStatus;
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

    @GetMapping(SignInConfiguration.SIGN_IN_FAILED_PATH)
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    String signInFailed() {
        return "sign-in-failed";
    }

    @GetMapping("/account")
    String account(Caller caller, Model model) {
        model.addAttribute("caller", caller);
        return "account";
    }
}
