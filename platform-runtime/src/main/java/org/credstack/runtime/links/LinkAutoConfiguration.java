package org.credstack.runtime.links;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The one {@link LinkTokens} of a service, keyed by {@code credstack.links.secret}. */
@AutoConfiguration(after = org.credstack.runtime.RuntimeAutoConfiguration.class)
@EnableConfigurationProperties(LinkProperties.class)
public class LinkAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LinkAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    LinkTokens linkTokens(LinkProperties properties, Clock clock) {
        return new LinkTokens(secret(properties), clock);
    }

    private static byte[] secret(LinkProperties properties) {
        if (properties.secret() == null || properties.secret().isBlank()) {
            log.warn("credstack.links.secret is not set: links in e-mails will verify only in this process until"
                    + " it stops; set " + LinkProperties.SECRET_ENV + " to the same base64 secret in every service");
            byte[] secret = new byte[LinkTokens.MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
            return secret;
        }
        try {
            return Base64.getDecoder().decode(properties.secret().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("credstack.links.secret is not base64: " + e.getMessage(), e);
        }
    }
}
