package org.credstack.badge;

import org.credstack.badge.jsonld.RdfCanonicalizer;
import org.credstack.badge.schema.OpenBadgeSchemaValidator;
import org.credstack.badge.signing.DataIntegritySigner;
import org.credstack.badge.signing.DataIntegrityVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared, thread-safe credential tooling: offline JSON-LD canonicalisation (bundled contexts only),
 * the {@code eddsa-rdfc-2022} signer and verifier, and the OB 3.0 AchievementCredential schema.
 */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    @Bean
    RdfCanonicalizer rdfCanonicalizer() {
        return RdfCanonicalizer.offline();
    }

    @Bean
    DataIntegritySigner dataIntegritySigner(RdfCanonicalizer canonicalizer) {
        return new DataIntegritySigner(canonicalizer);
    }

    @Bean
    DataIntegrityVerifier dataIntegrityVerifier(RdfCanonicalizer canonicalizer) {
        return new DataIntegrityVerifier(canonicalizer);
    }

    @Bean
    OpenBadgeSchemaValidator achievementCredentialSchema() {
        return OpenBadgeSchemaValidator.achievementCredential();
    }
}
