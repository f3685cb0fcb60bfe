package org.credstack.runtime.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTest {

    static final String ALICE = "203.0.113.7";
    static final String BOB = "198.51.100.20";

    final TestClock clock = new TestClock(Instant.parse("2025-03-01T09:00:00Z"));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void answers429WithRetryAfterAndAProblemOnceTheKeysPermitsAreSpent() throws Exception {
        RateLimitFilter filter = filter(Map.of("verify", verifyLimit(2, Duration.ofMinutes(1))));

        assertThat(send(filter, verify(ALICE)).passed()).isTrue();
        assertThat(send(filter, verify(ALICE)).passed()).isTrue();
        Sent third = send(filter, verify(ALICE));

        assertThat(third.passed()).isFalse();
        assertThat(third.response().getStatus()).isEqualTo(429);
        // two permits refill evenly over a minute: the next one in 30 s
        assertThat(third.response().getHeader("Retry-After")).isEqualTo("30");
        assertThat(third.response().getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = third.problem();
        assertThat(problem.path("type").asString()).isEqualTo("urn:credstack:problem:too-many-requests");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asString())
                .isEqualTo("The rate limit 'verify' allows 2 requests per minute for each client address;"
                        + " try again in 30 seconds.");
        assertThat(problem.path("limit").asString()).isEqualTo("verify");
        assertThat(problem.path("retryAfter").asLong()).isEqualTo(30);
        assertThat(meters.get(RateLimitFilter.THROTTLED_METRIC)
                        .tag("limit", "verify")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void retryAfterCountsDownWithTheClockInWholeSecondsAndIsAtLeastOne() throws Exception {
        RateLimitFilter filter = filter(Map.of("verify", verifyLimit(1, Duration.ofMinutes(1))));
        send(filter, verify(ALICE));

        clock.advance(Duration.ofMillis(58_500));
        assertThat(send(filter, verify(ALICE)).response().getHeader("Retry-After"))
                .isEqualTo("2");
        clock.advance(Duration.ofMillis(1_499));
        assertThat(send(filter, verify(ALICE)).response().getHeader("Retry-After"))
                .isEqualTo("1");
    }

    @Test
    void anotherClientAddressKeepsItsOwnPermits() throws Exception {
        RateLimitFilter filter = filter(Map.of("verify", verifyLimit(1, Duration.ofMinutes(1))));
        send(filter, verify(ALICE));
        assertThat(send(filter, verify(ALICE)).passed()).isFalse();

        assertThat(send(filter, verify(BOB)).passed()).isTrue();
    }

    @Test
    void refillsThePermitsOverThePeriod() throws Exception {
        RateLimitFilter filter = filter(Map.of("verify", verifyLimit(2, Duration.ofMinutes(1))));
        send(filter, verify(ALICE));
        send(filter, verify(ALICE));
        assertThat(send(filter, verify(ALICE)).passed()).isFalse();

        clock.advance(Duration.ofSeconds(30));
        assertThat(send(filter, verify(ALICE)).passed()).isTrue();
        assertThat(send(filter, verify(ALICE)).passed()).isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(send(filter, verify(ALICE)).passed()).isTrue();
        assertThat(send(filter, verify(ALICE)).passed()).isTrue();
        assertThat(send(filter, verify(ALICE)).passed()).isFalse();
    }

    @Test
    void ignoresASpoofedXForwardedFor() throws Exception {
        RateLimitFilter filter = filter(Map.of("verify", verifyLimit(2, Duration.ofMinutes(1))));

        for (int i = 0; i < 2; i++) {
            MockHttpServletRequest request = verify(ALICE);
            request.addHeader("X-Forwarded-For", "192.0.2." + i);
            assertThat(send(filter, request).passed()).isTrue();
        }
        MockHttpServletRequest spoofed = verify(ALICE);
        spoofed.addHeader("X-Forwarded-For", "192.0.2.99");
        spoofed.addHeader("Forwarded", "for=192.0.2.100");

        assertThat(send(filter, spoofed).response().getStatus()).isEqualTo(429);
    }

    @Test
    void countsIpv6AddressesByTheirSlash64() throws Exception {
        RateLimitFilter filter = filter(Map.of("verify", verifyLimit(1, Duration.ofMinutes(1))));
        send(filter, verify("2001:db8:1:2::1"));

        assertThat(send(filter, verify("2001:db8:1:2:ffff::9")).passed()).isFalse();
        assertThat(send(filter, verify("2001:db8:1:3::1")).passed()).isTrue();
    }

    @Test
    void countsOnlyTheMethodsAndPathsOfTheLimit() throws Exception {
        RateLimitFilter filter = filter(Map.of("verify", verifyLimit(1, Duration.ofMinutes(1))));
        send(filter, verify(ALICE));

        assertThat(send(filter, request("GET", "/api/v1/verify", ALICE)).passed())
                .isTrue();
        assertThat(send(filter, request("POST", "/api/v1/verify/more", ALICE)).passed())
                .isTrue();
        assertThat(send(filter, request("POST", "/api/v1/learners", ALICE)).passed())
                .isTrue();
        assertThat(send(filter, verify(ALICE)).passed()).isFalse();
    }

    @Test
    void countsPartnersByTheirBasicKeyWithoutReadingTheSecret() throws Exception {
        RateLimitFilter filter = filter(Map.of("partner", partnerLimit(1)));
        MockHttpServletRequest first = statement(ALICE);
        first.addHeader("Authorization", basic("key-1", "secret-a"));
        assertThat(send(filter, first).passed()).isTrue();

        MockHttpServletRequest sameKeyOtherSecret = statement(BOB);
        sameKeyOtherSecret.addHeader("Authorization", basic("key-1", "another:secret"));
        MockHttpServletRequest otherKeySameAddress = statement(ALICE);
        otherKeySameAddress.addHeader("Authorization", basic("key-2", "secret-a"));

        assertThat(send(filter, sameKeyOtherSecret).passed()).isFalse();
        assertThat(send(filter, otherKeySameAddress).passed()).isTrue();
        assertThat(RateLimitKey.caller(basic("key-1", "secret-a"))).hasValue("key:key-1");
    }

    @Test
    void countsBearerCallersByTheTokensSubjectWithoutValidatingIt() throws Exception {
        RateLimitFilter filter = filter(Map.of("partner", partnerLimit(1)));
        MockHttpServletRequest first = statement(ALICE);
        first.addHeader("Authorization", "Bearer " + unverifiedToken("{\"sub\":\"client-7\"}"));
        assertThat(send(filter, first).passed()).isTrue();

        MockHttpServletRequest sameSubject = statement(BOB);
        sameSubject.addHeader("Authorization", "Bearer " + unverifiedToken("{\"sub\":\"client-7\",\"x\":1}"));
        MockHttpServletRequest otherClient = statement(ALICE);
        otherClient.addHeader("Authorization", "Bearer " + unverifiedToken("{\"client_id\":\"client-8\"}"));

        assertThat(send(filter, sameSubject).passed()).isFalse();
        assertThat(send(filter, otherClient).passed()).isTrue();
        String plain =
                new PlainJWT(new JWTClaimsSet.Builder().subject("client-9").build()).serialize();
        assertThat(RateLimitKey.caller("Bearer " + plain)).hasValue("sub:client-9");
    }

    @Test
    void countsACallerWithoutReadableCredentialsByItsAddress() throws Exception {
        RateLimitFilter filter = filter(Map.of("partner", partnerLimit(1)));
        MockHttpServletRequest anonymous = statement(ALICE);
        MockHttpServletRequest garbled = statement(ALICE);
        garbled.addHeader("Authorization", "Bearer not-a-jwt");

        assertThat(send(filter, anonymous).passed()).isTrue();
        assertThat(send(filter, garbled).passed()).isFalse();
        assertThat(RateLimitKey.caller("Basic %%%")).isEmpty();
        assertThat(RateLimitKey.caller("Digest username=\"x\"")).isEmpty();
        assertThat(RateLimitKey.CALLER.of(statement(BOB))).isEqualTo("address:" + BOB);
    }

    @Test
    void keepsAtMostMaxKeysBucketsAndDropsIdleOnesAfterAPeriod() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(
                new RateLimitProperties(true, 3, Map.of("verify", verifyLimit(1, Duration.ofMinutes(1)))),
                clock,
                meters);

        for (int i = 0; i < 1000; i++) {
            send(filter, verify("10.0." + (i / 256) + "." + (i % 256)));
        }
        assertThat(keys("verify")).isLessThanOrEqualTo(3);

        clock.advance(Duration.ofMinutes(1));
        assertThat(keys("verify")).isZero();
    }

    @Test
    void zeroPermitsOrDisabledTurnsLimitsOff() throws Exception {
        RateLimitFilter zero = filter(Map.of("verify", verifyLimit(0, Duration.ofMinutes(1))));
        RateLimitFilter disabled = new RateLimitFilter(
                new RateLimitProperties(false, 10, Map.of("verify", verifyLimit(1, Duration.ofMinutes(1)))),
                clock,
                meters);

        for (int i = 0; i < 5; i++) {
            assertThat(send(zero, verify(ALICE)).passed()).isTrue();
            assertThat(send(disabled, verify(ALICE)).passed()).isTrue();
        }
        assertThat(zero.limitNames()).isEmpty();
        assertThat(disabled.limitNames()).isEmpty();
    }

    @Test
    void aRequestUnderTwoLimitsIsRefusedByTheFirstWithoutAPermit() throws Exception {
        Map<String, RateLimitProperties.Limit> limits = new LinkedHashMap<>();
        limits.put("partner", partnerLimit(5));
        limits.put(
                "partner-address",
                new RateLimitProperties.Limit(
                        List.of("/xapi/**"), List.of(), RateLimitKey.CLIENT_ADDRESS, 2, Duration.ofSeconds(1)));
        RateLimitFilter filter = filter(limits);

        for (int i = 0; i < 2; i++) {
            MockHttpServletRequest forged = statement(ALICE);
            forged.addHeader("Authorization", basic("made-up-" + i, "x"));
            assertThat(send(filter, forged).passed()).isTrue();
        }
        MockHttpServletRequest forged = statement(ALICE);
        forged.addHeader("Authorization", basic("made-up-3", "x"));
        Sent refused = send(filter, forged);

        assertThat(refused.response().getStatus()).isEqualTo(429);
        assertThat(refused.problem().path("limit").asString()).isEqualTo("partner-address");
        assertThat(refused.problem().path("detail").asString())
                .startsWith("The rate limit 'partner-address' allows 2 requests per second for each client address");
    }

    @Test
    void describesPeriodsInWords() {
        assertThat(RateLimitFilter.words(Duration.ofMinutes(1))).isEqualTo("minute");
        assertThat(RateLimitFilter.words(Duration.ofSeconds(10))).isEqualTo("10 seconds");
        assertThat(RateLimitFilter.words(Duration.ofHours(2))).isEqualTo("2 hours");
        assertThat(RateLimitFilter.words(Duration.ofMillis(250))).isEqualTo("250 ms");
    }

    RateLimitFilter filter(Map<String, RateLimitProperties.Limit> limits) {
        return new RateLimitFilter(new RateLimitProperties(true, 1000, limits), clock, meters);
    }

    static RateLimitProperties.Limit verifyLimit(int permits, Duration period) {
        return new RateLimitProperties.Limit(
                List.of("/api/v1/verify"), List.of("POST"), RateLimitKey.CLIENT_ADDRESS, permits, period);
    }

    static RateLimitProperties.Limit partnerLimit(int permits) {
        return new RateLimitProperties.Limit(
                List.of("/xapi/**"), List.of(), RateLimitKey.CALLER, permits, Duration.ofSeconds(1));
    }

    static MockHttpServletRequest verify(String address) {
        return request("POST", "/api/v1/verify", address);
    }

    static MockHttpServletRequest statement(String address) {
        return request("POST", "/xapi/statements", address);
    }

    static MockHttpServletRequest request(String method, String path, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        return request;
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** A JWT-shaped token with a made-up signature: the filter must read it all the same. */
    static String unverifiedToken(String claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    double keys(String limit) {
        return meters.get(RateLimitFilter.KEYS_METRIC)
                .tag("limit", limit)
                .gauge()
                .value();
    }

    static Sent send(RateLimitFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Sent(chain.getRequest() != null, response);
    }

    /** What the filter did with one request: handed it on ({@code passed}) or answered it. */
    record Sent(boolean passed, MockHttpServletResponse response) {

        JsonNode problem() throws Exception {
            assertThat(response.getStatus()).isEqualTo(429);
            return JsonMapper.shared().readTree(response.getContentAsString());
        }
    }
}
