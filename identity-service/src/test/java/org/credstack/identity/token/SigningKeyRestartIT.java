package org.credstack.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.credstack.identity.IdentityApplication;
import org.credstack.identity.RunningIdentity;
import org.credstack.identity.account.UserAccount;
import org.credstack.runtime.crypto.MissingKeyEncryptionKeyException;
import org.credstack.testsupport.InfrastructureInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.jwt.Jwt;

@ExtendWith(OutputCaptureExtension.class)
class SigningKeyRestartIT extends RunningIdentity {

    @Autowired
    Environment environment;

    @Autowired
    SigningKeys keys;

    @Test
    void tokensIssuedBeforeARestartValidateAgainstTheJwksAfterIt() throws Exception {
        String before = partnerToken();
        String file = Files.readString(CREDENTIALS);
        long users = mongo.count(new Query(), UserAccount.COLLECTION);

        try (ConfigurableApplicationContext restarted = restart(InfrastructureInitializer.CRYPTO_KEK)) {
            int port = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            String restartedUrl = "http://localhost:" + port;

            Jwt verified = verify(restartedUrl, before);

            assertThat(verified.getClaimAsStringList("roles")).containsExactly("partner");
            assertThat(restarted.getBean(SigningKeys.class).signingKey())
                    .as("the restarted service opened the sealed key and signs with it, private parameters included")
                    .isEqualTo(keys.signingKey())
                    .extracting(k -> k.getKeyID())
                    .isEqualTo(verified.getHeaders().get("kid"));
            assertThat(Files.readString(CREDENTIALS))
                    .as("second start rewrote credentials")
                    .isEqualTo(file);
            assertThat(mongo.count(new Query(), UserAccount.COLLECTION)).isEqualTo(users);
        }
    }

    @Test
    void aStartWithAnotherKekStopsWithAReportNamingTheSettingAndMakesNoKey(CapturedOutput output) {
        List<Document> stored = mongo.findAll(Document.class, SigningKey.COLLECTION);
        byte[] otherKek = new byte[32];
        new SecureRandom().nextBytes(otherKek);

        assertThatThrownBy(() -> restart(Base64.getEncoder().encodeToString(otherKek)))
                .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(SigningKeyUnavailableException.class));

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("does not open with the configured key-encryption keys")
                .contains("credstack.crypto.kek")
                .contains("credstack.crypto.previous-keks");
        assertThat(mongo.findAll(Document.class, SigningKey.COLLECTION)).containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void aStartWithoutAKekStopsWithAReportNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> restart(""))
                .satisfies(
                        e -> assertThat(causes(e)).hasAtLeastOneElementOfType(MissingKeyEncryptionKeyException.class));

        assertThat(output).contains("APPLICATION FAILED TO START").contains("CREDSTACK_CRYPTO_KEK");
    }

    @Test
    void rotationKeepsTheOldKeyPublishedUntilItsTokensExpired() {
        String before = partnerToken();
        String oldKid = verify(baseUrl(), before).getHeaders().get("kid").toString();

        clock.advance(Duration.ofDays(91));
        keys.rotateIfDue();
        String after = partnerToken();

        String newKid = verify(baseUrl(), after).getHeaders().get("kid").toString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(keys.published()).extracting(k -> k.getKeyID()).containsExactly(newKid, oldKid);
        assertThat(verify(baseUrl(), before).getClaimAsStringList("roles")).containsExactly("partner");

        clock.advance(keys.retirementGrace());
        keys.rotateIfDue();

        assertThat(keys.published()).extracting(k -> k.getKeyID()).containsExactly(newKid);
        assertThat(mongo.count(new Query(), SigningKey.class)).isEqualTo(1);
        assertThatThrownBy(() -> verify(baseUrl(), before))
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
    }

    /** A second instance of the service on the same store, with the given key-encryption key (base64). */
    private ConfigurableApplicationContext restart(String kek) {
        return new SpringApplicationBuilder(IdentityApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                        "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                        "--credstack.identity.bootstrap.credentials-file=" + CREDENTIALS,
                        "--credstack.crypto.kek=" + kek);
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = thrown; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }
}
