package org.credstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.credstack.testsupport.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The identity service against the real broker and store, with its first-start bootstrap writing to a credentials
 * file of this JVM and a {@link TestClock} (starting at the real time: token expiry is checked on the system clock).
 * Every IT extends it, so they share one Spring context. Helpers speak HTTP as a client would: form posts, basic
 * authentication, and the whole authorization code flow with PKCE through the sign-in form.
 */
@Import(RunningIdentity.Clocks.class)
public abstract class RunningIdentity extends ServiceIntegrationTest {

    /** Where this JVM's bootstrap writes the generated passwords and secrets. */
    protected static final Path CREDENTIALS = credentialsFile();

    @Autowired
    protected TestClock clock;

    @Autowired
    protected MongoTemplate mongo;

    @DynamicPropertySource
    static void bootstrap(DynamicPropertyRegistry registry) {
        registry.add("credstack.identity.bootstrap.credentials-file", CREDENTIALS::toString);
    }

    /** The bootstrap's credentials file as properties ({@code partner.client-secret}, ...). */
    protected static Properties credentials() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(CREDENTIALS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** An HTTP client that does not follow redirects and keeps cookies (one per browser session). */
    protected static HttpClient browser() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
    }

    protected HttpResponse<String> get(HttpClient client, String pathOrUrl, String accept) {
        return send(
                client,
                HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", accept).GET());
    }

    protected HttpResponse<String> postJson(String path, String json, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(browser(), request);
    }

    protected HttpResponse<String> getWithToken(String path, String bearer) {
        return send(
                browser(),
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + bearer)
                        .GET());
    }

    /** {@code POST /oauth2/token} with client_secret_basic authentication. */
    protected HttpResponse<String> tokenRequest(String clientId, String secret, Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(
                browser(),
                HttpRequest.newBuilder(uri("/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    /** An access token of the demo partner client (client credentials). */
    protected String partnerToken() {
        Properties credentials = credentials();
        HttpResponse<String> response = tokenRequest(
                credentials.getProperty("partner.client-id"),
                credentials.getProperty("partner.client-secret"),
                Map.of("grant_type", "client_credentials", "scope", "credstack"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }

    /** An access token of the bootstrap operator, through the sign-in form. */
    protected String operatorToken() {
        Properties credentials = credentials();
        return signIn(credentials.getProperty("operator.email"), credentials.getProperty("operator.password"))
                .path("access_token")
                .asString();
    }

    /** Registers a learner with a fresh e-mail and returns {id, email, password}. */
    protected Map<String, String> newLearner() {
        String email = "learner-" + UUID.randomUUID() + "@example.org";
        String password = "correct horse " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = postJson(
                "/api/v1/accounts",
                "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Ada Lovelace\"}".formatted(email, password),
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Map.of("id", json.readTree(response.body()).path("id").asString(), "email", email, "password", password);
    }

    /**
     * The authorization code flow with PKCE (S256) through the sign-in form, as a browser and the web app would do
     * it, then the code exchanged at the token endpoint.
     *
     * @return the token response ({@code access_token}, {@code refresh_token}, {@code id_token}, ...)
     */
    protected JsonNode signIn(String email, String password) {
        HttpResponse<String> tokens = signInResponse(email, password);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return json.readTree(tokens.body());
    }

    /** As {@link #signIn}, but the sign-in must fail: answers the redirect after posting the form. */
    protected HttpResponse<String> signInRefused(String email, String password) {
        HttpClient browser = browser();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        HttpResponse<String> toLogin = get(browser, authorizeUrl(challenge(verifier), "s1"), "text/html");
        assertThat(toLogin.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        return postLogin(browser, email, password);
    }

    private HttpResponse<String> signInResponse(String email, String password) {
        Properties credentials = credentials();
        HttpClient browser = browser();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String state = UUID.randomUUID().toString();
        HttpResponse<String> toLogin = get(browser, authorizeUrl(challenge(verifier), state), "text/html");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        HttpResponse<String> afterLogin = postLogin(browser, email, password);
        assertThat(afterLogin.statusCode()).isEqualTo(302);
        HttpResponse<String> toApp =
                get(browser, afterLogin.headers().firstValue("Location").orElseThrow(), "text/html");
        assertThat(toApp.statusCode()).as(toApp.body()).isEqualTo(302);
        URI callback = URI.create(toApp.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = query(callback);
        assertThat(query).containsEntry("state", state);
        return tokenRequest(
                credentials.getProperty("web.client-id"),
                credentials.getProperty("web.client-secret"),
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        query.get("code"),
                        "redirect_uri",
                        credentials.getProperty("web.redirect-uri"),
                        "code_verifier",
                        verifier));
    }

    private HttpResponse<String> postLogin(HttpClient browser, String email, String password) {
        HttpResponse<String> page = get(browser, "/login", "text/html");
        Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
        return send(
                browser,
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", email, "password", password, "_csrf", csrf.group(1))))));
    }

    protected String authorizeUrl(String challenge, String state) {
        Properties credentials = credentials();
        return "/oauth2/authorize?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        credentials.getProperty("web.client-id"),
                        "redirect_uri",
                        credentials.getProperty("web.redirect-uri"),
                        "scope",
                        "openid profile email credstack",
                        "state",
                        state,
                        "code_challenge",
                        challenge,
                        "code_challenge_method",
                        "S256"));
    }

    /** Verifies a JWT's signature against the JWKS of the service on {@code baseUrl}; answers its claims. */
    protected static Jwt verify(String baseUrl, String token) {
        return NimbusJwtDecoder.withJwkSetUri(baseUrl + "/oauth2/jwks").build().decode(token);
    }

    protected static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(
                    java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return values;
    }

    protected URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl() + pathOrUrl);
    }

    protected static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path credentialsFile() {
        try {
            return Files.createTempDirectory("identity-it").resolve("credentials.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.now());
        }
    }
}
