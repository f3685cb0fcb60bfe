package org.credstack.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A partner's learning system reported that a learner finished (or attempted) an activity.
 *
 * @param partnerId the reporting partner
 * @param learner who did it, as the partner knows them
 * @param activityId the activity IRI (matches an assignment's {@code activityId})
 * @param statementId the xAPI statement id or the partner's record id; the idempotency key of the report
 * @param completion the xAPI {@code result.completion}, or {@code null}
 * @param success the xAPI {@code result.success}, or {@code null}
 * @param scaledScore the xAPI {@code result.score.scaled} in [-1, 1], or {@code null}
 * @param verb the xAPI verb IRI, e.g. {@code http://adlnet.gov/expapi/verbs/passed}
 * @param completedAt business time of the statement ({@code timestamp}), UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletionReported(
        String partnerId,
        LearnerReference learner,
        String activityId,
        String statementId,
        Boolean completion,
        Boolean success,
        Double scaledScore,
        String verb,
        Instant completedAt)
        implements PartnerCompletionEvent {

    /**
     * An xAPI inverse functional identifier of the learner (xAPI 1.0.3 section 2.4.2.3); one of the
     * three is set.
     *
     * @param accountHomePage {@code account.homePage}
     * @param accountName {@code account.name}
     * @param mbox {@code mailto:} IRI
     * @param mboxSha1sum hex SHA-1 of the {@code mailto:} IRI
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LearnerReference(String accountHomePage, String accountName, String mbox, String mboxSha1sum) {

        /** The record key part: the first identifier present, e.g. {@code account:https://lms.example|jdoe}. */
        public String key() {
            if (accountName != null) {
                return "account:" + accountHomePage + "|" + accountName;
            }
            return mbox != null ? mbox : "sha1:" + mboxSha1sum;
        }
    }
}
