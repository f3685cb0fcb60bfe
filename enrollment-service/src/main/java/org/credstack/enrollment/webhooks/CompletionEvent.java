package org.credstack.enrollment.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import org.credstack.events.Topic;
import org.credstack.events.partner.CompletionReported;
import org.credstack.events.partner.CompletionReported.LearnerReference;
import org.credstack.runtime.problem.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The completion a webhook CloudEvent carries: {@code type} {@value #TYPE}, the same type (and the same data, a
 * {@link CompletionReported} in JSON) as a record on {@code partner.completions.v1}, so both reach the same intake.
 *
 * <p>Filled from the envelope where the data leaves it out: {@code partnerId} is the provider of the URL (a different
 * one is refused), {@code statementId} defaults to the event's {@code id} (CloudEvents: {@code source} + {@code id}
 * identify an event, and a re-sent event keeps its id), {@code completedAt} to the event's {@code time}.
 */
final class CompletionEvent {

    /** The CloudEvents {@code type} this endpoint takes. */
    static final String TYPE = Topic.PARTNER_COMPLETIONS.typeOf(CompletionReported.class);

    static final int MAX_ID = 256;

    private CompletionEvent() {}

    /**
     * The event's completion as reported by {@code providerId}.
     *
     * @throws InvalidCloudEvent naming {@code type} when it is not {@value #TYPE}
     * @throws InvalidCompletion naming the data field ({@code data.activityId}, {@code data.learner}, ...) that is
     *     missing or wrong
     */
    static CompletionReported of(CloudEvent event, String providerId, JsonMapper json) {
        if (!TYPE.equals(event.type())) {
            throw new InvalidCloudEvent("type", "this endpoint takes events of type " + TYPE);
        }
        JsonNode partnerId = event.data().get("partnerId");
        if (partnerId != null && !partnerId.isNull() && !providerId.equals(partnerId.asString())) {
            throw new InvalidCompletion("data.partnerId", "partnerId is absent or the provider of the URL");
        }
        // the partner's record as sent, with what the envelope supplies; read, as a Kafka record is read
        ObjectNode filled = ((ObjectNode) event.data()).deepCopy();
        filled.put("partnerId", providerId);
        if (isMissing(filled, "statementId")) {
            filled.put("statementId", event.id());
        }
        if (isMissing(filled, "completedAt") && event.time() != null) {
            filled.put("completedAt", event.time().toString());
        }
        CompletionReported data;
        try {
            data = json.treeToValue(filled, CompletionReported.class);
        } catch (JacksonException e) {
            String path = Problems.jsonPath(e);
            throw new InvalidCompletion("data" + (path.isEmpty() ? "" : "." + path), "this value cannot be read here");
        }
        String statementId = data.statementId();
        if (statementId.isBlank() || statementId.length() > MAX_ID) {
            throw new InvalidCompletion("data.statementId", "statementId is 1 to " + MAX_ID + " characters");
        }
        if (!isAbsoluteIri(data.activityId())) {
            throw new InvalidCompletion("data.activityId", "activityId is the activity's absolute IRI");
        }
        if (data.verb() != null && !isAbsoluteIri(data.verb())) {
            throw new InvalidCompletion("data.verb", "verb is an absolute IRI when present");
        }
        if (data.scaledScore() != null && (data.scaledScore() < -1 || data.scaledScore() > 1)) {
            throw new InvalidCompletion("data.scaledScore", "scaledScore is in [-1, 1]");
        }
        if (data.completedAt() == null) {
            throw new InvalidCompletion("data.completedAt", "completedAt (or the event's time) is required");
        }
        learner(data.learner());
        return data;
    }

    private static boolean isMissing(ObjectNode data, String field) {
        return !data.has(field) || data.get(field).isNull();
    }

    /** xAPI 1.0.3 section 2.4.2.3: one of account (homePage and name), mbox, mbox_sha1sum. */
    private static void learner(LearnerReference learner) {
        if (learner == null) {
            throw new InvalidCompletion("data.learner", "learner names the learner as the partner knows them");
        }
        boolean account = learner.accountHomePage() != null || learner.accountName() != null;
        if (account && (!isAbsoluteIri(learner.accountHomePage()) || isBlank(learner.accountName()))) {
            throw new InvalidCompletion(
                    "data.learner", "an account has accountHomePage (an absolute IRI) and accountName");
        }
        if (learner.mbox() != null && !learner.mbox().startsWith("mailto:")) {
            throw new InvalidCompletion("data.learner.mbox", "mbox is a mailto: IRI");
        }
        if (learner.mboxSha1sum() != null && !learner.mboxSha1sum().matches("[0-9a-fA-F]{40}")) {
            throw new InvalidCompletion("data.learner.mboxSha1sum", "mboxSha1sum is 40 hex digits");
        }
        if (!account && learner.mbox() == null && learner.mboxSha1sum() == null) {
            throw new InvalidCompletion(
                    "data.learner", "learner has an account (accountHomePage, accountName), mbox or mboxSha1sum");
        }
    }

    private static boolean isAbsoluteIri(String value) {
        if (isBlank(value)) {
            return false;
        }
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
