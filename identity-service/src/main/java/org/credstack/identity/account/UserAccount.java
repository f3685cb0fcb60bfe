package org.credstack.identity.account;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in: a document of the {@code users} collection, read by {@code _id} (the {@code sub} of their
 * tokens; a learner's is their learner id) or by the unique {@code email}.
 *
 * @param id a UUID
 * @param email the sign-in e-mail, trimmed and lower-cased; unique
 * @param passwordHash the password as {@code DelegatingPasswordEncoder} stores it ({@code {bcrypt}...}); never the
 *     password
 * @param displayName how the person is named on pages
 * @param roles at least one
 * @param providerIds the providers a {@link Role#PROVIDER_STAFF} works for; empty otherwise
 * @param createdAt when the account was made
 */
@Document(UserAccount.COLLECTION)
public record UserAccount(
        @Id String id,
        @Indexed(unique = true) String email,
        String passwordHash,
        String displayName,
        List<Role> roles,
        List<String> providerIds,
        Instant createdAt) {

    public static final String COLLECTION = "users";

    /** The {@code roles} claim: {@code ["learner"]}. */
    public List<String> roleClaims() {
        return roles.stream().map(Role::claim).toList();
    }
}
