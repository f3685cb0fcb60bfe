package org.credstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.credstack.demo.JourneyReport.Assignment;
import org.credstack.demo.JourneyReport.Learner;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PartnerStatementsTest {

    static final Instant FIRST = Instant.parse("2026-03-01T08:00:00Z");
    static final Assignment QUIZ = new Assignment(
            "quiz", "Final quiz", "https://lms.partner.example/activities/quiz", "CompletedAndPassed", 0.8);

    static Learner learner(String identifiedBy, boolean failsFirst) {
        return new Learner("l-1", "Alan Turing", "alan@learners.example", "alan", identifiedBy, failsFirst);
    }

    @Test
    void sendsAFailedAttemptBelowMasteryBeforeTheCompletionAndThePassAboveIt() {
        List<ObjectNode> statements = new PartnerStatements("run", learner("mbox", true), FIRST).about(QUIZ);

        assertThat(statements)
                .extracting(s -> s.get("verb").get("id").asString())
                .containsExactly(
                        "http://adlnet.gov/expapi/verbs/failed",
                        "http://adlnet.gov/expapi/verbs/completed",
                        "http://adlnet.gov/expapi/verbs/passed");
        JsonNode failed = statements.get(0).get("result");
        JsonNode passed = statements.get(2).get("result");
        assertThat(failed.get("success").asBoolean()).isFalse();
        assertThat(failed.get("score").get("scaled").asDouble()).isLessThan(0.8);
        assertThat(passed.get("success").asBoolean()).isTrue();
        assertThat(passed.get("score").get("scaled").asDouble()).isGreaterThan(0.8);
    }

    @Test
    void sendsOnlyWhatTheMoveOnRuleReads() {
        PartnerStatements partner = new PartnerStatements("run", learner("mbox", false), FIRST);

        assertThat(partner.about(new Assignment("a", "A", "https://x.example/a", "Completed", null)))
                .extracting(s -> s.get("verb").get("display").get("en-US").asString())
                .containsExactly("completed");
        assertThat(partner.about(new Assignment("b", "B", "https://x.example/b", "Passed", null)))
                .extracting(s -> s.get("verb").get("display").get("en-US").asString())
                .containsExactly("passed");
        assertThat(partner.about(new Assignment("c", "C", "https://x.example/c", "NotApplicable", null)))
                .isEmpty();
    }

    @Test
    void namesTheLearnerByTheIdentifierAgreedWithThePartner() {
        JsonNode byAccount = actor("account");
        JsonNode byMbox = actor("mbox");
        JsonNode byHash = actor("mbox_sha1sum");

        assertThat(byAccount.get("account").get("homePage").asString()).isEqualTo("https://lms.partner.example");
        assertThat(byAccount.get("account").get("name").asString()).isEqualTo("alan");
        assertThat(byMbox.get("mbox").asString()).isEqualTo("mailto:alan@learners.example");
        assertThat(byHash.get("mbox_sha1sum").asString())
                .isEqualTo(PartnerStatements.sha1Hex("mailto:alan@learners.example"));
        assertThat(byHash.has("mbox")).isFalse();
        // the xAPI conformance suite's fixture valid-08 hashes mailto:xapi@adlnet.gov the same way
        assertThat(PartnerStatements.sha1Hex("mailto:xapi@adlnet.gov"))
                .isEqualTo("cd9b00a5611f94eaa7b1661edab976068e364975");
    }

    @Test
    void timestampsAreAMinuteApartInThePartnersOffset() {
        List<ObjectNode> statements = new PartnerStatements("run", learner("mbox", true), FIRST).about(QUIZ);

        assertThat(statements)
                .extracting(s -> s.get("timestamp").asString())
                .containsExactly("2026-03-01T10:00:00+02:00", "2026-03-01T10:01:00+02:00", "2026-03-01T10:02:00+02:00");
        assertThat(OffsetDateTime.parse(statements.getFirst().get("timestamp").asString())
                        .toInstant())
                .isEqualTo(FIRST);
    }

    @Test
    void theSameRunGivesTheSameStatementIdsAndAnotherRunOthers() {
        String first = new PartnerStatements("run-1", learner("mbox", false), FIRST)
                .about(QUIZ)
                .getFirst()
                .get("id")
                .asString();
        String again = new PartnerStatements("run-1", learner("mbox", false), FIRST)
                .about(QUIZ)
                .getFirst()
                .get("id")
                .asString();
        String other = new PartnerStatements("run-2", learner("mbox", false), FIRST)
                .about(QUIZ)
                .getFirst()
                .get("id")
                .asString();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    static JsonNode actor(String identifiedBy) {
        return new PartnerStatements("run", learner(identifiedBy, false), FIRST)
                .about(QUIZ)
                .getFirst()
                .get("actor");
    }
}
