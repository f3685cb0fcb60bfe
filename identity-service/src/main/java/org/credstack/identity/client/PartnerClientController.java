package org.credstack.identity.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.UUID;
import org.credstack.identity.Secrets;
import org.credstack.runtime.audit.AuditLog;
import org.credstack.runtime.audit.AuditTarget;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators register a provider's partner systems: {@code POST /api/v1/providers/{providerId}/clients} (bearer token
 * with role {@code operator}, else 401/403) answers 201 with a new {@code client_id} ({@code partner-<uuid>}) and a
 * random {@code client_secret}, shown once; the client's tokens carry {@code roles [partner]} and {@code provider_ids
 * [providerId]}. Each registration is in the audit log ({@code partner-client.created}, never the secret).
 */
@RestController
class PartnerClientController {

    private final Clients clients;
    private final AuditLog audit;

    PartnerClientController(Clients clients, AuditLog audit) {
        this.clients = clients;
        this.audit = audit;
    }

    @PostMapping("/api/v1/providers/{providerId}/clients")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedPartnerClient register(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String providerId,
            @Valid @RequestBody NewPartnerClient request) {
        String secret = Secrets.random();
        RegisteredClient client = clients.registerPartner(
                "partner-" + UUID.randomUUID(), request.name().strip(), providerId, secret);
        audit.record(
                "partner-client.created",
                AuditTarget.ofProvider(
                        providerId, "/api/v1/providers/" + providerId + "/clients/" + client.getClientId()),
                Map.of("clientId", client.getClientId(), "name", client.getClientName()));
        return new CreatedPartnerClient(
                client.getClientId(),
                secret,
                client.getClientName(),
                MongoRegisteredClientRepository.listSetting(
                        client.getClientSettings(), MongoRegisteredClientRepository.ROLES),
                MongoRegisteredClientRepository.listSetting(
                        client.getClientSettings(), MongoRegisteredClientRepository.PROVIDER_IDS),
                AuthorizationGrantType.CLIENT_CREDENTIALS.getValue(),
                Clients.CREDSTACK_SCOPE);
    }
}
