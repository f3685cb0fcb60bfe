package org.credstack.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.credstack.demo.JourneyReport.Assignment;
import org.credstack.demo.JourneyReport.Learner;
import tools.jackson.databind.node.ObjectNode;

/**
 * The xAPI 1.0.3 statements a partner LMS sends about one learner's assignments, shaped like the fixtures in
 * {@code enrollment-service/src/test/resources/xapi}: cmi5 verbs ({@code failed}, {@code completed}, {@code passed}),
 * {@code result.success}/{@code completion}/{@code score.scaled}, and timestamps in the partner's own offset (+02:00).
 *
 * <p>What is sent follows the assignment's cmi5 {@code moveOn}: {@code completed} for Completed and CompletedOrPassed,
 * {@code passed} (score above {@code masteryScore}) for Passed, both for CompletedAndPassed, nothing for
 * NotApplicable. A learner who {@link Learner#failsFirst() fails first} gets a {@code failed} attempt, scored below
 * mastery, before each {@code passed}. Statement ids are derived from the run, learner, activity and verb, so sending
 * the same statements again is a repeat the LRS must ignore, not new evidence.
 */
final class PartnerStatements {

    static final String PARTNER_HOME_PAGE = "https://lms.partner.example";
    static final ZoneOffset PARTNER_OFFSET = ZoneOffset.ofHours(2);

    private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
    private static final double DEFAULT_PASS = 0.92;

    private final String run;
    private final Learner learner;
    private Instant next;

    /**
     * @param run distinguishes this journey's statement ids from another run's
     * @param firstTimestamp the timestamp of the first statement; each next one is a minute later
     */
    PartnerStatements(String run, Learner learner, Instant firstTimestamp) {
        this.run = run;
        this.learner = learner;
        this.next = firstTimestamp;
    }

    /** The statements for one assignment, oldest first. */
    List<ObjectNode> about(Assignment assignment) {
        String moveOn = assignment.moveOn() == null ? "Completed" : assignment.moveOn();
        double mastery = assignment.masteryScore() == null ? 0.8 : assignment.masteryScore();
        List<ObjectNode> statements = new ArrayList<>();
        boolean completes =
                moveOn.equals("Completed") || moveOn.startsWith("CompletedAnd") || moveOn.startsWith("CompletedOr");
        boolean passes = moveOn.equals("Passed") || moveOn.equals("CompletedAndPassed");
        if (passes && learner.failsFirst()) {
            statements.add(statement(assignment, "failed", Math.max(0, mastery - 0.25), false));
        }
        if (completes) {
            statements.add(statement(assignment, "completed", null, null));
        }
        if (passes) {
            statements.add(statement(assignment, "passed", Math.max(DEFAULT_PASS, Math.min(1, mastery + 0.1)), true));
        }
        return statements;
    }

    private ObjectNode statement(Assignment assignment, String verb, Double scaled, Boolean success) {
        ObjectNode statement = Http.JSON.createObjectNode();
        statement.put("id", id(assignment.activityId(), verb).toString());
        statement.set("actor", actor());
        ObjectNode verbNode = statement.putObject("verb");
        verbNode.put("id", VERBS + verb);
        verbNode.putObject("display").put("en-US", verb);
        ObjectNode object = statement.putObject("object");
        object.put("objectType", "Activity");
        object.put("id", assignment.activityId());
        if (assignment.title() != null) {
            object.putObject("definition").putObject("name").put("en-US", assignment.title());
        }
        ObjectNode result = statement.putObject("result");
        result.put("completion", true);
        if (success != null) {
            result.put("success", success);
        }
        if (scaled != null) {
            double rounded = Math.round(scaled * 100) / 100.0;
            ObjectNode score = result.putObject("score");
            score.put("scaled", rounded);
            score.put("raw", Math.round(rounded * 100));
            score.put("min", 0);
            score.put("max", 100);
        }
        result.put("duration", "PT45M");
        statement.putObject("context").put("platform", "Partner LMS (" + PARTNER_HOME_PAGE + ")");
        statement.put("timestamp", timestamp());
        return statement;
    }

    private ObjectNode actor() {
        ObjectNode actor = Http.JSON.createObjectNode();
        actor.put("objectType", "Agent");
        actor.put("name", learner.displayName());
        switch (learner.identifiedBy()) {
            case "account" -> {
                ObjectNode account = actor.putObject("account");
                account.put("homePage", PARTNER_HOME_PAGE);
                account.put("name", learner.account());
            }
            case "mbox" -> actor.put("mbox", "mailto:" + learner.email());
            case "mbox_sha1sum" -> actor.put("mbox_sha1sum", sha1Hex("mailto:" + learner.email()));
            default -> throw new IllegalArgumentException("unknown identifier kind " + learner.identifiedBy());
        }
        return actor;
    }

    private String timestamp() {
        Instant at = next;
        next = next.plusSeconds(60);
        return OffsetDateTime.ofInstant(at, PARTNER_OFFSET).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private UUID id(String activityId, String verb) {
        String name = String.join("|", run, learner.id(), activityId, verb);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static String sha1Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
