package org.credstack.enrollment.learner;

import java.util.List;

/**
 * What other features read about a learner.
 *
 * @param id learner id
 * @param displayName display name
 * @param primaryEmail the first email; the recipient of awarded credentials
 * @param identifierKeys the {@link IdentifierKeys} the learner is found by
 * @param foldedKeys the {@link IdentifierKeys#folded} keys of the learner's emails (other learners may hold them too)
 */
public record LearnerProfile(
        String id, String displayName, String primaryEmail, List<String> identifierKeys, List<String> foldedKeys) {}
