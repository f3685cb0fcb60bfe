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
 * The few identity, catalog and enrollment requests the harness makes outside the measured phase (README, "The learner
 * journey, request by request"): a provider, a published one-assignment credential and its partner client (as the
 * operator), learners and their enrollments (as the operator too: see {@link #register}). Thread-safe; one HTTP/1.1 connection pool.
 */
final class PlatformClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PARTNER_HOME_PAGE = "https://lms.load.credstack.example";
    private static final int ATTEMPTS = 3;

    private final URI catalog;
    private final URI enrollment;
    private final URI identity;
    private final LoadTokens tokens;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    PlatformClient(LoadSettings settings) {
        this.catalog = settings.catalog();
        this.enrollment = settings.enrollment();
        this.identity = settings.identity();
        this.tokens = new LoadTokens(identity, settings.dataDir());
    }

    /** The run's tokens: the partner's for the measured phase. */
    LoadTokens tokens() {
        return tokens;
    }

    /** A learner enrolled in the run's credential, named by the partner with {@code account}. */
    record Enrolled(String learnerId, String enrollmentId, String account) {}

    /**
     * Creates, as the operator, a provider and a credential with one assignment ({@code moveOn} {@code Completed}) on
     * {@code activityId}, and publishes it; then the provider's partner client at identity-service, whose token
     * {@link LoadTokens#partner()} hands out from then on.
     *
     * @return the credential id
     * @throws Refused if the catalog or identity-service refuses a request
     */
    String publishOneAssignmentCredential(String run, String activityId) {
        String operator = tokens.operator();
        String providerId = post(catalog.resolve("/api/v1/providers"), Map.of("name", "Load provider " + run), operator)
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
        String credentialId = post(catalog.resolve("/api/v1/credentials"), draft, operator)
                .get("id")
                .asText();
        post(catalog.resolve("/api/v1/credentials/" + credentialId + "/publish"), Map.of(), operator);
        JsonNode client = post(
                identity.resolve("/api/v1/providers/" + providerId + "/clients"),
                Map.of("name", "Load partner " + run),
                operator);
        tokens.startPartner(
                client.get("clientId").asText(), client.get("clientSecret").asText());
        return credentialId;
    }

    /**
     * Registers a learner (their enrollment-service record with an e-mail and an account on {@link
     * #PARTNER_HOME_PAGE}) and enrolls them.
     *
     * @throws Refused if a request is refused, e.g. 404 when enrollment-service does not know the credential
     */
    Enrolled registerAndEnroll(String handle, String credentialId) {
        Registered learner = register(handle);
        return new Enrolled(learner.id(), enroll(learner, credentialId), handle);
    }

    /**
     * Registers and enrolls a first learner, retrying the enrollment while enrollment-service's catalog replica does
     * not know the credential yet (it learns it from {@code catalog.credentials.v1}).
     *
     * @throws Refused if it still does not after {@code deadline}
     */
    Enrolled awaitEnrollable(String handle, String credentialId, Duration deadline) {
        Registered learner = register(handle);
        Instant end = Instant.now().plus(deadline);
        while (true) {
            try {
                return new Enrolled(learner.id(), enroll(learner, credentialId), handle);
            } catch (Refused e) {
                if (e.status != 404 || Instant.now().isAfter(end)) {
                    throw e;
                }
                pause(Duration.ofMillis(200));
            }
        }
    }

    /** A learner's enrollment-service id and the token that registered them (the operator's). */
    private record Registered(String id, String token) {}

    /**
     * Registers a learner's enrollment-service record as the operator, under an id of the harness's choosing. The
     * learners of a load run have no identity-service account: an account and a sign-in cost two bcrypt hashes
     * (about 200 ms of CPU on the reference machine), which made seeding 5 learners/s and measures identity-service,
     * not the pipeline. JourneyIT covers learners who register and sign in themselves.
     */
    private Registered register(String handle) {
        String email = handle + "@learners.load.example";
        String token = tokens.operator();
        Map<String, Object> registration = Map.of(
                "id",
                "learner-" + handle,
                "displayName",
                handle,
                "emails",
                List.of(email),
                "accounts",
                List.of(Map.of("homePage", PARTNER_HOME_PAGE, "name", handle)));
        String id = post(enrollment.resolve("/api/v1/learners"), registration, token)
                .get("id")
                .asText();
        return new Registered(id, token);
    }

    private String enroll(Registered learner, String credentialId) {
        return post(
                        enrollment.resolve("/api/v1/learners/" + learner.id() + "/enrollments"),
                        Map.of("credentialId", credentialId),
                        learner.token())
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

    /** POSTs JSON with a bearer token (none when {@code accessToken} is null), retrying a 5xx or I/O error twice. */
    private JsonNode post(URI uri, Object body, String accessToken) {
        byte[] json = write(body);
        for (int attempt = 1; ; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json));
                if (accessToken != null) {
                    request.header("Authorization", "Bearer " + accessToken);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
