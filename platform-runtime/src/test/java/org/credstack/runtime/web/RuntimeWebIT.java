package org.credstack.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.credstack.testsupport.InfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=runtime-test", "credstack.runtime.max-request-size=1KB"})
@InfrastructureTest
class RuntimeWebIT {

    @Configuration
    @EnableAutoConfiguration
    @Import(EchoLength.class)
    static class TestApplication {}

    @RestController
    static class EchoLength {
        @PostMapping("/echo-length")
        int length(@RequestBody byte[] body) {
            return body.length;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void acceptsABodyUpToTheLimit() throws Exception {
        HttpResponse<String> response = send(post(BodyPublishers.ofByteArray(new byte[1024])));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1024");
    }

    @Test
    void acceptsAChunkedBodyUpToTheLimit() throws Exception {
        HttpResponse<String> response = send(post(chunked(1000)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1000");
    }

    @Test
    void rejectsADeclaredContentLengthOverTheLimitWithAProblem() throws Exception {
        HttpResponse<String> response = send(post(BodyPublishers.ofByteArray(new byte[1025])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:credstack:problem:payload-too-large");
        assertThat(problem.path("title").asString()).isEqualTo("Payload too large");
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("instance").asString()).isEqualTo("/echo-length");
        assertThat(problem.path("detail").asString()).contains("1024 bytes");
    }

    @Test
    void rejectsAChunkedBodyOverTheLimitWithAProblem() throws Exception {
        HttpResponse<String> response = send(post(chunked(5000)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).path("type").asString())
                .isEqualTo("urn:credstack:problem:payload-too-large");
    }

    @Test
    void answersAnUnknownPathWithAProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/no-such-thing")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void answersAWrongMethodWithAProblem() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/echo-length")).DELETE());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(405);
    }

    /** A publisher of unknown length, so the client sends it chunked. */
    private static HttpRequest.BodyPublisher chunked(int size) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size]));
    }

    private HttpRequest.Builder post(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(uri("/echo-length"))
                .header("Content-Type", "application/octet-stream")
                .POST(body);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofString());
    }
}
