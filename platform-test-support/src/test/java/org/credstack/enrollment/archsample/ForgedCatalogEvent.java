package org.credstack.enrollment.archsample;

import java.time.Instant;
import org.credstack.events.catalog.CredentialRetired;

/** Deliberately bad: enrollment code making an event of {@code catalog.credentials.v1}, which catalog owns. */
public class ForgedCatalogEvent {

    Object retire(String credentialId, Instant now) {
        return new CredentialRetired(credentialId, null, now);
    }
}
