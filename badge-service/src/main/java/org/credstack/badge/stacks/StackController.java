package org.credstack.badge.stacks;

import java.util.List;
import org.credstack.runtime.security.Access;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * A learner's stacks (pathways), for that learner ({@code sub}) or an operator only: 401 problem without a token,
 * 403 problem for anyone else, checked before anything is read.
 *
 * <ul>
 *   <li>{@code GET /api/v1/learners/{learnerId}/stacks} → 200 JSON array, one {@link StackProgress.Progress} per
 *       published stack a credential of theirs counts toward; {@code []} for none:
 *       <pre>{@code
 * [{ "stackCredentialId", "title", "complete": false, "awardedBadgeId": null,
 *    "components": [{ "credentialId", "title", "done": true, "badgeId": "<base>/credentials/<uuid>" }, ...],
 *    "openRules": [{ "label", "requiredNumber": 3, "satisfied": 2, "missing": ["<credentialId>"] }],
 *    "left": "2 of 3 electives, Capstone missing" }]
 * }</pre>
 *   <li>{@code GET /api/v1/learners/{learnerId}/stacks/{stackCredentialId}/clr} → 200 {@code application/ld+json},
 *       the signed CLR 2.0 {@code ClrCredential} of the stack and its components (see {@link ClrCredentials}); 404
 *       problem+json {@code stack-award-not-found} when the learner holds no credential of that stack.
 * </ul>
 */
@RestController
class StackController {

    static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

    private final StackProgress progress;
    private final ClrCredentials clr;
    private final Access access;

    StackController(StackProgress progress, ClrCredentials clr, Access access) {
        this.progress = progress;
        this.clr = clr;
        this.access = access;
    }

    @GetMapping("/api/v1/learners/{learnerId}/stacks")
    List<StackProgress.Progress> stacks(@PathVariable String learnerId) {
        access.requireLearner(learnerId);
        return progress.of(learnerId);
    }

    @GetMapping("/api/v1/learners/{learnerId}/stacks/{stackCredentialId}/clr")
    ResponseEntity<ObjectNode> clr(@PathVariable String learnerId, @PathVariable String stackCredentialId) {
        access.requireLearner(learnerId);
        return ResponseEntity.ok().contentType(LD_JSON).body(clr.of(learnerId, stackCredentialId));
    }
}
