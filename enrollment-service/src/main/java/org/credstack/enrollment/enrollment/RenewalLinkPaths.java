package org.credstack.enrollment.enrollment;

import org.credstack.runtime.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The renewal e-mail link's form is public like its page (docs/security.md: the link's signed token is the proof);
 * the platform's public paths have only {@code GET /renewals/new}.
 */
@Configuration(proxyBeanMethods = false)
class RenewalLinkPaths {

    @Bean
    PublicPaths renewalLinkForm() {
        return PublicPaths.of("POST /renewals/new");
    }
}
