package org.credstack.catalog.archsample;

import java.time.Instant;
import org.credstack.events.catalog.CredentialRetired;

/** Fine: catalog code making an event of the topic it owns. */
public class OwnCatalogEvent {

    Object retire(String credentialId, Instant now) {
        return new CredentialRetired(credentialId, null, now);
    }
}
