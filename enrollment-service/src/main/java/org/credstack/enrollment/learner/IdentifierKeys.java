package org.credstack.enrollment.learner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The keys under which a learner is found from an xAPI inverse functional identifier (xAPI Data section 2.4.2.3).
 * One learner's keys are unique across all learners.
 *
 * <ul>
 *   <li>{@code mbox:<local>@<domain>}: an email address, the domain lower-cased (domains are case-insensitive, RFC
 *       5321 section 2.4; the local part is compared as written);
 *   <li>{@code sha1:<hex>}: the lower-case hex SHA-1 of {@code mailto:<address>}, for the address as registered and
 *       with its domain lower-cased, so an {@code mbox_sha1sum} made from either form matches;
 *   <li>{@code account:<homePage>|<name>}: a partner system's account.
 * </ul>
 *
 * <p>Besides these exact keys, each email address has a {@link #folded} key: its {@code mbox} key with the whole
 * address lower-cased. Many mail systems treat the local part case-insensitively and partners often send an address
 * in another case than the learner registered it; a statement whose {@code mbox} matches no exact key is matched by
 * its folded key when exactly one learner holds that (docs/lifecycle/ingestion.md). Folded keys are not unique.
 */
public final class IdentifierKeys {

    private static final String MAILTO = "mailto:";

    private IdentifierKeys() {}

    /** Key of an email address, or of an {@code mbox} IRI ({@code mailto:} is stripped). */
    public static String mbox(String emailOrMailto) {
        return "mbox:" + normalise(strip(emailOrMailto));
    }

    /** Key of an {@code mbox_sha1sum}. */
    public static String sha1(String hex) {
        return "sha1:" + hex.toLowerCase(Locale.ROOT);
    }

    /** Key of an {@code account}. */
    public static String account(String homePage, String name) {
        return "account:" + homePage + "|" + name;
    }

    /**
     * The case-folded form of an identifier key: for an {@code mbox} key, {@code mbox:} and the whole address
     * lower-cased ({@link Locale#ROOT}); {@code null} for any other key (accounts and hashes are compared exactly).
     *
     * @param key one of the keys above, or {@code null}
     */
    public static String folded(String key) {
        return key == null || !key.startsWith("mbox:") ? null : key.toLowerCase(Locale.ROOT);
    }

    /** The folded key of an email address. */
    static String foldedOfEmail(String email) {
        return folded(mbox(email));
    }

    /** Every key an email address is found by: its {@code mbox} key and its {@code mbox_sha1sum} keys. */
    static Set<String> ofEmail(String email) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(mbox(email));
        keys.add(sha1(sha1Hex(MAILTO + email)));
        keys.add(sha1(sha1Hex(MAILTO + normalise(email))));
        return keys;
    }

    private static String strip(String value) {
        return value.regionMatches(true, 0, MAILTO, 0, MAILTO.length()) ? value.substring(MAILTO.length()) : value;
    }

    private static String normalise(String email) {
        int at = email.lastIndexOf('@');
        return at < 0
                ? email
                : email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    static String sha1Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
