package org.credstack.launcher;

import java.io.IOException;
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
 */
public final class SignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String USAGE =
            "usage: ./credstack token operator|staff|EMAIL [--password=P] [--port-offset=N] [--data-dir=DIR] [--json]";

    private final URI identity;
    private final Properties credentials;
    private final HttpClient browser = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .build();

    SignIn(URI identity, Properties credentials) {
        this.identity = identity;
        this.credentials = credentials;
    }

    public static void main(String[] args) throws Exception {
        String who = null;
        String password = null;
        int offset = 0;
        Path dataDir = Path.of(System.getenv().getOrDefault(LauncherOptions.DATA_DIR_ENV, ".data"));
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
        Path file = Service.credentialsFile(dataDir);
        if (!Files.isReadable(file)) {
            fail(file + " is not there: start the platform first (./credstack run)");
        }
        Properties credentials = new Properties();
        credentials.load(new StringReader(Files.readString(file)));
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

    /**
     * The token response (JSON) for this person.
     *
     * @throws IllegalStateException naming the step that failed (wrong password: the sign-in form refused it)
     */
    String tokens(String email, String password) throws IOException, InterruptedException {
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
        location(get("/oauth2/authorize?" + form(authorize)), "the authorization request");
        Matcher csrf = CSRF.matcher(get("/login").body());
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        HttpResponse<String> login =
                post("/login", Map.of("username", email, "password", password, "_csrf", csrf.group(1)), null);
        String next = location(login, "the sign-in");
        if (next.contains("/login?error")) {
            throw new IllegalStateException("the sign-in form refused " + email + ": wrong e-mail or password");
        }
        String callback = location(get(next), "the authorization");
        Map<String, String> query = query(URI.create(callback));
        if (!state.equals(query.get("state")) || query.get("code") == null) {
            throw new IllegalStateException("no code in " + callback);
        }
        String basic = Base64.getEncoder()
                .encodeToString(
                        (credentials.getProperty("web.client-id") + ":" + credentials.getProperty("web.client-secret"))
                                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tokens = post(
                "/oauth2/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        query.get("code"),
                        "redirect_uri",
                        redirectUri,
                        "code_verifier",
                        verifier),
                "Basic " + basic);
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException(
                    "the token endpoint answered " + tokens.statusCode() + ": " + tokens.body());
        }
        return tokens.body();
    }

    private HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : identity.resolve(pathOrUrl);
        return browser.send(
                HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> values, String authorization)
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
