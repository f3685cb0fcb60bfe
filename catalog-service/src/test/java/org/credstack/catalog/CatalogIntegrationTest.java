package org.credstack.catalog;

import java.net.URI;
import java.util.List;
import org.credstack.events.Topic;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.credstack.testsupport.TestBroker;
import org.credstack.testsupport.TestBroker.Received;
import org.credstack.testsupport.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The catalog helpers on top of the shared {@link ServiceIntegrationTest}: an HTTP client that never throws
 * on error statuses and sends {@link #token} as its bearer token, and a read of {@code catalog.credentials.v1}.
 */
public abstract class CatalogIntegrationTest extends ServiceIntegrationTest {

    /** The collection credentials are stored in. */
    protected static final String CREDENTIALS = "credentials";

    @Autowired
    protected MongoTemplate mongo;

    /**
     * A response as the client saw it.
     *
     * @param body the body parsed as JSON, {@code null} when there is none
     */
    public record Answer(int status, String contentType, String location, JsonNode body) {}

    /**
     * The access token every helper request sends: an operator's, who may do everything, unless a test sets
     * another ({@link TestTokens}); {@code null} sends none.
     */
    protected String token = TestTokens.operator();

    protected RestClient http() {
        RestClient.Builder client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {});
        if (token != null) {
            client.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        }
        return client.build();
    }

    protected Answer get(String path) {
        return answer(http().get().uri(path).retrieve().toEntity(String.class));
    }

    /**
     * GETs a path and query string exactly as given, already encoded (no template expansion, no re-encoding).
     */
    protected Answer getExactly(String path) {
        return answer(http().get()
                .uri(URI.create("http://localhost:" + port + path))
                .retrieve()
                .toEntity(String.class));
    }

    /**
     * GETs a request target byte for byte over a plain socket (HTTP/1.0), for targets no {@link URI} accepts,
     * such as {@code ?q=%}.
     */
    protected Answer getRaw(String target) throws java.io.IOException {
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.0\r\nHost: localhost\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String response =
                    new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int headersEnd = response.indexOf("\r\n\r\n");
            String head = response.substring(0, headersEnd);
            String contentType = head.lines()
                    .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).strip())
                    .findFirst()
                    .orElse(null);
            String body = response.substring(headersEnd + 4);
            return new Answer(
                    Integer.parseInt(head.split(" ")[1]), contentType, null, body.isEmpty() ? null : readTree(body));
        }
    }

    protected Answer post(String path, Object body) {
        var request = http().post().uri(path);
        if (body instanceof String raw) {
            request.contentType(MediaType.APPLICATION_JSON).body(raw);
        } else if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        return answer(request.retrieve().toEntity(String.class));
    }

    /**
     * POSTs bytes exactly as given, with the given {@code Content-Type} ({@code null}: none).
     *
     * @param path path and query string, already encoded
     */
    protected Answer post(String path, String contentType, byte[] body) {
        var request = http().post().uri(URI.create("http://localhost:" + port + path));
        if (contentType != null) {
            request.contentType(MediaType.parseMediaType(contentType));
        }
        return answer(request.body(body).retrieve().toEntity(String.class));
    }

    protected Answer put(String path, Object body) {
        String raw = body instanceof String s ? s : json.writeValueAsString(body);
        return answer(http().put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(raw)
                .retrieve()
                .toEntity(String.class));
    }

    private Answer answer(ResponseEntity<String> entity) {
        return new Answer(
                entity.getStatusCode().value(),
                String.valueOf(entity.getHeaders().getContentType()),
                entity.getHeaders().getFirst("Location"),
                entity.getBody() == null ? null : readTree(entity.getBody()));
    }

    /** The body as JSON; a body that is not JSON (the servlet container's own error page) as a JSON string. */
    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return json.getNodeFactory().stringNode(body);
        }
    }

    protected long storedCredentials() {
        return mongo.getCollection(CREDENTIALS).countDocuments();
    }

    /** Every record on {@code catalog.credentials.v1} from offset 0 up to its current end, in partition order. */
    protected List<Received> catalogEvents() {
        // a broker of its own: SampleCatalogImportIT reads from @BeforeAll, before the per-test broker opens
        try (TestBroker reader = new TestBroker(json)) {
            return reader.readToEnd(Topic.CATALOG_CREDENTIALS_V1);
        }
    }

    protected List<Received> catalogEvents(String credentialId) {
        return catalogEvents().stream()
                .filter(r -> credentialId.equals(r.key()))
                .toList();
    }
}
