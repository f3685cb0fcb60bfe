package org.credstack.runtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One entry of a problem's {@code errors} list: where the mistake is, and what is wrong there. Exactly one of
 * {@code field} and {@code pointer} is set; the other is left out of the JSON.
 *
 * @param field a request field as a JSON path ({@code assignments[0].moveOn}, {@code $} for the whole body), or the
 *     name of a query parameter, path variable or header
 * @param pointer an RFC 6901 JSON Pointer into a submitted document ({@code /1/timestamp}, {@code ""} for the
 *     whole document), as xAPI and the importers report
 * @param message what is wrong, in words a client can act on; never a Java class name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(String field, String pointer, String message) {

    public ProblemError {
        if ((field == null) == (pointer == null)) {
            throw new IllegalArgumentException("exactly one of field and pointer, was " + field + " / " + pointer);
        }
        message = message == null || message.isBlank() ? "is not valid" : message;
    }

    /** An error at a request field, parameter or header. */
    public static ProblemError field(String field, String message) {
        return new ProblemError(Objects.requireNonNull(field, "field"), null, message);
    }

    /** An error at a JSON Pointer into a submitted document. */
    public static ProblemError pointer(String pointer, String message) {
        return new ProblemError(null, Objects.requireNonNull(pointer, "pointer"), message);
    }

    /** The {@code field} or the {@code pointer}, whichever is set. */
    String where() {
        return field != null ? field : pointer;
    }
}
