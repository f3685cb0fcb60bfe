package org.credstack.badge.verification;

import java.time.Clock;
import org.credstack.badge.BadgeProperties;
import org.credstack.badge.issuer.Issuers;
import org.credstack.runtime.resilience.OutboundCalls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The verifier's reach beyond this service: one {@link RemoteDocuments} client for other issuers' controller
 * documents and status lists, the {@link VerificationMethods} resolver, and the {@link StatusListSource} that
 * fetches other issuers' lists. This service's own keys and lists never go through HTTP.
 */
@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    @Bean
    RemoteDocuments remoteDocuments(VerificationProperties settings, OutboundCalls calls, Clock clock) {
        return new RemoteDocuments(settings, calls, clock);
    }

    @Bean
    VerificationMethods verificationMethods(Issuers issuers, BadgeProperties properties, RemoteDocuments documents) {
        return new VerificationMethods(issuers, properties.url("/"), documents);
    }

    @Bean
    StatusListSource statusListSource(RemoteDocuments documents, BadgeProperties properties) {
        return StatusListSource.fetchedFrom(documents, properties.url("/"));
    }
}
