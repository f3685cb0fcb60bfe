package org.credstack.enrollment.learner;

/**
 * A learner was registered or got more identifiers (an in-process Spring application event, published after the
 * save): statements waiting in the unmatched inbox may now match.
 *
 * @param learner the learner as saved, with the identifier keys the inbox is searched by (carried so that the retry
 *     does not read the learner again)
 */
public record LearnerIdentified(LearnerProfile learner) {}
