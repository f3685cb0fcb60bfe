package org.credstack.testsupport;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring context at the JVM's {@link TestInfrastructure}: the Kafka binder and Spring Kafka at
 * the broker, Spring Data MongoDB at a database of its own ({@code <application>-<random>}), and gives every
 * context of the JVM the same link secret ({@code credstack.links.secret}) and key-encryption key ({@code
 * credstack.crypto.kek}), as a platform's services share them.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The link secret of every context in this JVM: base64 of 32 random bytes. */
    public static final String LINK_SECRET = randomSecret();

    /** The key-encryption key of every context in this JVM: base64 of 32 random bytes. */
    public static final String CRYPTO_KEK = randomSecret();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String application = context.getEnvironment().getProperty("spring.application.name", "credstack");
        String database = application + "-" + UUID.randomUUID().toString().substring(0, 8);
        TestPropertyValues.of(
                        "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "spring.cloud.stream.kafka.binder.brokers=" + infrastructure.kafkaBootstrapServers(),
                        "spring.mongodb.uri=" + infrastructure.mongoUri(database),
                        "credstack.links.secret=" + LINK_SECRET,
                        "credstack.crypto.kek=" + CRYPTO_KEK)
                .applyTo(context);
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
