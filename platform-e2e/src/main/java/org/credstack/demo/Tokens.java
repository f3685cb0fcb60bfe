package org.credstack.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.credstack.launcher.SignIn;
import tools.jackson.databind.JsonNode;

/**
 * The journey's bearer tokens from the platform's identity-service (docs/identity.md, docs/access.md): the operator
 * (its password from {@code <dataDir>/credentials.txt}), learners it registers, provider staff and partner clients it
 * creates through the operator's endpoints. Signing people in (authorization code with PKCE), refreshing and the
 * client credentials grant are the launcher's {@link SignIn}, the code behind {@code ./credstack token}.
 *
 * <p>Each token is kept until {@link #SKEW} before it expires ({@code expires_in}), then a person's is refreshed with
 * their refresh token (or, should the refresh be refused, they sign in again) and a client's is asked for again.
 * Thread-safe.
 */
public final class Tokens {

    /** How long before its expiry a token is no longer handed out. */
    static final Duration SKEW = Duration.ofSeconds(60);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How long the first use waits for identity-service's first start to write the operator into the file. */
    static final Duration CREDENTIALS_DEADLINE = Duration.ofMinutes(4);

    private final URI identity;
    private final Supplier<Properties> credentialsFile;
    private Properties credentials;
    private SignIn signIn;
    private final Http http = new Http();
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> partnerClients = new ConcurrentHashMap<>();

    /**
     * Reads nothing yet: the first token asked for reads {@code <dataDir>/credentials.txt}, waiting up to {@link
     * #CREDENTIALS_DEADLINE} for it to name the operator (identity-service's first start writes it, possibly after
     * the launcher says the platform is up).
     *
     * @param identity identity-service, e.g. {@code http://localhost:8080}
     * @param dataDir the platform's data folder, holding {@code credentials.txt}
     */
    public Tokens(URI identity, Path dataDir) {
        this(identity, () -> read(dataDir), Clock.systemUTC());
    }

    Tokens(URI identity, Supplier<Properties> credentialsFile, Clock clock) {
        this.identity = identity;
        this.credentialsFile = credentialsFile;
        this.clock = clock;
    }

    private synchronized Properties credentials() {
        if (credentials == null) {
            credentials = credentialsFile.get();
            signIn = new SignIn(identity, credentials);
        }
        return credentials;
    }

    private SignIn signIn() {
        credentials();
        return signIn;
    }

    /** identity-service's base URL. */
    public URI identity() {
        return identity;
    }

    /** The operator's access token ({@code operator@credstack.example}, roles {@code [operator]}). */
    public String operator() {
        Properties file = credentials();
        return person(file.getProperty("operator.email"), file.getProperty("operator.password"));
    }

    /**
     * Registers a learner account ({@code POST /api/v1/accounts}, roles {@code [learner]}) with a random password and
     * signs them in.
     *
     * @return the account id: the token's {@code sub}, the learner id every {@code /learners/{learnerId}} path takes
     * @throws IllegalStateException when identity-service refuses (409 for an e-mail already taken)
     */
    public String registerLearner(String email, String displayName) {
        String password = password();
        String id = http.post(
                        identity.resolve("/api/v1/accounts"),
                        Map.of("email", email, "password", password, "displayName", displayName),
                        Map.of())
                .requireOk("registering the account " + email)
                .json()
                .get("id")
                .asString();
        sessions.put(email, Session.person(email, password));
        person(email, password);
        return id;
    }

    /**
     * Creates a staff account of one provider ({@code POST /api/v1/providers/{providerId}/staff} as the operator:
     * roles {@code [provider_staff]}, {@code provider_ids [providerId]}) with a random password, and signs them in.
     *
     * @throws IllegalStateException when identity-service refuses
     */
    public void createStaff(String providerId, String email, String displayName) {
        String password = password();
        http.post(
                        identity.resolve("/api/v1/providers/" + providerId + "/staff"),
                        Map.of("email", email, "displayName", displayName, "password", password),
                        Http.bearer(operator()))
                .requireOk("creating staff " + email + " of provider " + providerId);
        sessions.put(email, Session.person(email, password));
        person(email, password);
    }

    /**
     * The access token of a person registered or created here (learner or staff).
     *
     * @throws IllegalStateException for an e-mail not registered through this object
     */
    public String of(String email) {
        Session session = sessions.get(email);
        if (session == null) {
            throw new IllegalStateException("no account " + email + " was registered here");
        }
        return person(email, session.secret());
    }

