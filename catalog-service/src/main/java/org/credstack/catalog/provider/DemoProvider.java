package org.credstack.catalog.provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo provider of the local platform: when {@value #PROPERTY} names a provider id ({@code ./credstack run} sets
 * it to identity-service's {@code staff.provider-id}, {@code demo-provider}), the first start stores a provider with
 * that id, so the demo staff account signed in from {@code credentials.txt} has a provider to publish under. A later
 * start, or a second instance starting at the same time, finds it and changes nothing (not even a name the staff
 * changed since). Without the property nothing is created.
 */
@Component
@ConditionalOnProperty(DemoProvider.PROPERTY)
class DemoProvider implements ApplicationRunner {

    static final String PROPERTY = "credstack.catalog.bootstrap.demo-provider-id";

    /** What the demo provider is called, with the zone its validity periods are counted in. */
    static final ProviderDraft CONTENT =
            new ProviderDraft("CredStack Demo Provider", "https://demo-provider.credstack.example", null, "UTC");

    private static final Logger log = LoggerFactory.getLogger(DemoProvider.class);

    private final ProviderCatalog providers;
    private final String providerId;

    DemoProvider(ProviderCatalog providers, @Value("${" + PROPERTY + "}") String providerId) {
        this.providers = providers;
        this.providerId = providerId;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (providers.createIfAbsent(providerId, CONTENT)) {
            log.info("Created the demo provider '{}' ({})", providerId, CONTENT.name());
        }
    }
}
