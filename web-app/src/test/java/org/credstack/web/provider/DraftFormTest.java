package org.credstack.web.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class DraftFormTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void givesEachCatalogFieldPathTheIdOfItsFormField() {
        assertThat(DraftForm.fieldId("title")).isEqualTo("title");
        assertThat(DraftForm.fieldId("cost.amount")).isEqualTo("cost-amount");
        assertThat(DraftForm.fieldId("assignments[12].masteryScore")).isEqualTo("assignments-12-masteryScore");
        assertThat(DraftForm.fieldId("$")).isEqualTo("draft-form");
    }

    @Test
    void placesAnAssignmentErrorOnTheRowItCameFromWhenBlankRowsWereLeftOut() {
        DraftForm form = DraftForm.blank();
        form.getAssignments().get(1).setId("lab");
        form.getAssignments().add(new DraftForm.AssignmentRow());
        form.getAssignments().get(2).setTitle("Exam");

        Map<String, String> onForm = form.onForm(
                Map.of("assignments[0].activityId", "not absolute", "assignments[1].id", "an assignment has an id"));

        assertThat(onForm)
                .containsEntry("assignments[1].activityId", "not absolute")
                .containsEntry("assignments[2].id", "an assignment has an id");
    }

    @Test
    void keepsTheStoredFieldsTheFormDoesNotShowAndLeavesBlankRowsOut() {
        ObjectNode stored = (ObjectNode) JSON.readTree("""
                {"title": "Old", "alignments": [{"framework": "ESCO", "code": "x"}],
                 "renewalPolicy": {"renewalWindow": "P90D"}}""");
        DraftForm form = DraftForm.blank();
        form.setTitle(" New ");
        form.setCostAmount("0");

        ObjectNode body = form.body(JSON, stored, "p-1");

        assertThat(body.path("title").asString()).isEqualTo("New");
        assertThat(body.path("alignments").path(0).path("framework").asString()).isEqualTo("ESCO");
        assertThat(body.path("renewalPolicy").path("renewalWindow").asString()).isEqualTo("P90D");
        assertThat(body.path("cost").path("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(body.path("cost").path("currency").isNull()).isTrue();
        assertThat(body.path("assignments")).isEmpty();
        assertThat(stored.path("title").asString())
                .as("stored content untouched")
                .isEqualTo("Old");
    }

    @Test
    void namesWhatTheFormCanTellIsWrong() {
        DraftForm form = DraftForm.blank();
        form.setCostCurrency("EUR");
        form.setCompletionMinimum("two");
        form.getAssignments().getFirst().setMasteryScore("high");

        assertThat(form.check())
                .containsOnlyKeys("cost.amount", "completionRule.minimum", "assignments[0].masteryScore");
    }
}
