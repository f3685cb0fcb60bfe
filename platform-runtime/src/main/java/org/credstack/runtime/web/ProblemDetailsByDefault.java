package org.credstack.runtime.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes Spring MVC answer its own errors (404 unknown path, 405, 415, unreadable body…) as RFC 9457
 * problem+json, like the services' domain errors, instead of Boot's {@code timestamp/status/error/path}
 * body. A default only: a service's own {@code spring.mvc.problemdetails.enabled} wins.
 */
public class ProblemDetailsByDefault implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "credstackRuntimeDefaults", Map.of("spring.mvc.problemdetails.enabled", "true")));
    }
}
