package org.credstack.runtime.links;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code credstack.links.*}: the secret that signs links in e-mails.
 *
 * @param secret base64 of at least 32 random bytes, the same in every service of a platform (environment
 *     variable {@code CREDSTACK_LINKS_SECRET}); when absent, each process makes up its own and links work
 *     only within that process and until it restarts (fine for a test, wrong for a platform: a warning is
 *     logged)
 */
@ConfigurationProperties("credstack.links")
public record LinkProperties(String secret) {

    /** The environment variable Spring binds to {@code credstack.links.secret}. */
    public static final String SECRET_ENV = "CREDSTACK_LINKS_SECRET";
}
