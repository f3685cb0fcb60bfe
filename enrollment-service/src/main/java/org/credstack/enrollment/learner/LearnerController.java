package org.credstack.enrollment.learner;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credstack.runtime.security.Access;
import org.credstack.runtime.security.Caller;
import org.credstack.runtime.security.ForbiddenException;
import org.credstack.runtime.security.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Learners and their identifiers (who may call what: docs/authz-enrollment.md).
 *
 * <ul>
 *   <li>{@code POST /api/v1/learners} {@code {id?, displayName, emails: [primary, ...], accounts: [{homePage, name}]}}
 *       → 201 with the learner and its {@code Location}, or 200 with the learner already registered with that id,
 *       unchanged. A learner registers themselves: the id is their token's {@code sub}, and an {@code id} in the body
 *       other than it is refused (403, nothing stored). An operator registers anyone: the body's {@code id}, or a new
 *       UUID without one. Other callers: 403;
 *   <li>{@code GET /api/v1/learners/{id}} → 200, or 404;
 *   <li>{@code PUT /api/v1/learners/{id}/identifiers} {@code {emails, accounts}} → 200; adds the identifiers not yet
 *       held (idempotent), the primary email stays first;
 *   <li>{@code PUT /api/v1/learners/{id}/email} {@code {email}} → 200; the address becomes the primary (e-mails go
 *       there from now on, {@code LearnerEmailChanged} is published), the previous primary stays as a further
 *       email; idempotent.
 * </ul>
 *
 * Errors (problem+json naming the field): 400 for a blank name, a malformed email ({@code emails[i]}, {@code email}) or account
 * ({@code accounts[i].homePage}) or an {@code id} that is not one path segment of at most 128 characters; 409 when
 * another learner holds an identifier; 404 for an unknown learner. Everything under {@code /api/v1/learners/{id}} is
 * for that learner ({@code sub == id}) and operators: 403 for anyone else, checked before anything is read or stored.
 */
@RestController
@RequestMapping("/api/v1/learners")
class LearnerController {

    private final Learners learners;
    private final Access access;

    LearnerController(Learners learners, Access access) {
        this.learners = learners;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<LearnerView> register(@RequestBody Registration body) {
        String id = registrant(access.caller(), body.id());
        Learners.Registered registered = learners.register(id, body.displayName(), body.emails(), body.accounts());
        LearnerView view = LearnerView.of(registered.learner());
        if (!registered.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/v1/learners/" + view.id()))
                .body(view);
    }

    @GetMapping("/{learnerId}")
    LearnerView get(@PathVariable String learnerId) {
        access.requireLearner(learnerId);
        return LearnerView.of(learners.get(learnerId));
    }

    @PutMapping("/{learnerId}/identifiers")
    LearnerView addIdentifiers(@PathVariable String learnerId, @RequestBody Identifiers body) {
        access.requireLearner(learnerId);
        return LearnerView.of(learners.addIdentifiers(learnerId, body.emails(), body.accounts()));
    }

    @PutMapping("/{learnerId}/email")
    LearnerView changeEmail(@PathVariable String learnerId, @RequestBody EmailChange body) {
        access.requireLearner(learnerId);
        return LearnerView.of(learners.changeEmail(learnerId, body.email()));
    }

    /**
     * The id a registration is for: an operator's choice (a new UUID when the body names none), else the learner's
     * own {@code sub}.
     *
     * @throws ForbiddenException for a learner naming another id, and for callers who are neither
     */
    private static String registrant(Caller caller, String requested) {
        if (caller.isOperator()) {
            return requested == null ? UUID.randomUUID().toString() : requested;
        }
        if (!caller.has(Role.LEARNER)) {
            throw new ForbiddenException("only a learner registering themselves or an operator may register a learner");
        }
        if (requested != null && !requested.equals(caller.id())) {
            throw new ForbiddenException("a learner registers themselves: the id is the subject of their token");
        }
        return caller.id();
    }

    record EmailChange(String email) {}

    /** @param id the learner id: omitted, or the caller's own {@code sub}, for a learner; an operator's choice */
    record Registration(String id, String displayName, List<String> emails, List<PartnerAccount> accounts) {}

    record Identifiers(List<String> emails, List<PartnerAccount> accounts) {}

    record LearnerView(
            String id, String displayName, List<String> emails, List<PartnerAccount> accounts, Instant registeredAt) {

        static LearnerView of(Learner learner) {
            return new LearnerView(
                    learner.id(), learner.displayName(), learner.emails(), learner.accounts(), learner.registeredAt());
        }
    }
}
