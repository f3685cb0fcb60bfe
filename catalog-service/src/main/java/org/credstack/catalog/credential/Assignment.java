package org.credstack.catalog.credential;

import static org.credstack.catalog.common.CatalogRuleViolation.require;

import org.credstack.catalog.common.Checks;
import org.credstack.events.catalog.MoveOn;

/**
 * A unit of work in a credential. Partners report completions against its activity IRI; its cmi5
 * {@code moveOn} rule says when it counts as done (cmi5 section 13.1.4).
 *
 * @param id id unique within the credential; required
 * @param title name shown to learners; required
 * @param activityId absolute IRI of the xAPI activity (xAPI 1.0.3 section 2.4.4.1); required
 * @param moveOn the cmi5 moveOn rule; required
 * @param masteryScore scaled score in [0, 1] needed to pass, or {@code null}
 * @throws CatalogRuleViolation if a required field is missing, the IRI is not absolute, or the score is out of range
 */
public record Assignment(String id, String title, String activityId, MoveOn moveOn, Double masteryScore) {

    public Assignment {
        require(id != null && !id.isBlank(), "id", "an assignment has an id");
        require(title != null && !title.isBlank(), "title", "an assignment has a title");
        Checks.maxLength(id, Checks.MAX_ID, "id");
        Checks.maxLength(title, Checks.MAX_NAME, "title");
        require(
                Checks.isSafeAbsoluteIri(activityId),
                "activityId",
                "an assignment's activityId is an absolute IRI (not javascript: or data:) of at most "
                        + Checks.MAX_URL
                        + " characters");
        require(moveOn != null, "moveOn", "an assignment has a cmi5 moveOn rule");
        require(
                masteryScore == null || (masteryScore >= 0 && masteryScore <= 1),
                "masteryScore",
                "masteryScore is a scaled score between 0 and 1");
    }
}
