package org.credstack.enrollment.xapi;

import static org.credstack.enrollment.xapi.StatementRejected.require;

import java.util.regex.Pattern;

/**
 * An inverse functional identifier: the one property that identifies an Agent or an identified Group (xAPI Data
 * section 2.4.2.3). Pointers in rejections name the JSON property ({@code /mbox}, {@code /account/homePage}).
 */
public sealed interface Ifi {

    /**
     * {@code mbox}: a {@code mailto:} IRI with an address after it.
     *
     * @param iri e.g. {@code mailto:learner@example.com}
     */
    record Mbox(String iri) implements Ifi {
        public Mbox {
            require(
                    iri != null && iri.startsWith("mailto:") && iri.indexOf('@') > "mailto:".length(),
                    "/mbox",
                    "mbox is a mailto: IRI such as mailto:learner@example.com");
        }
    }

    /**
     * {@code mbox_sha1sum}: the hex SHA-1 of a {@code mailto:} IRI.
     *
     * @param hex 40 hexadecimal digits
     */
    record MboxSha1Sum(String hex) implements Ifi {
        private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");

        public MboxSha1Sum {
            require(
                    hex != null && SHA1_HEX.matcher(hex).matches(),
                    "/mbox_sha1sum",
                    "mbox_sha1sum is a SHA-1 in 40 hexadecimal digits");
        }
    }

    /**
     * {@code openid}: an OpenID URI.
     *
     * @param uri absolute URI
     */
    record OpenId(String uri) implements Ifi {
        public OpenId {
            Iris.requireAbsolute(uri, "/openid", "openid");
        }
    }

    /**
     * {@code account}: a user account on an existing system (xAPI Data section 2.4.2.4).
     *
     * @param homePage absolute IRL of the system
     * @param name the account's unique id or name on that system; not blank
     */
    record Account(String homePage, String name) implements Ifi {
        public Account {
            Iris.requireAbsolute(homePage, "/account/homePage", "account.homePage");
            require(name != null && !name.isEmpty(), "/account/name", "account.name is a non-empty string");
        }
    }
}
