package org.credstack.enrollment.xapi;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One or more xAPI statements break the xAPI 1.0.3 / 2.0.0 data rules (xAPI Data section 2.4), so the whole
 * request is rejected and nothing is stored. Each {@link Problem} names the offending value by an RFC 6901 JSON
 * pointer into the request body (for example {@code /result/score/scaled}, or {@code /1/id} for the second
 * statement of a batch), so the API can answer an RFC 9457 problem naming the field.
 *
 * <p>Value objects of this package throw it from their constructors with pointers relative to themselves (a
 * {@link Score} names {@code /scaled}); {@link StatementReader} prefixes them with where the value sits.
 */
public class StatementRejected extends RuntimeException {

    private final List<Problem> problems;

    /**
     * @param problems what is wrong, at least one
     */
    public StatementRejected(List<Problem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** What is wrong, in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One broken rule.
     *
     * @param pointer RFC 6901 JSON pointer of the offending value; {@code ""} is the whole document
     * @param message what is wrong, in words
     */
    public record Problem(String pointer, String message) {

        public Problem {
            if (pointer == null || message == null) {
                throw new IllegalArgumentException("a problem has a pointer and a message");
            }
        }
    }

    static void require(boolean fact, String pointer, String message) {
        if (!fact) {
            throw at(pointer, message);
        }
    }

    static StatementRejected at(String pointer, String message) {
        return new StatementRejected(List.of(new Problem(pointer, message)));
    }

    /** The same problems, their pointers prefixed with {@code parent}. */
    List<Problem> under(String parent) {
        return problems.stream()
                .map(p -> new Problem(parent + p.pointer(), p.message()))
                .toList();
    }

    private static String describe(List<Problem> problems) {
        return problems.stream()
                .map(p -> p.pointer().isEmpty() ? p.message() : p.pointer() + ": " + p.message())
                .collect(Collectors.joining("; "));
    }
}
