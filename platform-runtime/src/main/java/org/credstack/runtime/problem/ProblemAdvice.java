package org.credstack.runtime.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What every servlet service answers when its own advice has no handler: Spring MVC's and Jackson's errors as
 * {@link Problems} ({@code invalid-request} with {@code errors}, {@code not-found}, {@code method-not-allowed},
 * {@code unsupported-media-type}, ...), 409 {@code conflict} for an {@link OptimisticLockingFailureException} that
 * outlived its retries, and 500 {@code internal-error} for anything else, logged, its message and class kept out of
 * the answer. Ordered last ({@link Problems#PLATFORM_ADVICE_ORDER}), so a service's domain handlers win.
 */
@RestControllerAdvice
@Order(Problems.PLATFORM_ADVICE_ORDER)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(Problems.unreadableBody(e));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemError> errors = new ArrayList<>();
        for (FieldError f : e.getBindingResult().getFieldErrors()) {
            String message = f.isBindingFailure()
                    ? "'" + Problems.echo(f.getRejectedValue()) + "' is not a valid value"
                    : f.getDefaultMessage();
            errors.add(ProblemError.field(f.getField(), message));
        }
        for (ObjectError global : e.getBindingResult().getGlobalErrors()) {
            errors.add(ProblemError.field("$", global.getDefaultMessage()));
        }
        return answer(Problems.invalidRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err ->
                                ProblemError.field(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return answer(Problems.invalidRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(Problems.invalidRequest(e.getParameterName(), "is required here"));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return answer(Problems.invalidRequest(missing.getHeaderName(), "this header is required"));
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = Problems.describe(e.getRequiredType());
        return answer(Problems.invalidRequest(
                name == null ? "$" : name, "'" + Problems.echo(e.getValue()) + "' is not " + expected));
    }

    /** A query parameter Spring cannot bind to a property, such as {@code providerId[$ne]} or {@code q.length}. */
    @ExceptionHandler(InvalidPropertyException.class)
    ResponseEntity<Object> invalidProperty(InvalidPropertyException e) {
        return answer(
                Problems.invalidRequest(Problems.echo(e.getPropertyName()), "is not a parameter of this request"));
    }

    /** A change that kept meeting a concurrent one until its retries ran out. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentModification(OptimisticLockingFailureException e) {
        log.info("answering 409: concurrent modification outlived the retries ({})", e.getMessage());
        return answer(Problems.problem(
                HttpStatus.CONFLICT,
                "conflict",
                "Concurrent modification",
                "the resource was changed by another request while this one ran; read it again and retry"));
    }

    /** Anything no handler names: logged with its stack trace, answered without message or class. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (e instanceof ErrorResponse known) {
            return answer(known.updateAndGetBody(getMessageSource(), request.getLocale()));
        }
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        if (declared != null && declared.code().value() < 500) {
            return answer(Problems.problem(
                    declared.code(),
                    Problems.nameOf(declared.code()),
                    declared.code().getReasonPhrase(),
                    declared.reason().isEmpty() ? declared.code().getReasonPhrase() : declared.reason()));
        }
        log.error("request failed unexpectedly", e);
        return answer(Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "the service failed to answer this request; the failure is logged"));
    }

    /** An unknown path: says so in the API's words, not as a missing static resource. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(Problems.problem(
                HttpStatus.NOT_FOUND,
                "not-found",
                "Not found",
                "nothing answers " + e.getHttpMethod() + " /" + e.getResourcePath()));
    }

    /**
     * Gives the problems Spring MVC builds itself (405, 406, 415, ...) a type of this scheme and the title that goes
     * with it ("Method not allowed"), the same as the factory's.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            named(problem, status);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        named(problem, HttpStatusCode.valueOf(problem.getStatus()));
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static void named(ProblemDetail problem, HttpStatusCode status) {
        if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
            String name = Problems.nameOf(status);
            problem.setType(URI.create(Problems.TYPE_PREFIX + name));
            problem.setTitle(Problems.titleOf(name));
        }
    }
}