    /**
     * The access token of the partner of one provider ({@code roles [partner]}, {@code provider_ids [providerId]}):
     * its client is created once, on first use, through {@code POST /api/v1/providers/{providerId}/clients} as the
     * operator; then the client credentials grant.
     *
     * @param name the client's name, when one is created
     */
    public String partner(String providerId, String name) {
        String clientId = partnerClients.computeIfAbsent(providerId, p -> {
            JsonNode client = http.post(
                            identity.resolve("/api/v1/providers/" + providerId + "/clients"),
                            Map.of("name", name),
                            Http.bearer(operator()))
                    .requireOk("creating a partner client of provider " + providerId)
                    .json();
            String id = client.get("clientId").asString();
            sessions.put(key(id), Session.client(id, client.get("clientSecret").asString()));
            return id;
        });
        return client(clientId);
    }

    /**
     * The partner client ids created so far, by provider id (for a report; the secrets stay here).
     */
    public Map<String, String> partnerClients() {
        return Map.copyOf(partnerClients);
    }

    private String client(String clientId) {
        return sessions.compute(key(clientId), (k, session) -> {
                    if (session.valid(clock.instant())) {
                        return session;
                    }
                    return session.with(
                            SignIn.call(() -> signIn().clientTokens(clientId, session.secret())), clock.instant());
                })
                .accessToken();
    }

    private String person(String email, String password) {
        return sessions.compute(email, (k, session) -> {
                    Session current = session == null ? Session.person(email, password) : session;
                    Instant now = clock.instant();
                    if (current.valid(now)) {
                        return current;
                    }
                    if (current.refreshToken() != null) {
                        try {
                            return current.with(SignIn.call(() -> signIn().refreshed(current.refreshToken())), now);
                        } catch (IllegalStateException refused) {
                            // expired or already used: sign in again below
                        }
                    }
                    return current.with(SignIn.call(() -> signIn().tokens(email, current.secret())), now);
                })
                .accessToken();
    }

    /**
     * The people registered or created here (learners, staff) with their passwords, in the order they were: a person
     * can sign in as any of them in the web app afterwards. The operator is not among them (the credentials file has
     * the operator).
     */
    public Map<String, String> people() {
        Map<String, String> people = new java.util.TreeMap<>();
        sessions.forEach((key, session) -> {
            if (!key.startsWith("client:") && !key.equals(credentials().getProperty("operator.email"))) {
                people.put(key, session.secret());
            }
        });
        return people;
    }

    private static String key(String clientId) {
        return "client:" + clientId;
    }

    /**
     * One person's or client's tokens.
     *
     * @param name e-mail or client id
     * @param secret password or client secret
     * @param accessToken the current access token, null before the first
     * @param refreshToken a person's current refresh token, null for a client
     * @param expiresAt when {@code accessToken} expires
     */
    record Session(String name, String secret, String accessToken, String refreshToken, Instant expiresAt) {

        static Session person(String email, String password) {
            return new Session(email, password, null, null, Instant.MIN);
        }

        static Session client(String clientId, String secret) {
            return new Session(clientId, secret, null, null, Instant.MIN);
        }

        boolean valid(Instant now) {
            return accessToken != null && now.isBefore(expiresAt.minus(SKEW));
        }

        /** This session after a token response ({@code access_token}, {@code expires_in} seconds, {@code refresh_token}). */
        Session with(String tokenResponse, Instant now) {
            JsonNode response = Http.JSON.readTree(tokenResponse);
            return new Session(
                    name,
                    secret,
                    response.get("access_token").asString(),
                    response.path("refresh_token").asString(refreshToken),
                    now.plusSeconds(response.path("expires_in").asLong(300)));
        }
    }

    /**
     * @throws IllegalStateException when the file does not name the operator within {@link #CREDENTIALS_DEADLINE}
     *     (the platform never started with this data folder)
     */
    private static Properties read(Path dataDir) {
        return Deadline.require(
                SignIn.credentialsFile(dataDir) + " to name the operator (start the platform with this data folder)",
                CREDENTIALS_DEADLINE,
                () -> {
                    try {
                        Properties file = SignIn.credentials(dataDir);
                        return Optional.of(file).filter(f -> f.getProperty("operator.password") != null);
                    } catch (IOException notYet) {
                        return Optional.empty();
                    }
                });
    }

    /** 32 random bytes, base64url: 43 characters, inside identity-service's 12-64. */
    private static String password() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
