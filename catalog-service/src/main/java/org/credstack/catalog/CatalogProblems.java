package org.credstack.catalog;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.credstack.catalog.common.CatalogRuleViolation;
import org.credstack.catalog.common.UnknownCatalogEntry;
import org.credstack.catalog.credential.IllegalTransition;
import org.credstack.catalog.importing.ImportRejected;
import org.credstack.catalog.search.InvalidQueryParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The catalog's one mapping from errors to RFC 9457 problem details ({@code application/problem+json}).
 *
 * <p>Every answer has {@code type} ({@code urn:credstack:problem:<name>}), {@code title}, {@code status} and
 * {@code detail}. Problems caused by input add {@code errors}, a list of objects that each have
 * {@code message} and say where the mistake is with exactly one of:
 *
 * <ul>
 *   <li>{@code field}: a request field (JSON path such as {@code assignments[0].moveOn}, {@code $} for the whole
 *       body), a query or path parameter name, or the field path of an imported record such as
 *       {@code credentials[ce-3877cdec-...].estimatedDuration};
 *   <li>{@code pointer}: a JSON Pointer (RFC 6901) into a document submitted for import, {@code ""} being the
 *       whole document, e.g. {@code /image} or {@code /0/criteria}.
 * </ul>
 *
 * <p>One answer may mix both kinds. The names:
 *
 * <ul>
 *   <li>400 {@code invalid-request}: unreadable JSON, a wrong type or enum value, a bad query or path parameter
 *   <li>400 {@code not-json}: a document submitted for import is not JSON (adds {@code source} when given)
 *   <li>422 {@code rule-violation}: readable input that breaks a catalog rule ({@link CatalogRuleViolation})
 *   <li>422 {@code import-rejected}: a document that cannot be imported; nothing of it was stored (adds
 *       {@code source} when given)
 *   <li>404 {@code not-found}: unknown provider, credential, version or path
 *   <li>409 {@code illegal-transition}: a lifecycle step the status does not allow (adds {@code currentStatus})
 *   <li>409 {@code conflict}: concurrent modification after retries, or a source key already taken
 *   <li>other statuses Spring MVC answers itself ({@code unsupported-media-type}, {@code method-not-allowed},
 *       {@code not-acceptable}, ...) are named after the status; 500 {@code internal-error} says nothing more
 * </ul>
 */
