package org.credstack.identity.account;

import java.util.List;

/**
 * An account as the API shows it (never its password hash).
 *
 * @param id the account's id: the {@code sub} of its tokens (a learner's learner id)
 * @param email the sign-in e-mail
 * @param displayName how the person is named
 * @param roles the {@code roles} claim values, e.g. {@code ["learner"]}
 * @param providerIds the {@code provider_ids} claim values (empty unless provider staff)
 */
record AccountView(String id, String email, String displayName, List<String> roles, List<String> providerIds) {

    static AccountView of(UserAccount account) {
        return new AccountView(
                account.id(), account.email(), account.displayName(), account.roleClaims(), account.providerIds());
    }
}
