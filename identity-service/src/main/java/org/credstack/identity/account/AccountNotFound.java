package org.credstack.identity.account;

/** No account has this id (answered 404 {@code account-not-found}): a client's token, or a deleted account. */
public class AccountNotFound extends RuntimeException {

    public AccountNotFound(String id) {
        super("no account has the id " + id);
    }
}
