package org.credstack.enrollment.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/** CloudEvents 1.0.2 over HTTP (binding 1.0.2): both content modes, and what is refused naming the attribute. */
class CloudEventTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheSpecsStructuredJsonExampleWithANullSubjectAsUnset() {
        CloudEvent event = CloudEvent.read(
                headers(CloudEvent.STRUCTURED + "; charset=UTF-8"),
                fixture("cloudevents-structured-json-object-data.json"),
                json);

        assertThat(event.id()).isEqualTo("C234-1234-1234");
        assertThat(event.source()).isEqualTo("/mycontext");
        assertThat(event.type()).isEqualTo("com.example.someevent");
        assertThat(event.subject()).isNull();
        assertThat(event.time()).isEqualTo(Instant.parse("2018-04-05T17:31:00Z"));
        assertThat(event.data().get("appinfoB").intValue()).isEqualTo(123);
    }

    @Test
    void refusesTheSpecsCoreExampleForItsXmlData() {
        assertThatThrownBy(() ->
                        CloudEvent.read(headers(CloudEvent.STRUCTURED), fixture("cloudevents-core-example.json"), json))
                .isInstanceOfSatisfying(
                        InvalidCloudEvent.class, e -> assertThat(e.field()).isEqualTo("datacontenttype"));
    }

    @Test
    void readsBinaryModeFromPercentEncodedCeHeaders() {
        HttpHeaders headers = headers("application/json");
        headers.add("ce-specversion", "1.0");
        headers.add("CE-ID", "evt-1");
        headers.add("ce-source", "https://lms.example/%C3%A9cole");
        headers.add("ce-type", "org.credstack.partner.CompletionReported.v1");
        headers.add("ce-subject", "a+b%20c");
        headers.add("ce-time", "2026-03-01T10:00:00+01:00");

        CloudEvent event = CloudEvent.read(headers, bytes("{\"activityId\": \"https://lms.example/a\"}"), json);

        assertThat(event.id()).isEqualTo("evt-1");
        assertThat(event.source()).isEqualTo("https://lms.example/école");
        assertThat(event.subject()).isEqualTo("a+b c");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(event.data().get("activityId").stringValue()).isEqualTo("https://lms.example/a");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "specversion | {\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data\":{}}",
                "specversion | {\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data\":{}}",
                "id          | {\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\",\"data\":{}}",
                "id          | {\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/s\",\"type\":\"t\",\"data\":{}}",
                "source      | {\"specversion\":\"1.0\",\"id\":\"1\",\"type\":\"t\",\"data\":{}}",
                "source      | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"a b\",\"type\":\"t\",\"data\":{}}",
                "type        | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"data\":{}}",
                "type        | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":7,\"data\":{}}",
                "time        | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"yesterday\",\"data\":{}}",
                "data        | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}",
                "data_base64 | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data_base64\":\"e30=\"}",
                "$           | [1, 2]"
            })
    void refusesAStructuredEventNamingTheAttribute(String attribute, String body) {
        assertThatThrownBy(() -> CloudEvent.read(headers(CloudEvent.STRUCTURED), bytes(body), json))
                .isInstanceOfSatisfying(
                        InvalidCloudEvent.class, e -> assertThat(e.field()).isEqualTo(attribute));
    }

    @Test
    void refusesABinaryEventWithoutCeHeadersNamingSpecversion() {
        assertThatThrownBy(() -> CloudEvent.read(headers("application/json"), bytes("{}"), json))
                .isInstanceOfSatisfying(
                        InvalidCloudEvent.class, e -> assertThat(e.field()).isEqualTo("specversion"));
    }

    private static HttpHeaders headers(String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.CONTENT_TYPE, contentType);
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fixture(String name) {
        try (InputStream in = CloudEventTest.class.getResourceAsStream("/webhooks/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
