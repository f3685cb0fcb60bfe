package org.credstack.runtime.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one factory for the RFC 9457 problem details ({@code application/problem+json}) every CredStack service
 * answers with. A problem has:
 *
 * <ul>
 *   <li>{@code type}: {@code urn:credstack:problem:<name>}, the name in kebab case ({@code invalid-request});
 *   <li>{@code title}: a short, fixed summary of the type; {@code status}: the HTTP status; {@code detail}: what
 *       went wrong this time, in words, never an exception message of the framework or a Java class name;
 *   <li>{@code errors} (only for input mistakes): a list of {@link ProblemError} {@code {field | pointer,
 *       message}};
 *   <li>extension members a service adds with {@link ProblemDetail#setProperty} ({@code currentStatus}, ...).
 * </ul>
 *
 * <p>Names every service shares: 400 {@code invalid-request} (unreadable JSON, wrong type or value, missing or bad
 * parameter, failed validation), 404 {@code not-found}, 405 {@code method-not-allowed}, 406 {@code
 * not-acceptable}, 409 {@code conflict} (a concurrent change that outlived its retries), 413 {@code
 * payload-too-large}, 415 {@code unsupported-media-type}, 429 {@code too-many-requests} (a rate limit, with
 * {@code Retry-After}), 500 {@code internal-error}. A service's own problems
 * have names of their own ({@code credential-not-found}, {@code illegal-transition}).
 */
public final class Problems {

    /** What every problem {@code type} starts with. */
    public static final String TYPE_PREFIX = "urn:credstack:problem:";

    /**
     * The order of a service's own {@code @RestControllerAdvice} ({@code @Order(Problems.SERVICE_ADVICE_ORDER)}):
     * ahead of the platform's advice, which answers everything the service's advice does not.
     */
    public static final int SERVICE_ADVICE_ORDER = 0;

    /** The order of the platform's advice: last. */
    static final int PLATFORM_ADVICE_ORDER = Ordered.LOWEST_PRECEDENCE;

    private static final int MAX_ECHO = 80;

    /** The limit a {@link StreamConstraintsException} names: {@code ... exceeds the maximum allowed (500, from ...}. */
    private static final Pattern CONSTRAINT_LIMIT = Pattern.compile("maximum allowed \\((\\d+)");

    private Problems() {}

    /**
     * A problem without field errors.
     *
     * @param name the last part of the {@code type}, e.g. {@code credential-not-found}
     */
    public static ProblemDetail problem(HttpStatusCode status, String name, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + name));
        problem.setTitle(title);
        return problem;
    }

    /**
     * A problem of a status that has no name of its own: named {@link #nameOf(HttpStatusCode)} and titled {@link
     * #titleOf(String)}, e.g. 413 {@code payload-too-large}, "Payload too large".
     */
    public static ProblemDetail problem(HttpStatusCode status, String detail) {
        String name = nameOf(status);
        return problem(status, name, titleOf(name), detail);
    }

    /** A problem listing where the input is wrong ({@code errors}, at least one). */
    public static ProblemDetail problem(
            HttpStatusCode status, String name, String title, String detail, Collection<ProblemError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a problem with errors needs at least one");
        }
        ProblemDetail problem = problem(status, name, title, detail);
        problem.setProperty("errors", List.copyOf(errors));
        return problem;
    }

    /**
     * 400 {@code invalid-request}: the {@code detail} lists the errors as {@code where: message; ...}.
     *
     * @param errors at least one
     */
    public static ProblemDetail invalidRequest(Collection<ProblemError> errors) {
        String detail = errors.stream().map(e -> e.where() + ": " + e.message()).collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, errors);
    }

    /** 400 {@code invalid-request} about one field, parameter or header. */
    public static ProblemDetail invalidRequest(String field, String message) {
        return invalidRequest(List.of(ProblemError.field(field, message)));
    }

    /**
     * 400 {@code invalid-request} for a body Jackson could not read: one error at the JSON path of the value
     * ({@code $} when the body is not JSON at all), saying what was expected there. A body that is not JSON is
     * described in words of our own ({@link #syntaxError(JacksonException, String)}), never in the parser's.
     */
    public static ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        JacksonException json = causeOf(e, JacksonException.class);
        if (json == null || !(json instanceof DatabindException)) {
            String message =
                    json == null ? "the request body is not readable JSON" : syntaxError(json, "the request body");
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "Invalid request",
                    message,
                    List.of(ProblemError.field("$", message)));
        }
        String path = jsonPath(json);
        return invalidRequest(path.isEmpty() ? "$" : path, plainMessage(json));
    }

    /** The name a status has when a problem of it has no name of its own: {@code method-not-allowed}. */
    public static String nameOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "invalid-request";
            case 413 -> "payload-too-large";
            case 500 -> "internal-error";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null
                        ? "http-" + status.value()
                        : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        };
    }

    /** The title that goes with a problem name: {@code method-not-allowed} is "Method not allowed". */
    public static String titleOf(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('-', ' ');
    }

    /**
     * Writes a problem as the whole response, for filters that answer before Spring MVC does, with the request's path
     * as its {@code instance} (when it has none) as Spring MVC gives every problem it answers. Sets the status and
     * {@code Content-Type: application/problem+json}.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // a path the firewall would refuse: the problem goes without an instance rather than echo it
            }
        }
        write(response, problem);
    }

    /**
     * Writes a problem as the whole response, for filters that answer before Spring MVC does. Sets the status and
     * {@code Content-Type: application/problem+json}. Prefer {@link #write(HttpServletRequest, HttpServletResponse,
     * ProblemDetail)}, which gives it its {@code instance}.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        byte[] json = JsonMapper.shared().writeValueAsBytes(body);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** A rejected value as quoted back to the client: never more than {@value #MAX_ECHO} characters of it. */
    public static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
    }

    /** The JSON path of a Jackson error in the request's own names: {@code assignments[0].moveOn}. */
    public static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The first cause of {@code e} (itself included) of the given type, or {@code null}. */
    public static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A Jackson error in words a client can act on, without Java class names. */
    static String plainMessage(JacksonException e) {
        if (e instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            return "'" + echo(f.getValue()) + "' is not one of "
                    + List.of(f.getTargetType().getEnumConstants());
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + echo(f.getValue()) + "' is not " + describe(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return "expected " + describe(m.getTargetType());
        }
        if (e instanceof DatabindException) {
            return "this value cannot be read here";
        }
        return syntaxError(e, "the value");
    }

    /**
     * What is wrong with a JSON text, for a problem's detail, in words of our own (never the parser's message, which
     * names its classes and settings), with the line and column where the parser stopped when that helps: {@code the
     * text is not valid JSON (line 1, column 4)}, {@code the text ends before its JSON is complete (line 1, column
     * 2)}, {@code the text nests JSON arrays or objects too deeply (at most 500 levels)}.
     */
    public static String syntaxError(JacksonException e) {
        return syntaxError(e, "the text");
    }

    /**
     * {@link #syntaxError(JacksonException)} about a subject of the caller's: {@code the request body is not valid
     * JSON (line 1, column 4)}.
     *
     * @param subject what held the JSON, e.g. {@code the request body}
     */
    public static String syntaxError(JacksonException e, String subject) {
        if (e instanceof StreamConstraintsException) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.contains("nesting depth")) {
                Matcher limit = CONSTRAINT_LIMIT.matcher(message);
                return subject + " nests JSON arrays or objects too deeply"
                        + (limit.find() ? " (at most " + limit.group(1) + " levels)" : "");
            }
            return subject + " holds a JSON value, name or number longer than allowed";
        }
        if (e instanceof UnexpectedEndOfInputException) {
            return subject + " ends before its JSON is complete" + where(e);
        }
        return subject + " is not valid JSON" + where(e);
    }

    /** {@code " (line 1, column 4)"} where the parser stopped, or nothing when it did not say. */
    private static String where(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return "";
        }
        return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == java.time.Period.class) {
            return "an ISO 8601 period such as P2Y";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        return "an object";
    }
}
