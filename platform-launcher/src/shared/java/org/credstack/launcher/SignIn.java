package org.credstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ./credstack token WHO [--password=P] [--port-offset=N] [--data-dir=DIR] [--json]}: signs a person in at the
 * local identity-service the way the web app would (authorization code with PKCE through the sign-in form, with the
 * {@code web.*} client of the credentials file) and prints their access token ({@code --json}: the whole token
 * response, with the refresh and ID tokens). {@code WHO} is {@code operator}, {@code staff} (the demo provider's
 * staff; both with their passwords from the credentials file) or an e-mail, whose password {@code --password} gives.
 *
 * <p>Also the OAuth client the end-to-end journey and its demo share ({@code platform-e2e}'s {@code Tokens}): {@link
 * #tokens} for a person, {@link #refreshed} for a refresh, {@link #clientTokens} for a machine, {@link #credentials}
 * for the credentials file. JDK only and referring to no other class of the launcher, so it lives in {@code
 * src/shared/java}, which the launcher compiles with its own sources and {@code platform-load} with its tests (that
 * module is run from a fresh clone with nothing installed); {@code platform-e2e} uses it from the launcher's jar.
 */
public final class SignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String USAGE =
            "usage: ./credstack token operator|staff|EMAIL [--password=P] [--port-offset=N] [--data-dir=DIR] [--json]";

    /** The environment variable naming the data folder (the launcher's {@code --data-dir} default). */
    static final String DATA_DIR_ENV = "CREDSTACK_DATA_DIR";

    private final URI identity;
    private final Properties credentials;
    private final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * @param identity identity-service's base URL, e.g. {@code http://localhost:8080}
     * @param credentials the credentials file ({@link #credentials}); the {@code web.*} client is used
     */
    public SignIn(URI identity, Properties credentials) {
        this.identity = identity;
        this.credentials = credentials;
    }

    public static void main(String[] args) throws Exception {
        String who = null;
        String password = null;
        int offset = 0;
        Path dataDir = defaultDataDir();
        boolean json = false;
        for (String arg : args) {
            if (arg.startsWith("--password=")) {
                password = arg.substring("--password=".length());
            } else if (arg.startsWith("--port-offset=")) {
                offset = Integer.parseInt(arg.substring("--port-offset=".length()));
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.equals("--json")) {
                json = true;
            } else if (!arg.startsWith("--") && who == null) {
                who = arg;
            } else {
                fail("unknown argument: " + arg);
            }
        }
        if (who == null) {
            fail("whom to sign in?");
        }
        Path file = credentialsFile(dataDir);
        if (!Files.isReadable(file)) {
            fail(file + " is not there: start the platform first (./credstack run)");
        }
        Properties credentials = credentials(dataDir);
        String email = who.contains("@") ? who : credentials.getProperty(who + ".email");
        String secret = password != null ? password : credentials.getProperty(who + ".password");
        if (email == null || secret == null) {
            fail("no e-mail or password for " + who + " (give an e-mail and --password=...)");
        }
        URI identity = URI.create("http://localhost:" + (8080 + offset));
        String response = new SignIn(identity, credentials).tokens(email, secret);
        Matcher access = ACCESS_TOKEN.matcher(response);
        if (!access.find()) {
            fail("no token: " + response);
        }
        System.out.println(json ? response : access.group(1));
    }

    /** A request to identity-service: one of this class's sign-ins or grants. */
    public interface Call {
        String run() throws IOException, InterruptedException;
    }

    /**
     * Runs a request to identity-service for a caller that cannot throw checked exceptions (the demo's and the load
     * harness's token caches).
     *
     * @return what the request answered
     * @throws UncheckedIOException if identity-service cannot be reached
     * @throws IllegalStateException if the thread is interrupted (its interrupt flag is set again)
     */
    public static String call(Call call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException("identity-service cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking identity-service for a token", e);
        }
    }

    /**
     * The {@code key=value} lines identity-service's first start wrote to {@code <dataDir>/credentials.txt} (docs/
     * identity.md, "First start").
     *
     * @throws IOException when the file cannot be read (not there: the platform was never started with this folder)
     */
    public static Properties credentials(Path dataDir) throws IOException {
        Properties credentials = new Properties();
        credentials.load(new StringReader(Files.readString(credentialsFile(dataDir))));
        return credentials;
    }

    /** {@code <dataDir>/credentials.txt}, where identity-service's first start writes what it created. */
    public static Path credentialsFile(Path dataDir) {
        return dataDir.resolve("credentials.txt");
    }

    /**
     * The data folder a command means when given none: {@code $CREDSTACK_DATA_DIR}, else {@code .data}, as the
     * launcher's.
     */
    public static Path defaultDataDir() {
        return Path.of(System.getenv().getOrDefault(DATA_DIR_ENV, ".data"));
    }

    /**
     * The token response (JSON: {@code access_token}, {@code refresh_token}, {@code id_token}, {@code expires_in} in
     * seconds) for this person, signed in with the authorization code flow and PKCE (RFC 7636) through the sign-in
     * form, with a fresh cookie jar each time.
     *
     * @throws IllegalStateException naming the step that failed (wrong password: the sign-in form refused it)
     */
    public String tokens(String email, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
        return tokens(browser, email, password);
    }

    /**
     * The token response (JSON) of a {@code refresh_token} grant (RFC 6749, section 6) for the web client: a new
     * access token and a new refresh token (the old one is refused from now on).
     *
     * @throws IllegalStateException with the token endpoint's answer when it is not 200 (e.g. 400 {@code
     *     invalid_grant} for an expired or reused refresh token)
     */
    public String refreshed(String refreshToken) throws IOException, InterruptedException {
        return token(
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                credentials.getProperty("web.client-id"),
                credentials.getProperty("web.client-secret"));
    }

    /**
     * The token response (JSON) of a {@code client_credentials} grant (RFC 6749, section 4.4) with scope {@code
     * credstack}, e.g. for a partner client.
     *
     * @throws IllegalStateException with the token endpoint's answer when it is not 200 (401 {@code invalid_client}
     *     for a wrong secret)
     */
    public String clientTokens(String clientId, String clientSecret) throws IOException, InterruptedException {
        return token(Map.of("grant_type", "client_credentials", "scope", "credstack"), clientId, clientSecret);
    }

    private String token(Map<String, String> grant, String clientId, String clientSecret)
            throws IOException, InterruptedException {
        HttpResponse<String> tokens = post(browser, "/oauth2/token", grant, basic(clientId, clientSecret));
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException(
                    "the token endpoint answered " + tokens.statusCode() + ": " + tokens.body());
        }
        return tokens.body();
    }

    private static String basic(String clientId, String clientSecret) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                                        + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
    }

    private String tokens(HttpClient browser, String email, String password) throws IOException, InterruptedException {
        String verifier = random();
        String state = random();
        String redirectUri = credentials.getProperty("web.redirect-uri");
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", credentials.getProperty("web.client-id"));
        authorize.put("redirect_uri", redirectUri);
        authorize.put("scope", "openid profile email credstack");
        authorize.put("state", state);
        authorize.put("code_challenge", challenge(verifier));
        authorize.put("code_challenge_method", "S256");
        location(get(browser, "/oauth2/authorize?" + form(authorize)), "the authorization request");
        Matcher csrf = CSRF.matcher(get(browser, "/login").body());
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        HttpResponse<String> login =
                post(browser, "/login", Map.of("username", email, "password", password, "_csrf", csrf.group(1)), null);
        String next = location(login, "the sign-in");
        if (next.contains("/login?error")) {
            throw new IllegalStateException("the sign-in form refused " + email + ": wrong e-mail or password");
        }
        String callback = location(get(browser, next), "the authorization");
        Map<String, String> query = query(URI.create(callback));
        if (!state.equals(query.get("state")) || query.get("code") == null) {
            throw new IllegalStateException("no code in " + callback);
        }
        return token(
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        query.get("code"),
                        "redirect_uri",
                        redirectUri,
                        "code_verifier",
                        verifier),
                credentials.getProperty("web.client-id"),
                credentials.getProperty("web.client-secret"));
    }

    private HttpResponse<String> get(HttpClient browser, String pathOrUrl) throws IOException, InterruptedException {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : identity.resolve(pathOrUrl);
        return browser.send(
                HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient browser, String path, Map<String, String> values, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(identity.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(values)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response, String step) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(
                        step + " answered " + response.statusCode() + " without a redirect: " + response.body()));
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return values;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return values;
    }

    /** The PKCE S256 {@code code_challenge} of a verifier (RFC 7636, section 4.2). */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void fail(String message) {
        System.err.println(message + "\n" + USAGE);
        System.exit(2);
    }
}
