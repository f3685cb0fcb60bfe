package org.credstack.web.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credstack.web.Fixtures;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /verify} in the real servlet container (MockMvc does not parse multipart bodies): the form's upload with its
 * CSRF token reaches badge-service, a file over 1 MB is named on the form, and one over the app's multipart limit
 * (5 MB) is the 413 page naming {@code file} ({@code templates/error/413.html}), never a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerifyUploadIT {

    static final StubService BADGE = StubService.start()
            .answer("POST", "/api/v1/verify", 200, "application/json", Fixtures.verification("verified"));

    static final String BOUNDARY = "credstack-test-boundary";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.badge-url", BADGE::url);
    }

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    /** The form's CSRF token, read from the page as a browser would (the session cookie kept). */
    private String csrfToken() throws Exception {
        String form = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/verify"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).as("the form's CSRF field").isTrue();
        return token.group(1);
    }

    /**
     * Posts the form with a file of {@code content}; answers {@code status + " " + page}. The container may close
     * the connection before it has read an oversized body, so the status is kept even when the page is cut off.
     */
    private String upload(byte[] content) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken()
                        + "\r\n--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"credential.json\"\r\n"
                        + "Content-Type: application/json\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/verify"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        AtomicInteger status = new AtomicInteger();
        AtomicReference<String> page = new AtomicReference<>("");
        try {
            http.send(request, info -> {
                status.set(info.statusCode());
                return HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), text -> {
                            page.set(text);
                            return text;
                        });
            });
        } catch (IOException cutOff) {
            // the container closed the connection after answering (it does not read an oversized body to its end)
        }
        return status.get() + " " + page.get();
    }

    @Test
    void passesAnUploadWithItsCsrfTokenOnToBadgeService() throws Exception {
        String credential = Fixtures.credential(null).strip();

        String answer = upload(credential.getBytes(StandardCharsets.UTF_8));

        assertThat(answer).startsWith("200 ").contains("Result: <span>Verified</span>");
        assertThat(BADGE.bodies()).anySatisfy(body -> {
            assertThat(body.contentType()).isEqualTo("application/json");
            assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo(credential);
        });
    }

    @Test
    void namesAFileOverOneMegabyteOnTheFormAndOneOverTheUploadLimitOnA413Page() throws Exception {
        int before = BADGE.bodies().size();

        String overBadgeServicesLimit = upload(new byte[2 * 1024 * 1024]);
        // just over 5 MB: the container reads up to its limit and swallows the rest, so the answer arrives whole
        String overTheAppsLimit = upload(new byte[5 * 1024 * 1024 + 1024]);

        assertThat(overBadgeServicesLimit)
                .startsWith("400 ")
                .contains("file is 2097152 bytes; at most 1 MB (1048576 bytes) can be checked");
        assertThat(overTheAppsLimit).startsWith("413 ");
        assertThat(overTheAppsLimit)
                .contains("<title>File too large – CredStack</title>")
                .contains("data-field=\"file\"")
                .doesNotContain("Exception");
        assertThat(BADGE.bodies()).hasSize(before);
    }
}
