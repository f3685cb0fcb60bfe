package org.credstack.runtime.audit;

import java.util.Objects;

/**
 * What an audited action acted on.
 *
 * @param path the resource's id or API path, e.g. {@code /api/v1/credentials/3f2a...} or {@code
 *     /api/v1/providers/p-1/partner-keys/pk-...}; not blank
 * @param providerId the provider the resource belongs to, or {@code null} for a platform-wide one (a dead letter)
 */
public record AuditTarget(String path, String providerId) {

    public AuditTarget {
        Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("an audit target needs a path");
        }
        if (providerId != null && providerId.isBlank()) {
            providerId = null;
        }
    }

    /** A resource that belongs to no provider. */
    public static AuditTarget of(String path) {
        return new AuditTarget(path, null);
    }

    /** A resource of a provider; its entry can be found by {@code providerId}. */
    public static AuditTarget ofProvider(String providerId, String path) {
        return new AuditTarget(path, providerId);
    }
}
