package org.credstack.catalog;

import java.util.List;
import org.credstack.catalog.common.CatalogRuleViolation;
import org.credstack.catalog.common.UnknownCatalogEntry;
import org.credstack.catalog.credential.IllegalTransition;
import org.credstack.catalog.importing.ImportRejected;
import org.credstack.catalog.search.InvalidQueryParameter;
import org.credstack.runtime.problem.ProblemError;
import org.credstack.runtime.problem.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

/**
 * The catalog's own problems, built by the platform's {@link Problems} (RFC 9457, {@code application/problem+json},
 * {@code errors} of {@code {field | pointer, message}}); everything else (unreadable JSON, wrong types, 404 for an
 * unknown path, 405, 415, 409 {@code conflict} after lost retries, 500) is the platform's advice, ordered after this
 * one. A {@code field} is a request field (JSON path such as {@code assignments[0].moveOn}, {@code $} for the whole
 * body), a query or path parameter, or the field path of an imported record such as
 * {@code credentials[ce-3877cdec-...].estimatedDuration}; a {@code pointer} is an RFC 6901 JSON Pointer into a
 * document submitted for import ({@code ""} the whole document, {@code /0/criteria}).
 *
 * <ul>
 *   <li>400 {@code invalid-request}: a bad query parameter of a search or import
 *   <li>400 {@code not-json}: a document submitted for import is not JSON (adds {@code source} when given)
 *   <li>422 {@code rule-violation}: readable input that breaks a catalog rule ({@link CatalogRuleViolation})
 *   <li>422 {@code import-rejected}: a document that cannot be imported; nothing of it was stored (adds
 *       {@code source} when given)
 *   <li>404 {@code not-found}: unknown provider, credential or version
 *   <li>409 {@code illegal-transition}: a lifecycle step the status does not allow (adds {@code currentStatus})
 *   <li>409 {@code conflict}: a source key already taken
 * </ul>
 */
@RestControllerAdvice
@Order(Problems.SERVICE_ADVICE_ORDER)
class CatalogProblems {

    @ExceptionHandler(CatalogRuleViolation.class)
    ProblemDetail ruleViolation(CatalogRuleViolation e) {
        return ruleViolation(e.field(), e);
    }

    @ExceptionHandler(ImportRejected.class)
    ProblemDetail importRejected(ImportRejected e) {
        List<ProblemError> errors = e.problems().stream()
                .map(p -> p.pointer() != null
                        ? ProblemError.pointer(p.pointer(), p.message())
                        : ProblemError.field(p.field(), p.message()))
                .toList();
        ProblemDetail body = switch (e.reason()) {
            case NOT_JSON ->
                Problems.problem(HttpStatus.BAD_REQUEST, "not-json", "The import is not JSON", e.getMessage(), errors);
            case BAD_PARAMETER ->
                Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage(), errors);
            case CONTENT ->
                Problems.problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "import-rejected",
                        "The document cannot be imported",
                        e.getMessage(),
                        errors);
        };
        if (e.source() != null) {
            body.setProperty("source", e.source());
        }
        return body;
    }

    @ExceptionHandler(UnknownCatalogEntry.class)
    ProblemDetail notFound(UnknownCatalogEntry e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(IllegalTransition.class)
    ProblemDetail illegalTransition(IllegalTransition e) {
        ProblemDetail body =
                Problems.problem(HttpStatus.CONFLICT, "illegal-transition", "Illegal lifecycle step", e.getMessage());
        body.setProperty("currentStatus", e.status());
        return body;
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return Problems.problem(
                HttpStatus.CONFLICT,
                "conflict",
                "Already exists",
                "an entry with this key exists already",
                List.of(ProblemError.field("sourceKey", "already taken")));
    }

    @ExceptionHandler(InvalidQueryParameter.class)
    ProblemDetail invalidQueryParameter(InvalidQueryParameter e) {
        return Problems.invalidRequest(Problems.echo(e.parameter()), e.getMessage());
    }

    /**
     * A body whose value objects refuse a value while Jackson reads it is a 422 rule violation at that value's
     * path; any other unreadable body is the platform's 400 {@code invalid-request}.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        CatalogRuleViolation violation = Problems.causeOf(e, CatalogRuleViolation.class);
        if (violation == null) {
            return Problems.unreadableBody(e);
        }
        JacksonException json = Problems.causeOf(e, JacksonException.class);
        return ruleViolation(fieldAt(json == null ? "" : Problems.jsonPath(json), violation.field()), violation);
    }

    private static ProblemDetail ruleViolation(String field, CatalogRuleViolation e) {
        return Problems.problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "rule-violation",
                "Catalog rule violated",
                e.getMessage(),
                List.of(ProblemError.field(field, e.getMessage())));
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
}