@RestControllerAdvice
class CatalogProblems extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "urn:credstack:problem:";
    private static final URI ABOUT_BLANK = URI.create("about:blank");
    private static final int MAX_ECHO = 80;
    private static final Logger log = LoggerFactory.getLogger(CatalogProblems.class);

    @ExceptionHandler(CatalogRuleViolation.class)
    ResponseEntity<Object> ruleViolation(CatalogRuleViolation e) {
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "rule-violation",
                "Catalog rule violated",
                e.getMessage(),
                List.of(error(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<Object> importRejected(ImportRejected e) {
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> p.pointer() != null ? pointerError(p.pointer(), p.message()) : error(p.field(), p.message()))
                .toList();
        ProblemDetail body = switch (e.reason()) {
            case NOT_JSON -> detail(HttpStatus.BAD_REQUEST, "not-json", "The import is not JSON", e.getMessage());
            case BAD_PARAMETER -> detail(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
            case CONTENT ->
                detail(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "import-rejected",
                        "The document cannot be imported",
                        e.getMessage());
        };
        if (e.source() != null) {
            body.setProperty("source", e.source());
        }
        body.setProperty("errors", errors);
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    @ExceptionHandler(UnknownCatalogEntry.class)
    ResponseEntity<Object> notFound(UnknownCatalogEntry e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(IllegalTransition.class)
    ResponseEntity<Object> illegalTransition(IllegalTransition e) {
        ProblemDetail body =
                detail(HttpStatus.CONFLICT, "illegal-transition", "Illegal lifecycle step", e.getMessage());
        body.setProperty("currentStatus", e.status());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentModification(OptimisticLockingFailureException e) {
        return problem(
                HttpStatus.CONFLICT,
                "conflict",
                "Concurrent modification",
                "the entry was changed by others while this request ran; read it again and retry",
                null);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e) {
        return problem(
                HttpStatus.CONFLICT,
                "conflict",
                "Already exists",
                "an entry with this key exists already",
                List.of(error("sourceKey", "already taken")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException json = causeOf(e, JacksonException.class);
        CatalogRuleViolation violation = causeOf(e, CatalogRuleViolation.class);
        String path = json == null ? "" : path(json);
        if (violation != null) {
            String field = fieldAt(path, violation.field());
            return problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "rule-violation",
                    "Catalog rule violated",
                    violation.getMessage(),
                    List.of(error(field, violation.getMessage())));
        }
        String message = json == null ? "the body is not readable JSON" : plainMessage(json);
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                path.isEmpty() ? message : "'" + path + "': " + message,
                List.of(error(path.isEmpty() ? "$" : path, message)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> error(f.getField(), message(f)))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> error(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(List.of(error(e.getParameterName(), "is required here")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null
                ? "another type"
                : e.getRequiredType().getSimpleName();
        return invalid(List.of(error(e.getName(), "'" + echo(e.getValue()) + "' is not a valid " + expected)));
    }

    @ExceptionHandler(InvalidQueryParameter.class)
    ResponseEntity<Object> invalidQueryParameter(InvalidQueryParameter e) {
        return invalid(List.of(error(echo(e.parameter()), e.getMessage())));
    }

    /** A query parameter Spring cannot bind, such as {@code providerId[$ne]} or {@code q.length}. */
    @ExceptionHandler(InvalidPropertyException.class)
    ResponseEntity<Object> invalidProperty(InvalidPropertyException e) {
        return invalid(List.of(error(echo(e.getPropertyName()), "is not a parameter of this request")));
    }

    /** The query string cannot be decoded, e.g. {@code ?q=%} (Tomcat refuses it while parsing parameters). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameters(InvalidParameterException e) {
        return invalid(List.of(error("query", "the query string is not valid percent-encoded UTF-8")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("request failed unexpectedly", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "the catalog failed to answer this request; it is logged",
                null);
    }

    /** Gives the problems Spring MVC answers itself (415, 405, 406, 404, ...) a type of this scheme. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            problem.setType(URI.create(TYPE_PREFIX + name(status)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String name(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return switch (status.value()) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 500 -> "internal-error";
            default ->
                known == null
                        ? "http-" + status.value()
                        : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    private ResponseEntity<Object> invalid(List<Map<String, String>> errors) {
        String detail = errors.stream()
                .map(err -> err.get("field") + ": " + err.get("message"))
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, errors);
    }

    private static String message(FieldError f) {
        if (f.isBindingFailure()) {
            return "'" + echo(f.getRejectedValue()) + "' is not a valid value";
        }
        return f.getDefaultMessage();
    }

    private static ResponseEntity<Object> problem(
            HttpStatus status, String type, String title, String detail, List<Map<String, String>> errors) {
        ProblemDetail body = detail(status, type, title, detail);
        if (errors != null) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(body);
    }

    private static ProblemDetail detail(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_PREFIX + type));
        body.setTitle(title);
        return body;
    }

    private static Map<String, String> error(String field, String message) {
        return errorAt("field", field, message);
    }

    private static Map<String, String> pointerError(String pointer, String message) {
        return errorAt("pointer", pointer, message);
    }

    private static Map<String, String> errorAt(String kind, String where, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put(kind, where);
        error.put("message", message == null ? "invalid" : message);
        return error;
    }

    /** A rejected value as quoted back to the client: never more than {@value #MAX_ECHO} characters of it. */
    static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
    }

    /**
     * Where a rule violation raised while reading the body lies: the value objects name their fields from
     * their own root ({@code stackRule.requiredNumber}), so a nested rule's Jackson path
     * ({@code stackRule.rules[1]}) replaces that root rather than repeating it.
     */
    static String fieldAt(String path, String field) {
        if (path.isEmpty()) {
            return field;
        }
        if (path.startsWith(STACK_RULE) && field.startsWith(STACK_RULE)) {
            return path + field.substring(STACK_RULE.length());
        }
        return path + "." + field;
    }

    private static final String STACK_RULE = "stackRule";

    /** A Jackson error in words a client can act on, without Java class names. */
    static String plainMessage(JacksonException e) {
        if (e instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            return "'" + echo(f.getValue()) + "' is not one of "
                    + List.of(f.getTargetType().getEnumConstants());
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + echo(f.getValue()) + "' is not a valid " + describe(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return "expected " + describe(m.getTargetType());
        }
        if (e instanceof DatabindException) {
            return "this value cannot be read here";
        }
        return e.getOriginalMessage();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.Period.class) {
            return "an ISO 8601 period such as P2Y";
        }
        return "an object";
    }

    /** JSON path of a Jackson error, e.g. {@code assignments[0].moveOn}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
