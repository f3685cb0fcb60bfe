package org.credstack.identity.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.credstack.identity.Secrets;
import org.credstack.runtime.audit.AuditLog;
import org.credstack.runtime.audit.AuditTarget;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators make provider-staff accounts: {@code POST /api/v1/providers/{providerId}/staff} (bearer token with role
 * {@code operator}, else 401/403) answers 201 with an account whose {@code roles} are {@code [provider_staff]} and
 * {@code provider_ids} {@code [providerId]}; 400 {@code invalid-request}, 409 {@code email-taken}.
 */
@RestController
class StaffController {

    static final String PROVIDER_ID = "[A-Za-z0-9._-]{1,100}";

    private final UserAccounts accounts;
    private final AuditLog audit;

    StaffController(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @PostMapping("/api/v1/providers/{providerId}/staff")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedStaff create(
            @PathVariable @Pattern(regexp = PROVIDER_ID) String providerId, @Valid @RequestBody NewStaff request) {
        NewAccount.requireHashable(request.password());
        String generated = request.password() == null ? Secrets.random() : null;
        UserAccount account = accounts.create(
                request.email(),
                generated == null ? request.password() : generated,
                request.displayName(),
                List.of(Role.PROVIDER_STAFF),
                List.of(providerId));
        audit.record(
                "staff-account.created",
                AuditTarget.ofProvider(providerId, "/api/v1/providers/" + providerId + "/staff/" + account.id()),
                Map.of("accountId", account.id()));
        return CreatedStaff.of(account, generated);
    }
}
