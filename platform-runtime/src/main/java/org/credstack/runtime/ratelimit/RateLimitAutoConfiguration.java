package org.credstack.runtime.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.credstack.runtime.RuntimeAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** The {@link RateLimitFilter} in every service with a servlet web layer, on the service's {@link Clock}. */
@AutoConfiguration(after = RuntimeAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitAutoConfiguration {

    /**
     * Right after the request-size limit and Boot's {@code ForwardedHeaderFilter} (both first of all), so the client
     * address is the one the deployment trusts; ahead of Spring Security's filters (order -100) and everything
     * else, so a throttled request costs no token check, body parsing or store access.
     */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimitProperties properties, Clock clock, MeterRegistry meters) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(properties, clock, meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
