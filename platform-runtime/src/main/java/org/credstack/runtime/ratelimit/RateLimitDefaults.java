package org.credstack.runtime.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's rate limits ({@value #RESOURCE}) as the lowest-precedence property source, so every
 * service has them and its own {@code application.yml}, test properties or environment override any field of
 * any limit ({@code credstack.rate-limits.limits.<name>.permits}, ...).
 */
class RateLimitDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "org/credstack/runtime/ratelimit/rate-limits.yml";

    static final String SOURCE_NAME = "credstackRateLimitDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load(SOURCE_NAME, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rate limits in " + RESOURCE, e);
        }
    }
}
