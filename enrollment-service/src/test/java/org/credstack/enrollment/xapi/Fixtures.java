package org.credstack.enrollment.xapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Reads the fixture files copied from shared/fixtures/completions into test resources. */
public final class Fixtures {

    private Fixtures() {}

    /**
     * The statements under {@code xapi/} a conformant LRS accepts (200 in the folder's README), as
     * {@code @MethodSource("org.credstack.enrollment.xapi.Fixtures#validStatements")}.
     */
    public static Stream<String> validStatements() {
        return Stream.of(
                "valid-01-spec-minimal-statement.json",
                "valid-02-spec-simple-statement.json",
                "valid-03-spec-attempted-completion-duration-seconds.json",
                "valid-04-spec-long-example-group-actor-context.json",
                "valid-05-spec-voiding-statement.json",
                "valid-06-suite-unicode-statement.json",
                "valid-07-suite-account-actor-result-context.json",
                "valid-08-suite-mbox-sha1sum-actor.json",
                "valid-09-suite-timestamp-rfc3339-plus-zero.json",
                "valid-10-suite-timestamp-non-utc-offset.json",
                "valid-11-suite-duration-sub-centisecond.json");
    }

    /**
     * The statements under {@code xapi/} a conformant LRS rejects (400 in the folder's README), each with
     * the JSON pointer of the offending field: arguments {@code (file, pointer)}.
     */
    public static Stream<Arguments> invalidStatements() {
        return Stream.of(
                Arguments.of("invalid-01-suite-timestamp-neg-zero-offset.json", "/timestamp"),
                Arguments.of("invalid-02-suite-timestamp-not-iso8601.json", "/timestamp"),
                Arguments.of("invalid-03-suite-score-scaled-above-1.json", "/result/score/scaled"),
                Arguments.of("invalid-04-suite-completion-as-string.json", "/result/completion"),
                Arguments.of("invalid-05-suite-duration-weeks-combined.json", "/result/duration"),
                Arguments.of("invalid-06-suite-agent-two-ifis.json", "/actor"),
                Arguments.of("invalid-07-suite-mbox-not-mailto.json", "/actor/mbox"),
                Arguments.of("invalid-08-suite-voided-verb-without-statementref.json", "/object/objectType"),
                Arguments.of("invalid-09-suite-batch-duplicate-ids.json", "/1/id"));
    }

    /** The text of a test resource such as {@code xapi/valid-01-spec-minimal-statement.json}. */
    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
