package org.credstack.enrollment.learner;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A learner's account on a partner's learning system: the xAPI {@code account} identifier (xAPI Data section
 * 2.4.2.4).
 *
 * @param homePage absolute http(s) URL of the partner system
 * @param name the account's id or name there; not blank
 * @throws InvalidIdentifier naming {@code <field>.homePage} or {@code <field>.name}
 */
public record PartnerAccount(String homePage, String name) {

    static PartnerAccount of(String homePage, String name, String field) {
        if (!isHttpUrl(homePage)) {
            throw new InvalidIdentifier(field + ".homePage", "homePage is an absolute http(s) URL");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidIdentifier(field + ".name", "name is the account's non-empty name on that system");
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
