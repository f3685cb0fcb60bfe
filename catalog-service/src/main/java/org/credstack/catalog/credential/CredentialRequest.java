package org.credstack.catalog.credential;

import java.time.Period;
import java.util.List;
import java.util.Set;
import org.credstack.catalog.common.CatalogRuleViolation;

/**
 * The body of {@code POST /api/v1/credentials}, {@code PUT /api/v1/credentials/{id}} and
 * {@code POST /api/v1/credentials/{id}/revisions}: the fields of a {@link CredentialDraft}, which is what
 * is stored once the draft's rules hold. Nested value objects check their own rules while the body is read,
 * so their errors name the JSON path (e.g. {@code assignments[0].masteryScore}); see {@link CredentialDraft}
 * for each field.
 */
record CredentialRequest(
        String title,
        String description,
        Kind kind,
        Category category,
        String providerId,
        String ctid,
        List<String> skills,
        List<Alignment> alignments,
        Set<DeliveryMode> deliveryModes,
        String level,
        String estimatedDuration,
        Cost cost,
        List<Assignment> assignments,
        CompletionRule completionRule,
        Period validityPeriod,
        RenewalPolicy renewalPolicy,
        String image,
        ComponentRule stackRule) {

    /** @throws CatalogRuleViolation naming the first field that breaks a rule */
    CredentialDraft toDraft() {
        return new CredentialDraft(
                title,
                description,
                kind,
                category,
                providerId,
                ctid,
                skills,
                alignments,
                deliveryModes,
                level,
                estimatedDuration,
                cost,
                assignments,
                completionRule,
                validityPeriod,
                renewalPolicy,
                image,
                stackRule);
    }
}
