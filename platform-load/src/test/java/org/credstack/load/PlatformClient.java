package org.credstack.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The few catalog and enrollment requests the harness makes outside the measured phase (README, "The learner
 * journey, request by request"): a provider, a published one-assignment credential, learners and their enrollments.
 * Thread-safe; one HTTP/1.1 connection pool.
 */
final class PlatformClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PARTNER_HOME_PAGE = "https://lms.load.credstack.example";
    private static final int ATTEMPTS = 3;

    private final URI catalog;
    private final URI enrollment;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    PlatformClient(LoadSettings settings) {
        this.catalog = settings.catalog();
        this.enrollment = settings.enrollment();
    }

    /** A learner enrolled in the run's credential, named by the partner with {@code account}. */
    record Enrolled(String learnerId, String enrollmentId, String account) {}

    /**
     * Creates a provider and a credential with one assignment ({@code moveOn} {@code Completed}) on {@code
     * activityId}, and publishes it.
     *
     * @return the credential id
     * @throws Refused if the catalog refuses a request
     */
    String publishOneAssignmentCredential(String run, String activityId) {
        String providerId = post(catalog.resolve("/api/v1/providers"), Map.of("name", "Load provider " + run))
                .get("id")
                .asText();
        Map<String, Object> draft = Map.of(
                "title",
                "Load credential " + run,
                "description",
                "One assignment, completed by one xAPI statement",
                "kind",
                "MICRO_CREDENTIAL",
                "category",
                "TECHNICAL",
                "providerId",
                providerId,
                "assignments",
                List.of(Map.of("id", "finish", "title", "Finish", "activityId", activityId, "moveOn", "Completed")));
        String credentialId =
                post(catalog.resolve("/api/v1/credentials"), draft).get("id").asText();
        post(catalog.resolve("/api/v1/credentials/" + credentialId + "/publish"), Map.of());
        return credentialId;
    }

    /**
     * Registers a learner (an e-mail and an account on {@link #PARTNER_HOME_PAGE}) and enrolls them.
     *
     * @throws Refused if a request is refused, e.g. 404 when enrollment-service does not know the credential
     */
    Enrolled registerAndEnroll(String handle, String credentialId) {
        String learnerId = register(handle);
        return new Enrolled(learnerId, enroll(learnerId, credentialId), handle);
    }

    /**
     * Registers and enrolls a first learner, retrying the enrollment while enrollment-service's catalog replica does
     * not know the credential yet (it learns it from {@code catalog.credentials.v1}).
     *
     * @throws Refused if it still does not after {@code deadline}
     */
    Enrolled awaitEnrollable(String handle, String credentialId, Duration deadline) {
        String learnerId = register(handle);
        Instant end = Instant.now().plus(deadline);
        while (true) {
            try {
                return new Enrolled(learnerId, enroll(learnerId, credentialId), handle);
            } catch (Refused e) {
                if (e.status != 404 || Instant.now().isAfter(end)) {
                    throw e;
                }
                pause(Duration.ofMillis(200));
            }
        }
    }

    private String register(String handle) {
        Map<String, Object> registration = Map.of(
                "displayName", handle,
                "emails", List.of(handle + "@learners.load.example"),
                "accounts", List.of(Map.of("homePage", PARTNER_HOME_PAGE, "name", handle)));
        return post(enrollment.resolve("/api/v1/learners"), registration)
                .get("id")
                .asText();
    }

    private String enroll(String learnerId, String credentialId) {
        return post(
                        enrollment.resolve("/api/v1/learners/" + learnerId + "/enrollments"),
                        Map.of("credentialId", credentialId))
                .get("id")
                .asText();
    }

    /** A request the platform answered with a status other than 2xx. */
    static final class Refused extends IllegalStateException {
        final int status;

        Refused(URI uri, int status, String body) {
            super("POST " + uri + " answered " + status + " " + body);
            this.status = status;
        }
    }

    private JsonNode post(URI uri, Object body) {
        byte[] json = write(body);
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                if (response.statusCode() < 500 || attempt == ATTEMPTS) {
                    throw new Refused(uri, response.statusCode(), response.body());
                }
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new UncheckedIOException("POST " + uri + " failed", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during POST " + uri, e);
            }
            pause(Duration.ofMillis(100L * attempt));
        }
    }

    private static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
