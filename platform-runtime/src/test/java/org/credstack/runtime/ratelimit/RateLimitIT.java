package org.credstack.runtime.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.credstack.testsupport.InfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service that says it sits behind a proxy ({@code server.forward-headers-strategy=native}): the client address
 * is then the one a trusted proxy (here loopback, in Tomcat's default internal proxies) puts in {@code
 * X-Forwarded-For}, so two clients behind the proxy keep their own permits. (Without that setting the header is
 * ignored: {@code RateLimitFilterTest}, badge-service's {@code VerifyRateLimitIT}.)
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=runtime-test",
            "server.forward-headers-strategy=native",
            "credstack.rate-limits.limits.hello.paths=/hello",
            "credstack.rate-limits.limits.hello.permits=1",
            "credstack.rate-limits.limits.hello.period=1h"
        })
@InfrastructureTest
class RateLimitIT {

    @Configuration
    @EnableAutoConfiguration
    @Import(Hello.class)
    static class TestApplication {}

    @RestController
    static class Hello {
        @GetMapping("/hello")
        String hello() {
            return "hello";
        }
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void countsTheClientATrustedProxyNamesWhenTheServiceSaysItIsBehindOne() throws Exception {
        assertThat(get("192.0.2.10").statusCode()).isEqualTo(200);
        HttpResponse<String> again = get("192.0.2.10");

        assertThat(again.statusCode()).isEqualTo(429);
        // a real clock here: the hour has begun to run out
        assertThat(Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(3000L, 3600L);
        assertThat(get("192.0.2.11").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String forwardedFor) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hello"))
                        .header("X-Forwarded-For", forwardedFor)
                        .build(),
                BodyHandlers.ofString());
    }
}
