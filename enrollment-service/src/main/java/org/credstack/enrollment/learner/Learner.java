package org.credstack.enrollment.learner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learner and the identifiers partners know them by; one document in {@value Learners#COLLECTION}.
 *
 * <p>Invariants: a display name; at least one email, the first being the primary; no identifier twice. Uniqueness
 * across learners is the unique index on {@code identifierKeys} (see {@link IdentifierKeys}).
 *
 * @param id learner id
 * @param displayName name shown to people and put in awarded credentials
 * @param emails email addresses, primary first
 * @param accounts accounts on partner systems
 * @param identifierKeys every key the learner is found by, derived from emails and accounts
 * @param registeredAt when the learner was registered, UTC
 * @param version optimistic lock
 */
@Document(Learners.COLLECTION)
record Learner(
        @Id String id,
        String displayName,
        List<String> emails,
        List<PartnerAccount> accounts,
        List<String> identifierKeys,
        Instant registeredAt,
        @Version Long version) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static Learner register(
            String id, String displayName, List<String> emails, List<PartnerAccount> accounts, Instant at) {
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidIdentifier("displayName", "a learner has a display name");
        }
        if (emails == null || emails.isEmpty()) {
            throw new InvalidIdentifier("emails", "a learner has at least one email; the first is the primary");
        }
        return new Learner(id, displayName.strip(), List.of(), List.of(), List.of(), at, null)
                .withIdentifiers(emails, accounts);
    }

    /**
     * This learner with more identifiers; those already held are ignored, so adding is idempotent.
     *
     * @throws InvalidIdentifier naming {@code emails[i]} or {@code accounts[i].homePage|name}
     */
    Learner withIdentifiers(List<String> newEmails, List<PartnerAccount> newAccounts) {
        List<String> allEmails = new ArrayList<>(emails);
        List<String> list = newEmails == null ? List.of() : newEmails;
        for (int i = 0; i < list.size(); i++) {
            String email = list.get(i);
            if (email == null || !EMAIL.matcher(email).matches()) {
                throw new InvalidIdentifier("emails[" + i + "]", "an email address such as ada@example.com");
            }
            if (allEmails.stream().noneMatch(e -> IdentifierKeys.mbox(e).equals(IdentifierKeys.mbox(email)))) {
                allEmails.add(email);
            }
        }
        List<PartnerAccount> allAccounts = new ArrayList<>(accounts);
        List<PartnerAccount> more = newAccounts == null ? List.of() : newAccounts;
        for (int i = 0; i < more.size(); i++) {
            PartnerAccount account = more.get(i);
            if (account == null) {
                throw new InvalidIdentifier("accounts[" + i + "]", "an account has a homePage and a name");
            }
            PartnerAccount valid = PartnerAccount.of(account.homePage(), account.name(), "accounts[" + i + "]");
            if (!allAccounts.contains(valid)) {
                allAccounts.add(valid);
            }
        }
        return new Learner(
                id,
                displayName,
                List.copyOf(allEmails),
                List.copyOf(allAccounts),
                keys(allEmails, allAccounts),
                registeredAt,
                version);
    }

    String primaryEmail() {
        return emails.getFirst();
    }

    private static List<String> keys(List<String> emails, List<PartnerAccount> accounts) {
        Set<String> keys = new LinkedHashSet<>();
        emails.forEach(e -> keys.addAll(IdentifierKeys.ofEmail(e)));
        accounts.forEach(a -> keys.add(a.key()));
        return List.copyOf(keys);
    }
}
