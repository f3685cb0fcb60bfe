package org.credstack.enrollment.learner;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A learner's account on a partner's learning system: the xAPI {@code account} identifier (xAPI Data section
 * 2.4.2.4).
 *
 * @param homePage absolute http(s) URL of the partner system, at most {@value #MAX_HOME_PAGE} characters
 * @param name the account's id or name there; not blank, at most {@value #MAX_NAME} characters, no control
 *     characters
 * @throws InvalidIdentifier naming {@code <field>.homePage} or {@code <field>.name}
 */
public record PartnerAccount(String homePage, String name) {

    static final int MAX_HOME_PAGE = 2_000;
    static final int MAX_NAME = 500;

    static PartnerAccount of(String homePage, String name, String field) {
        if (homePage == null || homePage.length() > MAX_HOME_PAGE || !isHttpUrl(homePage)) {
            throw new InvalidIdentifier(
                    field + ".homePage",
                    "homePage is an absolute http(s) URL of at most " + MAX_HOME_PAGE + " characters");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME || Learner.hasControlCharacter(name)) {
            throw new InvalidIdentifier(
                    field + ".name",
                    "name is the account's non-empty name on that system, at most " + MAX_NAME
                            + " characters without control characters");
        }
        return new PartnerAccount(homePage, name);
    }

    String key() {
        return IdentifierKeys.account(homePage, name);
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null && uri.getScheme().matches("(?i)https?");
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }
}
