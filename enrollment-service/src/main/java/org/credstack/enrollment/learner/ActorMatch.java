package org.credstack.enrollment.learner;

import java.util.List;

/**
 * Whom an xAPI actor's identifier key names (docs/lifecycle/ingestion.md, "Case of e-mail addresses"): the learner
 * holding it exactly, else the one learner holding its case-folded form, else nobody. When several learners hold the
 * folded form and none the exact key, the actor is ambiguous and the statement waits.
 */
public sealed interface ActorMatch {

    /** @param learner the one learner the key names */
    record Found(LearnerProfile learner) implements ActorMatch {}

    /** @param learnerIds the learners (at least two) whose emails equal the actor's only when case is ignored */
    record Ambiguous(List<String> learnerIds) implements ActorMatch {}

    /** No learner holds the key, exactly or case-folded. */
    record NotFound() implements ActorMatch {}
}
