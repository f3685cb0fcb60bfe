package org.credstack.enrollment.learner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.credstack.runtime.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learner and the identifiers partners know them by; one document in {@value Learners#COLLECTION}.
 *
 * <p>Invariants: an id of 1 to 128 letters, digits or {@code . _ ~ @ -} (it is a path segment); a display name of
 * at most {@value #MAX_NAME} characters without control characters; one to {@value #MAX_IDENTIFIERS} email
 * addresses (at most {@value #MAX_EMAIL} characters, no scheme such as {@code mailto:}, one {@code @}, a dotted
 * domain, no spaces or control characters), the first being the primary; at most {@value #MAX_IDENTIFIERS} accounts;
 * no identifier twice. The same caps hold for one request adding identifiers. Uniqueness across learners is the
 * unique index on {@code identifierKeys} (see {@link IdentifierKeys}).
 *
 * @param id learner id
 * @param displayName name shown to people and put in awarded credentials
 * @param emails email addresses, primary first
 * @param accounts accounts on partner systems
 * @param identifierKeys every key the learner is found by, derived from emails and accounts
 * @param foldedKeys the {@link IdentifierKeys#folded} keys of the emails, not unique across learners; a document
 *     stored before they existed reads them from its emails
 * @param registeredAt when the learner was registered, UTC
 * @param pendingEvents events not yet published ({@code LearnerEmailChanged}); never {@code null}
 * @param version optimistic lock
 */
@Document(Learners.COLLECTION)
record Learner(
        @Id String id,
        String displayName,
        List<String> emails,
        List<PartnerAccount> accounts,
        List<String> identifierKeys,
        List<String> foldedKeys,
        Instant registeredAt,
        List<PendingEvent> pendingEvents,
        @Version Long version) {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_IDENTIFIERS = 10;

    /** RFC 5322 dot-atom local part (RFC 6531: letters beyond ASCII too) and a domain of at least two labels. */
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}"
            + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+[\\p{L}\\p{N}-]{2,63}");

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    /**
     * A learner id is one path segment of {@code /api/v1/learners/{learnerId}}: 1 to 128 unreserved characters (RFC
     * 3986 section 2.3) or {@code @}, as identity providers' subjects are (UUIDs, Keycloak user ids).
     */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._~@-]{1,128}");

    /**
     * A learner stored before folded keys existed reads them from its emails; one stored before learners carried
     * events reads with none pending.
     */
    Learner {
        if (foldedKeys == null && emails != null) {
            foldedKeys = foldedKeys(emails);
        }
        pendingEvents = pendingEvents == null ? List.of() : pendingEvents;
    }

    static Learner register(
            String id, String displayName, List<String> emails, List<PartnerAccount> accounts, Instant at) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidIdentifier("id", "a learner id has 1 to 128 letters, digits or . _ ~ @ -");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidIdentifier("displayName", "a learner has a display name");
        }
        if (displayName.length() > MAX_NAME || hasControlCharacter(displayName)) {
            throw new InvalidIdentifier(
                    "displayName", "a display name has at most " + MAX_NAME + " characters and no control characters");
        }
        if (emails == null || emails.isEmpty()) {
            throw new InvalidIdentifier("emails", "a learner has at least one email; the first is the primary");
        }
        return new Learner(id, displayName.strip(), List.of(), List.of(), List.of(), List.of(), at, List.of(), null)
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
        List<PartnerAccount> more = newAccounts == null ? List.of() : newAccounts;
        requireAtMost(list.size(), "emails");
        requireAtMost(more.size(), "accounts");
        for (int i = 0; i < list.size(); i++) {
            String email = list.get(i);
            requireEmail(email, "emails[" + i + "]");
            if (allEmails.stream().noneMatch(e -> IdentifierKeys.mbox(e).equals(IdentifierKeys.mbox(email)))) {
                allEmails.add(email);
            }
        }
        List<PartnerAccount> allAccounts = new ArrayList<>(accounts);
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
        requireAtMost(allEmails.size(), "emails");
        requireAtMost(allAccounts.size(), "accounts");
        return new Learner(
                id,
                displayName,
                List.copyOf(allEmails),
                List.copyOf(allAccounts),
                keys(allEmails, allAccounts),
                foldedKeys(allEmails),
                registeredAt,
                pendingEvents,
                version);
    }

    /**
     * This learner reached at {@code email} from now on: it becomes the primary address, the previous primary stays
     * as a further email (partners' systems may still report statements under it). Returns this same learner when
     * {@code email} is already the primary, as written.
     *
     * @throws InvalidIdentifier naming {@code email} when it is not an email address or would be one too many
     */
    Learner withPrimaryEmail(String email) {
        requireEmail(email, "email");
        if (email.equals(primaryEmail())) {
            return this;
        }
        List<String> allEmails = new ArrayList<>(List.of(email));
        emails.stream()
                .filter(e -> !IdentifierKeys.mbox(e).equals(IdentifierKeys.mbox(email)))
                .forEach(allEmails::add);
        if (allEmails.size() > MAX_IDENTIFIERS) {
            throw new InvalidIdentifier("email", "a learner has at most " + MAX_IDENTIFIERS + " emails");
        }
        return new Learner(
                id,
                displayName,
                List.copyOf(allEmails),
                accounts,
                keys(allEmails, accounts),
                foldedKeys(allEmails),
                registeredAt,
                pendingEvents,
                version);
    }

    /** This learner with more events to publish, after those already pending. */
    Learner withPending(List<PendingEvent> staged) {
        List<PendingEvent> all = new ArrayList<>(pendingEvents);
        all.addAll(staged);
        return new Learner(
                id, displayName, emails, accounts, identifierKeys, foldedKeys, registeredAt, List.copyOf(all), version);
    }

    private static void requireEmail(String email, String field) {
        if (email == null || email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new InvalidIdentifier(field, "an email address such as ada@example.com");
        }
    }

    static boolean hasControlCharacter(String value) {
        return CONTROL.matcher(value).find();
    }

    private static void requireAtMost(int count, String field) {
        if (count > MAX_IDENTIFIERS) {
            throw new InvalidIdentifier(field, "a learner has at most " + MAX_IDENTIFIERS + " " + field);
        }
    }

    String primaryEmail() {
        return emails.getFirst();
    }

    static List<String> foldedKeys(List<String> emails) {
        return emails.stream().map(IdentifierKeys::foldedOfEmail).distinct().toList();
    }

    private static List<String> keys(List<String> emails, List<PartnerAccount> accounts) {
        Set<String> keys = new LinkedHashSet<>();
        emails.forEach(e -> keys.addAll(IdentifierKeys.ofEmail(e)));
        accounts.forEach(a -> keys.add(a.key()));
        return List.copyOf(keys);
    }
}
