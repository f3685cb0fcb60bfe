package org.credstack.runtime.audit;

import java.util.List;
import java.util.Objects;

/**
 * Who did an audited action: the caller of the request as its access token says, or the service itself for
 * background work.
 *
 * @param id the token's subject ({@code sub}: a user or client id), or {@code system:<spring.application.name>}
 * @param roles the caller's roles as the token names them ({@code provider_staff}, {@code operator}, ...), sorted;
 *     empty for the system actor
 * @param providerIds the providers the caller acts for, sorted; empty for operators and the system actor
 */
public record AuditActor(String id, List<String> roles, List<String> providerIds) {

    /** The prefix of the id of the system actor. */
    public static final String SYSTEM_PREFIX = "system:";

    public AuditActor {
        Objects.requireNonNull(id, "id");
        roles = roles == null ? List.of() : roles.stream().sorted().toList();
        providerIds =
                providerIds == null ? List.of() : providerIds.stream().sorted().toList();
    }

    /** The service itself, acting without a caller (a scheduled job, a consumer). */
    public static AuditActor system(String application) {
        return new AuditActor(SYSTEM_PREFIX + application, List.of(), List.of());
    }
}
