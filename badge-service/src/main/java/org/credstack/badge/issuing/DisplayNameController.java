package org.credstack.badge.issuing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.credstack.runtime.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The name a recipient shows on a credential's public page (docs/web-app-learner.md, "The recipient's name").
 *
 * <ul>
 *   <li>{@code PUT /api/v1/learners/{learnerId}/credentials/{id}/display-name} {@code {"name": "Ada L."}} → 200
 *       {@code {"id", "name"}}; {@code {"name": null}} shows none again ({@code name} null). Only that learner
 *       ({@code sub}) or an operator (403 problem otherwise, checked first); 404 {@code credential-not-found} when the
 *       learner holds no badge {@code id}; 400 naming {@code name} when it is blank, longer than 100 characters or
 *       holds control characters. Nothing is stored on a refusal.
 *   <li>{@code GET /credentials/{id}/display-name} (public, like the credential) → 200 {@code {"id", "name"}}, or
 *       404 {@code credential-not-found} when the holder chose none.
 * </ul>
 */
@RestController
class DisplayNameController {

    private final DisplayNames names;
    private final Access access;

    DisplayNameController(DisplayNames names, Access access) {
        this.names = names;
        this.access = access;
    }

    @PutMapping("/api/v1/learners/{learnerId}/credentials/{id}/display-name")
    DisplayNameView choose(@PathVariable String learnerId, @PathVariable String id, @Valid @RequestBody Choice body) {
        access.requireLearner(learnerId);
        String name = body.name() == null ? null : body.name().strip();
        return new DisplayNameView(
                id, names.choose(learnerId, id, name).map(DisplayName::name).orElse(null));
    }

    @GetMapping("/credentials/{id}/display-name")
    DisplayNameView shown(@PathVariable String id) {
        return new DisplayNameView(id, names.of(id).orElseThrow(() -> new CredentialNotFoundException(id)));
    }

    /** @param name the name to show, 1 to 100 characters without control characters; {@code null}: none */
    record Choice(
            @Size(min = 1, max = DisplayNames.MAX_LENGTH) @Pattern(regexp = "[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*")
            String name) {}

    /** @param name the name shown, or {@code null} for none */
    record DisplayNameView(String id, String name) {}
}
