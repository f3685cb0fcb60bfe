package org.credstack.catalog.importing;

import java.util.List;

/**
 * A catalog import was refused and nothing was stored. Carries every problem found, each naming where it is:
 * a JSON Pointer (RFC 6901) into the submitted document for problems of the source data, or a field path
 * such as {@code credentials[ce-3877cdec-...].estimatedDuration} for catalog rules a record breaks.
 *
 * <p>The service's problem advice answers it as an RFC 9457 problem: status 400 for {@link Reason#NOT_JSON} and
 * {@link Reason#BAD_PARAMETER}, 422 for {@link Reason#CONTENT}, with the problems as its {@code errors}.
 */
public class ImportRejected extends RuntimeException {

    /** Why the import was refused. */
    public enum Reason {
        /** The body is not JSON at all. */
        NOT_JSON,
        /** A query parameter has a value the import does not know. */
        BAD_PARAMETER,
        /** The JSON is not a CTDL or Open Badges document the catalog can take. */
        CONTENT
    }

    /**
     * One problem. Exactly one of {@code pointer} and {@code field} is set.
     *
     * @param pointer JSON Pointer into the submitted document ({@code ""} is the whole document), or {@code null}
     * @param field catalog field path or request parameter, or {@code null}
     * @param message what is wrong, in words
     */
    public record Problem(String pointer, String field, String message) {

        static Problem at(String pointer, String message) {
            return new Problem(pointer, null, message);
        }

        static Problem field(String field, String message) {
            return new Problem(null, field, message);
        }
    }

    private final String source;
    private final Reason reason;
    private final List<Problem> problems;

    ImportRejected(String source, Reason reason, List<Problem> problems) {
        super(summary(source, problems));
        this.source = source;
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    /** The document's source (file name or URL), or {@code null} when not given. */
    public String source() {
        return source;
    }

    /** Why it was refused. */
    public Reason reason() {
        return reason;
    }

    /** Every problem found, in document order; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(String source, List<Problem> problems) {
        String where = source == null ? "the document" : source;
        return problems.size() == 1
                ? where + " cannot be imported: " + problems.getFirst().message()
                : where + " cannot be imported: " + problems.size() + " problems";
    }
}
