package org.credstack.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.credstack.identity.IdentityApplication;
import org.credstack.identity.RunningIdentity;
import org.credstack.identity.account.UserAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.jwt.Jwt;

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

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(IdentityApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                        "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                        "--credstack.identity.bootstrap.credentials-file=" + CREDENTIALS)) {
            int port = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            String restartedUrl = "http://localhost:" + port;

            Jwt verified = verify(restartedUrl, before);

            assertThat(verified.getClaimAsStringList("roles")).containsExactly("partner");
            assertThat(Files.readString(CREDENTIALS))
                    .as("second start rewrote credentials")
                    .isEqualTo(file);
            assertThat(mongo.count(new Query(), UserAccount.COLLECTION)).isEqualTo(users);
        }
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
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verify(baseUrl(), before))
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
    }
}
