package org.credstack.identity.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The user store: creates accounts with hashed passwords and finds them by {@code _id} or by the unique {@code
 * email} index. As Spring Security's {@link UserDetailsService} it answers the sign-in form, which asks by e-mail,
 * with a {@link UserDetails} whose username is the account's <em>id</em>: the principal name of an authorization,
 * hence the {@code sub} of its tokens, is the id, never the e-mail.
 */
@Component
public class UserAccounts implements UserDetailsService {

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final Clock clock;

    UserAccounts(MongoTemplate mongo, PasswordEncoder passwords, Clock clock) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Stores a new account under a new UUID, its password hashed.
     *
     * @param email compared and stored trimmed and lower-cased
     * @throws EmailTaken if an account has this e-mail (nothing is stored)
     */
    public UserAccount create(
            String email, String password, String displayName, List<Role> roles, List<String> providerIds) {
        UserAccount account = new UserAccount(
                UUID.randomUUID().toString(),
                normalized(email),
                passwords.encode(password),
                displayName.strip(),
                List.copyOf(roles),
                List.copyOf(providerIds),
                clock.instant());
        try {
            return mongo.insert(account);
        } catch (DuplicateKeyException e) {
            throw new EmailTaken(account.email());
        }
    }

    /** The account with this id ({@code _id}). */
    public Optional<UserAccount> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, UserAccount.class));
    }

    /** The account with this e-mail (unique index), compared trimmed and lower-cased. */
    public Optional<UserAccount> byEmail(String email) {
        return Optional.ofNullable(
                mongo.findOne(Query.query(Criteria.where("email").is(normalized(email))), UserAccount.class));
    }

    /**
     * For the sign-in form: the account of this e-mail as a principal named by its id, with {@code ROLE_*}
     * authorities.
     *
     * @throws UsernameNotFoundException if no account has this e-mail
     */
    @Override
    public UserDetails loadUserByUsername(String email) {
        UserAccount account = byEmail(email).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(account.id())
                .password(account.passwordHash())
                .authorities(account.roles().stream().map(Role::authority).toArray(String[]::new))
                .build();
    }

    /** Trimmed and lower-cased: how e-mails are stored and compared. */
    public static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
