package org.credstack.enrollment.learner;

/**
 * A learner was registered or got more identifiers (an in-process Spring application event, published after the
 * save): statements waiting in the unmatched inbox may now match.
 *
 * @param learnerId the learner
 */
public record LearnerIdentified(String learnerId) {}
