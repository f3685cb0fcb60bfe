package org.credstack.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.credstack.launcher.SignIn;

/**
 * The harness's bearer tokens from identity-service (docs/access.md), all taken before Gatling's measured phase: the
 * operator's (password from {@code <dataDir>/credentials.txt}) for the catalog writes, the run's partner client and
 * seeding learners and enrollments; and the partner's, which {@link #partner()} hands out
 * during the measured phase from memory (a daemon thread asks for a new one at half its lifetime, so no request of the
 * measured phase waits for the token endpoint). Signing in and the grants are the launcher's {@link SignIn}, the code
 * behind {@code ./credstack token}, compiled into this module's tests from {@code platform-launcher/src/shared/java}.
 */
final class LoadTokens implements AutoCloseable {

    private final Properties credentials;
    private final SignIn signIn;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "partner-token-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String partnerToken;
    private String operatorToken;
    private long operatorExpiresAt;

    /**
     * @throws UncheckedIOException when {@code <dataDir>/credentials.txt} cannot be read
     */
    LoadTokens(URI identity, Path dataDir) {
        try {
            this.credentials = SignIn.credentials(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + dataDir.resolve("credentials.txt")
                            + ": give the platform's data folder with -DdataDir=DIR",
                    e);
        }
        this.signIn = new SignIn(identity, credentials);
    }

    /** The operator's access token, signed in again a minute before it expires. */
    synchronized String operator() {
        if (operatorToken == null || System.currentTimeMillis() > operatorExpiresAt) {
            JsonNode response = read(SignIn.call(() -> signIn.tokens(
                    credentials.getProperty("operator.email"), credentials.getProperty("operator.password"))));
            operatorToken = response.get("access_token").asText();
            operatorExpiresAt = System.currentTimeMillis()
                    + Duration.ofSeconds(response.path("expires_in").asLong(300))
                            .minusMinutes(1)
                            .toMillis();
        }
        return operatorToken;
    }

    /**
     * Takes the partner client's first token and keeps it fresh from now on: a new one at half the lifetime of the
     * last. Call before the measured phase.
     */
    void startPartner(String clientId, String clientSecret) {
        long lifetime = refreshPartner(clientId, clientSecret);
        long every = Math.max(10, lifetime / 2);
        refresher.scheduleAtFixedRate(
                () -> {
                    try {
                        refreshPartner(clientId, clientSecret);
                    } catch (RuntimeException e) {
                        System.out.println("could not refresh the partner's token (the old one is kept): " + e);
                    }
                },
                every,
                every,
                TimeUnit.SECONDS);
    }

    /** The partner's current access token; never calls identity-service. */
    String partner() {
        String token = partnerToken;
        if (token == null) {
            throw new IllegalStateException("no partner token: startPartner was not called");
        }
        return token;
    }

    /** @return the token's lifetime in seconds */
    private long refreshPartner(String clientId, String clientSecret) {
        JsonNode response = read(SignIn.call(() -> signIn.clientTokens(clientId, clientSecret)));
        partnerToken = response.get("access_token").asText();
        return response.path("expires_in").asLong(300);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }

    private static JsonNode read(String json) {
        try {
            return PlatformClient.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
