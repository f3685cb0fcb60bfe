package org.credstack.runtime.resilience;

import java.time.Clock;
import org.credstack.runtime.RuntimeAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The service's {@link OutboundCalls}: one breaker and retry per call name that leaves the service. */
@AutoConfiguration(after = RuntimeAutoConfiguration.class)
@EnableConfigurationProperties(OutboundCallProperties.class)
public class ResilienceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboundCalls outboundCalls(OutboundCallProperties properties, Clock clock) {
        return new OutboundCalls(properties, clock);
    }
}
