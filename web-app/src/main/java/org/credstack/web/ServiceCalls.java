package org.credstack.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every call to a service through that service's Resilience4j circuit breaker and time limiter (named
 * instances {@value #CATALOG} and {@value #BADGE} in application.yml). A 400, 401, 403, 404, 409 or 422 is an
 * answer, not a failure: it does not count against the breaker. Anything else (refused connection, timeout, 5xx, open breaker) is the
 * fallback {@link Fetched#unavailable()}, logged once as a warning.
 */
@Component
public class ServiceCalls {

    /** The breaker of catalog-service. */
    public static final String CATALOG = "catalog";
    /** The breaker of badge-service. */
    public static final String BADGE = "badge";
    /** The breaker of enrollment-service. */
    public static final String ENROLLMENT = "enrollment";
    /** The breaker of notification-service. */
    public static final String NOTIFICATION = "notification";
    /** The breaker of identity-service (or the OIDC provider's account API). */
    public static final String IDENTITY = "identity";

    private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);

    private final CircuitBreakerFactory<?, ?> breakers;
    private final JsonMapper json;

    ServiceCalls(CircuitBreakerFactory<?, ?> breakers, JsonMapper json) {
        this.breakers = breakers;
        this.json = json;
    }

    /** Calls {@code request} through the breaker named {@code service}; never throws. */
    public <T> Fetched<T> call(String service, Supplier<T> request) {
        return breakers.create(service).run(() -> answer(request), failure -> {
            log.warn("{} unavailable: {}", service, failure.toString());
            return Fetched.unavailable();
        });
    }

    private <T> Fetched<T> answer(Supplier<T> request) {
        try {
            return Fetched.found(request.get());
        } catch (HttpClientErrorException.NotFound e) {
            return Fetched.notFound();
        } catch (HttpClientErrorException.BadRequest | HttpClientErrorException.UnprocessableContent e) {
            return Fetched.rejected(problemDetail(e), fieldErrors(e));
        } catch (HttpClientErrorException.Unauthorized | HttpClientErrorException.Forbidden e) {
            return Fetched.forbidden(problem(e).path("detail").asString("not allowed"));
        } catch (HttpClientErrorException.Conflict e) {
            return Fetched.conflict(problem(e).path("detail").asString("the service refused the change"));
        }
    }

    /**
     * The problem's first named error ({@code field: message}; only the message when it names the whole body, pointer
     * {@code ""}), else its {@code detail}.
     */
    private String problemDetail(HttpClientErrorException e) {
        JsonNode problem = problem(e);
        JsonNode error = problem.path("errors").path(0);
        if (error.isObject()) {
            String message = error.path("message").asString("");
            return fieldOf(error).isEmpty() ? message : fieldOf(error) + ": " + message;
        }
        return problem.path("detail").asString("the service refused the request");
    }

    /** Every {@code errors[]} entry of the problem as field (or pointer) → message, in order. */
    private Map<String, String> fieldErrors(HttpClientErrorException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode error : problem(e).path("errors")) {
            errors.putIfAbsent(fieldOf(error), error.path("message").asString(""));
        }
        return errors;
    }

    private static String fieldOf(JsonNode error) {
        return error.path("field").asString(error.path("pointer").asString(""));
    }

    /** The problem+json body, or an empty object when it is not one. */
    private JsonNode problem(HttpClientErrorException e) {
        try {
            return json.readTree(e.getResponseBodyAsString());
        } catch (RuntimeException unreadable) {
            return json.createObjectNode();
        }
    }
}
