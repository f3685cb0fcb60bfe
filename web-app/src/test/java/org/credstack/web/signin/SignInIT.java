package org.credstack.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.credstack.web.SignedInAs;
import org.credstack.web.StubService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in against a stand-in OpenID Connect provider on a local port that signs ID tokens with its own RSA key:
 * the authorization request (PKCE S256, the registered redirect URI), the code exchange (client authentication,
 * {@code code_verifier}), the ID token's checks (issuer, nonce), roles deciding pages, the access token relayed and
 * refreshed, and signing out.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInIT {

    static final StubService IDENTITY = StubService.start();
    static final RSAKey KEY = rsaKey();
    static final String PUBLIC = "http://127.0.0.1:8090";
    static final String SECRET = "web-secret-for-the-test";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.public-base-url", () -> PUBLIC);
        registry.add("credstack.web.identity-url", IDENTITY::url);
        registry.add("credstack.web.client-secret", () -> SECRET);
        registry.add("credstack.web.catalog-url", StubService::refusing);
        registry.add("credstack.web.badge-url", StubService::refusing);
    }

    /** A page that shows what a controller gets as its {@link Caller}, for the relay checks. */
    @TestConfiguration
    static class Probe {
        @RestController
        static class ProbeController {
            @GetMapping("/my/probe")
            String probe(Caller caller) {
                return caller.authorization() + " " + caller.subject() + " " + caller.providerIds();
            }
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    MockHttpSession session;

    @BeforeEach
    void keys() {
        session = new MockHttpSession();
        IDENTITY.json("/oauth2/jwks", new JWKSet(KEY.toPublicJWK()).toString());
    }

    @Test
    void sendsAPersonWhoIsNotSignedInToTheProviderWithPkceAndTheRegisteredRedirectUri() throws Exception {
        String start = send(get(PUBLIC + "/my/learning")).getRedirectedUrl();
        assertThat(start).endsWith("/oauth2/authorization/credstack");

        Map<String, String> authorize = query(send(get(absolute(start))).getRedirectedUrl());

        assertThat(authorize)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "credstack-web")
                .containsEntry("redirect_uri", PUBLIC + "/login/oauth2/code/credstack")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(authorize.get("scope").split(" ")).contains("openid", "credstack");
        assertThat(send(get(absolute(start))).getRedirectedUrl()).startsWith(IDENTITY.url() + "/oauth2/authorize?");
    }

    @Test
    void prometheusScrapesWithoutSigningInAndStartsNoSession() throws Exception {
        var scrape = mvc.perform(get(PUBLIC + "/actuator/prometheus")).andReturn();

        assertThat(scrape.getResponse().getStatus()).isEqualTo(200);
        assertThat(scrape.getResponse().getContentAsString()).contains("application=\"web-app\"");
        assertThat(scrape.getRequest().getSession(false)).isNull();
    }

    @Test
    void theRootIsTheCatalogForEveryone() throws Exception {
        assertThat(send(get(PUBLIC + "/")).getRedirectedUrl()).isEqualTo("/catalog");
    }

    @Test
    void anonymousPageViewsStartNoSessionSoASignInUnderWayKeepsItsOwn() throws Exception {
        for (String path : List.of("/catalog", "/favicon.ico", "/no-such-page", "/credentials/unknown")) {
            MockHttpServletRequest request =
                    mvc.perform(get(PUBLIC + path)).andReturn().getRequest();

            assertThat(request.getSession(false)).as(path).isNull();
        }
        assertThat(mvc.perform(get(PUBLIC + "/favicon.ico"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);
    }

    @Test
    void startsSignInOnThePublicHostSoTheCallbackFindsTheSession() throws Exception {
        String redirect = send(get("http://localhost:8090/oauth2/authorization/credstack"))
                .getRedirectedUrl();

        assertThat(redirect).isEqualTo(PUBLIC + "/oauth2/authorization/credstack");
    }

    @Test
    void exchangesTheCodeWithTheClientSecretAndVerifierAndShowsWhoIsSignedIn() throws Exception {
        String landing = signIn(idToken(List.of("learner"), List.of()), 900);

        assertThat(landing).startsWith(PUBLIC + "/my/learning");
        StubService.Request exchange = lastTokenRequest();
        assertThat(exchange.authorization())
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString(("credstack-web:" + SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(exchange.body()).contains("grant_type=authorization_code", "code=the-code", "code_verifier=");

        String account = send(get(PUBLIC + "/account")).getContentAsString();
        assertThat(account)
                .contains("<dd id=\"name\">Ada Lovelace</dd>")
                .contains("<dd id=\"email\">ada@example.org</dd>")
                .contains("<span>Learner</span>")
                .contains("href=\"/my/learning\"")
                .doesNotContain("href=\"/operator\"");
    }

    @Test
    void relaysTheAccessTokenAndTheProvidersToControllers() throws Exception {
        signIn(idToken(List.of("learner", "provider_staff"), List.of("p-1")), 900);

        String probe = send(get(PUBLIC + "/my/probe")).getContentAsString();

        assertThat(probe).isEqualTo("Bearer access-1 learner-7 [p-1]");
    }

    @Test
    void refreshesAnExpiredAccessTokenWithTheRefreshToken() throws Exception {
        signIn(idToken(List.of("learner"), List.of()), 1);
        IDENTITY.json("/oauth2/token", tokens("access-2", null, 900));

        String probe = send(get(PUBLIC + "/my/probe")).getContentAsString();

        assertThat(probe).startsWith("Bearer access-2 ");
        assertThat(lastTokenRequest().body()).contains("grant_type=refresh_token", "refresh_token=refresh-1");
    }

    @Test
    void givesPageTestsTheSameCallerAsTheFlow() throws Exception {
        ClientRegistration app = registrations.findByRegistrationId(SignInConfiguration.REGISTRATION_ID);

        String probe = mvc.perform(get(PUBLIC + "/my/probe").with(SignedInAs.learner(app, "learner-9")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(probe).isEqualTo("Bearer access-token learner-9 []");
    }

    @Test
    void refusesPagesOfARoleThePersonDoesNotHave() throws Exception {
        signIn(idToken(List.of("learner"), List.of()), 900);

        assertThat(send(get(PUBLIC + "/operator")).getStatus()).isEqualTo(403);
        assertThat(send(get(PUBLIC + "/provider")).getStatus()).isEqualTo(403);
    }

    @Test
    void refusesAnIdTokenFromAnotherIssuerAndStaysSignedOut() throws Exception {
        String landing = signIn(idToken(List.of("operator"), List.of(), "https://elsewhere.example"), 900);

        assertThat(landing).isEqualTo("/sign-in-failed");
        MockHttpServletResponse failed = send(get(PUBLIC + "/sign-in-failed"));
        assertThat(failed.getStatus()).isEqualTo(401);
        assertThat(failed.getContentAsString())
                .contains("Sign-in did not work")
                .contains("<code>invalid_id_token</code>");
        assertThat(send(get(PUBLIC + "/account")).getRedirectedUrl()).endsWith("/oauth2/authorization/credstack");
    }

    @Test
    void signingOutForgetsThePersonAndTheirTokens() throws Exception {
        signIn(idToken(List.of("learner"), List.of()), 900);

        MockHttpSession signedIn = session;
        MockHttpServletResponse out = send(post(PUBLIC + "/sign-out").with(csrf()));
        session = new MockHttpSession();

        assertThat(out.getRedirectedUrl()).isEqualTo("/catalog?signed-out");
        assertThat(signedIn.isInvalid()).isTrue();
        assertThat(send(get(PUBLIC + "/account")).getRedirectedUrl()).endsWith("/oauth2/authorization/credstack");
    }

    @Test
    void refusesSigningOutWithoutTheFormsCsrfToken() throws Exception {
        signIn(idToken(List.of("learner"), List.of()), 900);

        assertThat(send(post(PUBLIC + "/sign-out")).getStatus()).isEqualTo(403);
        assertThat(send(get(PUBLIC + "/account")).getStatus()).isEqualTo(200);
    }

    /** Goes through the flow with the provider answering {@code idToken}; answers where the callback sends the browser. */
    private String signIn(IdToken idToken, int expiresIn) throws Exception {
        String start = send(get(PUBLIC + "/my/learning")).getRedirectedUrl();
        Map<String, String> authorize = query(send(get(absolute(start))).getRedirectedUrl());
        IDENTITY.json("/oauth2/token", tokens("access-1", idToken.sign(authorize.get("nonce")), expiresIn));
        return send(get(PUBLIC + "/login/oauth2/code/credstack")
                        .param("code", "the-code")
                        .param("state", authorize.get("state")))
                .getRedirectedUrl();
    }

    /** Sends {@code request} in this test's browser session. */
    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(session)).andReturn().getResponse();
    }

    private StubService.Request lastTokenRequest() {
        return IDENTITY.received().stream()
                .filter(request -> request.target().equals("/oauth2/token"))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private static String absolute(String location) {
        return location.startsWith("http") ? location : PUBLIC + location;
    }

    private static Map<String, String> query(String url) {
        return UriComponentsBuilder.fromUri(URI.create(url))
                .build()
                .getQueryParams()
                .toSingleValueMap()
                .entrySet()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> decode(e.getValue())));
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String tokens(String accessToken, String idToken, int expiresIn) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + ",\"refresh_token\":\"refresh-1\",\"scope\":\"openid profile email credstack\""
                + (idToken == null ? "" : ",\"id_token\":\"" + idToken + "\"") + "}";
    }

    private static IdToken idToken(List<String> roles, List<String> providerIds) {
        return idToken(roles, providerIds, IDENTITY.url().toString());
    }

    private static IdToken idToken(List<String> roles, List<String> providerIds, String issuer) {
        return new IdToken(roles, providerIds, issuer);
    }

    record IdToken(List<String> roles, List<String> providerIds, String issuer) {
        String sign(String nonce) throws Exception {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject("learner-7")
                    .audience("credstack-web")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(900)))
                    .claim("nonce", nonce)
                    .claim("name", "Ada Lovelace")
                    .claim("email", "ada@example.org")
                    .claim("roles", roles);
            if (!providerIds.isEmpty()) {
                claims.claim("provider_ids", providerIds);
            }
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(KEY.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        }
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
