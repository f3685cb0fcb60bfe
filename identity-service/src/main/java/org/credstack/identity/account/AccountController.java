package org.credstack.identity.account;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Learners' own accounts: {@code POST /api/v1/accounts} registers a learner (anonymous; 201 with the account, whose
 * {@code id} is the new learner id; 400 {@code invalid-request} naming the field; 409 {@code email-taken}; nothing
 * stored on either), {@code GET /api/v1/accounts/me} shows the caller's account (bearer token of a person).
 */
@RestController
class AccountController {

    private final UserAccounts accounts;

    AccountController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView register(@Valid @RequestBody NewAccount request) {
        NewAccount.requireHashable(request.password());
        return AccountView.of(accounts.create(
                request.email(), request.password(), request.displayName(), List.of(Role.LEARNER), List.of()));
    }

    @GetMapping("/api/v1/accounts/me")
    AccountView me(@AuthenticationPrincipal Jwt token) {
        return accounts.byId(token.getSubject())
                .map(AccountView::of)
                .orElseThrow(() -> new AccountNotFound(token.getSubject()));
    }
}
