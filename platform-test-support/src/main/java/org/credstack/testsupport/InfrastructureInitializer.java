package org.credstack.testsupport;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring context at the JVM's {@link TestInfrastructure}: the Kafka binder and Spring Kafka at
 * the broker, Spring Data MongoDB at a database of its own ({@code <application>-<random>}).
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String application = context.getEnvironment().getProperty("spring.application.name", "credstack");
        String database = application + "-" + UUID.randomUUID().toString().substring(0, 8);
        TestPropertyValues.of(
                        "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "spring.cloud.stream.kafka.binder.brokers=" + infrastructure.kafkaBootstrapServers(),
                        "spring.mongodb.uri=" + infrastructure.mongoUri(database))
                .applyTo(context);
    }
}
