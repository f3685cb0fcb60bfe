package org.credstack.enrollment;

import java.util.function.Consumer;
import org.credstack.enrollment.catalog.CatalogReplica;
import org.credstack.enrollment.held.HeldCredentials;
import org.credstack.enrollment.statements.PartnerCompletionIntake;
import org.credstack.events.EventEnvelope;
import org.credstack.events.Topic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring Cloud Stream function beans of the service (imperative consumers, so the binder's bounded retries and
 * dead-letter topic apply). Each reads the CloudEvents envelope and delegates; none holds logic of its own.
 *
 * <ul>
 *   <li>{@code catalog-in-0}: {@code catalog.credentials.v1} into the {@link CatalogReplica};
 *   <li>{@code partnerCompletions-in-0}: {@code partner.completions.v1} into {@link PartnerCompletionIntake};
 *   <li>{@code badges-in-0}: {@code badge.events.v1} into {@link HeldCredentials}, the credentials learners hold.
 * </ul>
 *
 * Bindings, group ({@code ${spring.application.name}}), start offset and dead-letter topics are in
 * {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class EnrollmentFunctions {

    @Bean
    Consumer<Message<byte[]>> catalog(CatalogReplica replica, JsonMapper json) {
        return message -> replica.apply(EventEnvelope.read(Topic.CATALOG_CREDENTIALS, message, json));
    }

    @Bean
    Consumer<Message<byte[]>> partnerCompletions(PartnerCompletionIntake completions, JsonMapper json) {
        return message -> completions.apply(EventEnvelope.read(Topic.PARTNER_COMPLETIONS, message, json));
    }

    @Bean
    Consumer<Message<byte[]>> badges(HeldCredentials held, JsonMapper json) {
        return message -> held.apply(EventEnvelope.read(Topic.BADGE_EVENTS, message, json));
    }
}
