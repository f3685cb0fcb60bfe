package org.credstack.enrollment.learner;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Learners and their identifiers.
 *
 * <ul>
 *   <li>{@code POST /api/v1/learners} {@code {displayName, emails: [primary, ...], accounts: [{homePage, name}]}}
 *       → 201 with the learner and its {@code Location};
 *   <li>{@code GET /api/v1/learners/{id}} → 200, or 404;
 *   <li>{@code PUT /api/v1/learners/{id}/identifiers} {@code {emails, accounts}} → 200; adds the identifiers not yet
 *       held (idempotent), the primary email stays first;
 *   <li>{@code PUT /api/v1/learners/{id}/email} {@code {email}} → 200; the address becomes the primary (e-mails go
 *       there from now on, {@code LearnerEmailChanged} is published), the previous primary stays as a further
 *       email; idempotent.
 * </ul>
 *
 * Errors (problem+json naming the field): 400 for a blank name, a malformed email ({@code emails[i]}, {@code email}) or account
 * ({@code accounts[i].homePage}); 409 when another learner holds an identifier; 404 for an unknown learner.
 */
@RestController
@RequestMapping("/api/v1/learners")
class LearnerController {

    private final Learners learners;

    LearnerController(Learners learners) {
        this.learners = learners;
    }

    @PostMapping
    ResponseEntity<LearnerView> register(@RequestBody Registration body) {
        Learner learner = learners.register(body.displayName(), body.emails(), body.accounts());
        return ResponseEntity.created(URI.create("/api/v1/learners/" + learner.id()))
                .body(LearnerView.of(learner));
    }

    @GetMapping("/{learnerId}")
    LearnerView get(@PathVariable String learnerId) {
        return LearnerView.of(learners.get(learnerId));
    }

    @PutMapping("/{learnerId}/identifiers")
    LearnerView addIdentifiers(@PathVariable String learnerId, @RequestBody Identifiers body) {
        return LearnerView.of(learners.addIdentifiers(learnerId, body.emails(), body.accounts()));
    }

    @PutMapping("/{learnerId}/email")
    LearnerView changeEmail(@PathVariable String learnerId, @RequestBody EmailChange body) {
        return LearnerView.of(learners.changeEmail(learnerId, body.email()));
    }

    record EmailChange(String email) {}

    record Registration(String displayName, List<String> emails, List<PartnerAccount> accounts) {}

    record Identifiers(List<String> emails, List<PartnerAccount> accounts) {}

    record LearnerView(
            String id, String displayName, List<String> emails, List<PartnerAccount> accounts, Instant registeredAt) {

        static LearnerView of(Learner learner) {
            return new LearnerView(
                    learner.id(), learner.displayName(), learner.emails(), learner.accounts(), learner.registeredAt());
        }
    }
}
