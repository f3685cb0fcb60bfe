package org.credstack.badge.issuer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start, seals the private keys a store still holds in plain (written before keys were encrypted at rest) and
 * reseals those under a key-encryption key that is no longer the current one (see {@link Issuers#sealStoredKeys}).
 * A key that no configured KEK opens stops the start.
 */
@Component
class StoredKeySealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StoredKeySealing.class);

    private final Issuers issuers;

    StoredKeySealing(Issuers issuers) {
        this.issuers = issuers;
    }

    @Override
    public void run(ApplicationArguments args) {
        int sealed = issuers.sealStoredKeys();
        if (sealed > 0) {
            log.info("sealed the signing keys of {} issuers under the current key-encryption key", sealed);
        }
    }
}
