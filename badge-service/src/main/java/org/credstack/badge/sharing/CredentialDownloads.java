package org.credstack.badge.sharing;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.credstack.badge.catalog.CatalogReplica;
import org.credstack.badge.issuing.CredentialNotFoundException;
import org.credstack.badge.issuing.HeldCredential;
import org.credstack.badge.issuing.IssuedCredentials;
import org.credstack.badge.issuing.Revocation;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an issued credential for its downloads and makes them on request, never at issuance: the first download of
 * a credential renders it, later ones are served from a small in-memory cache of the last {@value #CACHED}
 * renderings, keyed by {@link SharedCredential#etag} (so a revocation or a new design is a new key). See
 * docs/baking.md, "Cost and caching", for the measurements behind it.
 */
@Service
class CredentialDownloads {

    /** How many renderings (of any kind) are kept; a PNG is about 25 kB, an SVG 6 kB, a PDF 3 kB. */
    static final int CACHED = 300;

    private final IssuedCredentials issued;
    private final CatalogReplica catalog;
    private final JsonMapper json;
    private final Map<String, byte[]> rendered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    };

    CredentialDownloads(IssuedCredentials issued, CatalogReplica catalog, JsonMapper json) {
        this.issued = issued;
        this.catalog = catalog;
        this.json = json;
    }

    /**
     * An issued credential as its downloads show it; one read by {@code _id}, one through the catalog replica's
     * {@code credentialId} index for the issuer's time zone, and for a revoked one its revocation by {@code _id}.
     *
     * @param id the credential's uuid
     * @throws CredentialNotFoundException if no credential was issued under it
     */
    SharedCredential find(String id) {
        HeldCredential held = issued.held(id).orElseThrow(() -> new CredentialNotFoundException(id));
        Revocation revocation = held.revokedAt() == null
                ? null
                : issued.revocation(held.publicUrl()).orElse(new Revocation(held.revokedAt(), null));
        return SharedCredential.of(held, json.readTree(held.signedCredential()), revocation, zone(held));
    }

    /** The download's bytes, from the cache or made now. */
    byte[] bytes(SharedCredential credential, Download download) {
        String key = credential.etag(download.suffix());
        synchronized (rendered) {
            byte[] cached = rendered.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // made outside the lock: two first requests at once may both render, which is harmless
        byte[] made = download.make(credential);
        synchronized (rendered) {
            rendered.put(key, made);
        }
        return made;
    }

    /** The issuer's zone: the provider's {@code timeZone} in the latest catalog version; UTC when unknown. */
    private ZoneId zone(HeldCredential held) {
        try {
            return catalog.latest(held.credentialId())
                    .map(snapshot -> snapshot.provider() == null
                            ? null
                            : snapshot.provider().timeZone())
                    .filter(zone -> !zone.isBlank())
                    .map(ZoneId::of)
                    .orElse(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
