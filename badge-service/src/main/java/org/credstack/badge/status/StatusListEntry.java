package org.credstack.badge.status;

import java.util.Objects;

/**
 * A credential's place in a provider's revocation status list: what its {@code credentialStatus} names (Bitstring
 * Status List v1.0 §2.1 BitstringStatusListEntry).
 *
 * @param providerId the provider whose issuer signs the list
 * @param list the list's number, from 0, per provider
 * @param index the entry in that list, {@code [0, 131072)}; written as the string {@code statusListIndex}
 * @param statusListCredential the list's public URL, {@code <base>/status-lists/{providerId}/{list}}
 */
public record StatusListEntry(String providerId, int list, int index, String statusListCredential) {

    /** The entry's {@code statusPurpose}: the only purpose CredStack's lists have. */
    public static final String REVOCATION = "revocation";

    /** @throws IllegalArgumentException if the list or index is negative or the index beyond a list */
    public StatusListEntry {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(statusListCredential, "statusListCredential");
        if (list < 0 || index < 0 || index >= BitstringStatusList.LENGTH) {
            throw new IllegalArgumentException("no entry " + index + " in status list " + list);
        }
    }

    /** The entry's own {@code id}: {@code <statusListCredential>#<index>}. */
    public String id() {
        return statusListCredential + "#" + index;
    }
}
