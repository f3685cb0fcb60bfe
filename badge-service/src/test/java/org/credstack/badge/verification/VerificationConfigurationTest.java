package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.credstack.badge.BadgeProperties;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.verification.DocumentUnavailableException.Reason;
import org.credstack.runtime.resilience.OutboundCallProperties;
import org.credstack.runtime.resilience.OutboundCalls;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The verifier's remote reach as the service wires it: settings bound, the fetching status list source. */
class VerificationConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(VerificationProperties.class)
    static class Collaborators {
        @Bean
        Issuers issuers() {
            return mock(Issuers.class);
        }

        @Bean
        BadgeProperties badgeProperties() {
            return new BadgeProperties(URI.create("https://badges.credstack.example"));
        }

        @Bean
        OutboundCalls outboundCalls() {
            return new OutboundCalls(new OutboundCallProperties(Map.of()), Clock.systemUTC());
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Collaborators.class, VerificationConfiguration.class);

    @Test
    void bindsTheSettingsWithSafeDefaults() {
        context.run(started -> {
            VerificationProperties settings = started.getBean(VerificationProperties.class);

            assertThat(settings.allowHttp()).isFalse();
            assertThat(settings.allowPrivateHosts()).isFalse();
            assertThat(settings.maxDocumentSize()).isEqualTo(DataSize.ofKilobytes(256));
        });
        context.withPropertyValues(
                        "credstack.badge.verification.allow-private-hosts=true",
                        "credstack.badge.verification.read-timeout=2s")
                .run(started -> assertThat(
                                started.getBean(VerificationProperties.class).allowPrivateHosts())
                        .isTrue());
    }

    @Test
    void theStatusListSourceFetchesOtherIssuersListsThroughTheGuardedClient() {
        context.run(started -> {
            StatusListSource source = started.getBean(StatusListSource.class);

            // a private address: refused by the guard, so the source is the fetching one, not none()
            DocumentUnavailableException refused = catchThrowableOfType(
                    DocumentUnavailableException.class, () -> source.statusListCredential("https://127.0.0.1/lists/1"));

            assertThat(refused.reason()).isEqualTo(Reason.REFUSED_ADDRESS);
            assertThat(started.getBean(VerificationMethods.class).resolve("https://10.0.0.1/issuers/1#key"))
                    .isInstanceOf(KeyResolution.Unresolvable.class);
        });
    }
}
