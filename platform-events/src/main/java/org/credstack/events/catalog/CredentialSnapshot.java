package org.credstack.events.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * The whole state of one version of a credential as the catalog publishes it.
 *
 * <p>Optional fields are {@code null} when absent; lists are never {@code null} in what the catalog
 * writes but a reader treats a missing list as empty.
 *
 * @param id credential id (stable across versions)
 * @param version version number, 1 for the first published version
 * @param status {@code DRAFT}, {@code PUBLISHED} or {@code RETIRED}
 * @param ctid the CTDL CTID ({@code ce-<uuid>}, lower case) when the credential came from a registry
 * @param title name shown to learners
 * @param description plain-text description
 * @param kind {@code MICRO_CREDENTIAL} or {@code STACK}
 * @param category {@code TECHNICAL}, {@code SOFT_SKILL} or {@code INDUSTRY_SPECIFIC}
 * @param provider the provider (issuer) offering it
 * @param skills free-text skill names
 * @param alignments alignments to frameworks (O*NET-SOC, NAICS, SFIA, ESCO ...)
 * @param deliveryModes subset of {@code ONLINE}, {@code IN_PERSON}, {@code HYBRID}
 * @param level free-text level, e.g. "Beginner", "Undergraduate"
 * @param estimatedDuration ISO 8601 duration, e.g. {@code PT40H}, {@code P6M}
 * @param cost the cost, or {@code null} when unknown
 * @param assignments what a learner must do
 * @param completionRule how many assignments complete the credential
 * @param validityPeriod ISO 8601 period an award stays valid (e.g. {@code P2Y}); {@code null} for no expiry
 * @param renewalPolicy how an award is renewed; {@code null} if it cannot be renewed
 * @param image image URL
 * @param stackRule for a {@code STACK}: which component credentials complete it; {@code null} otherwise
 * @param publishedAt when this version was published, UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialSnapshot(
        String id,
        int version,
        String status,
        String ctid,
        String title,
        String description,
        String kind,
        String category,
        ProviderSnapshot provider,
        List<String> skills,
        List<Alignment> alignments,
        List<String> deliveryModes,
        String level,
        String estimatedDuration,
        Cost cost,
        List<Assignment> assignments,
        CompletionRule completionRule,
        String validityPeriod,
        RenewalPolicy renewalPolicy,
        String image,
        ComponentRule stackRule,
        Instant publishedAt) {

    /** A list missing from the JSON reads as empty, as the class comment promises. */
    public CredentialSnapshot {
        skills = skills == null ? List.of() : skills;
        alignments = alignments == null ? List.of() : alignments;
        deliveryModes = deliveryModes == null ? List.of() : deliveryModes;
        assignments = assignments == null ? List.of() : assignments;
    }

    /**
     * The organisation offering the credential; becomes the Open Badges issuer {@code Profile}.
     *
     * @param id provider id
     * @param name display name
     * @param url home page
     * @param email contact address, may be {@code null}
     * @param timeZone IANA zone id used for calendar arithmetic on validity periods, e.g. {@code Europe/London}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderSnapshot(String id, String name, String url, String email, String timeZone) {}

    /**
     * An Open Badges 3.0 {@code Alignment} to a framework entry.
     *
     * @param framework framework name, e.g. "O*NET-SOC", "NAICS", "SFIA", "ESCO"
     * @param frameworkVersion version of the framework, may be {@code null}
     * @param code code in the framework, e.g. "15-1252.00"
     * @param targetUrl URL of the framework entry
     * @param label human-readable name of the entry
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alignment(String framework, String frameworkVersion, String code, String targetUrl, String label) {}

    /**
     * A price.
     *
     * @param amount amount in the currency's major unit; {@code 0} means free
     * @param currency ISO 4217 code, {@code null} when free
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cost(java.math.BigDecimal amount, String currency) {}

    /**
     * A unit of work a learner completes; partners report against its activity IRI.
     *
     * @param id assignment id, unique within the credential
     * @param title name shown to learners
     * @param activityId the xAPI activity IRI partners report completions against
     * @param moveOn cmi5 moveOn, in JSON {@code Completed}, {@code Passed}, {@code CompletedAndPassed},
     *     {@code CompletedOrPassed} or {@code NotApplicable} (cmi5 section 9.6.1.1 / 10.0)
     * @param masteryScore scaled score in [0, 1] required to pass, or {@code null}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assignment(String id, String title, String activityId, MoveOn moveOn, Double masteryScore) {}

    /**
     * When the assignments complete the credential.
     *
     * @param type {@code ALL} or {@code AT_LEAST}
     * @param minimum for {@code AT_LEAST}, how many assignments; {@code null} for {@code ALL}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CompletionRule(String type, Integer minimum) {}

    /**
     * How an award is renewed before it expires.
     *
     * @param renewalWindow ISO 8601 period before {@code validUntil} during which renewal may start, e.g. {@code P90D};
     *     {@code null} means any time before {@code validUntil}
     * @param description what renewal takes, in words
     * @param requirements assignments of a renewal enrollment
     * @param reminderDaysBefore days before {@code validUntil} to remind the learner; empty means the default
     * @param gracePeriod optional ISO 8601 period after {@code validUntil} during which a lapsed award may still be
     *     renewed, e.g. {@code P30D}; {@code null} for none (renewal closes at {@code validUntil})
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RenewalPolicy(
            String renewalWindow,
            String description,
            List<Assignment> requirements,
            List<Integer> reminderDaysBefore,
            String gracePeriod) {

        /** Missing lists read as empty. */
        public RenewalPolicy {
            requirements = requirements == null ? List.of() : requirements;
            reminderDaysBefore = reminderDaysBefore == null ? List.of() : reminderDaysBefore;
        }

        /** A policy without a grace period. */
        public RenewalPolicy(
                String renewalWindow,
                String description,
                List<Assignment> requirements,
                List<Integer> reminderDaysBefore) {
            this(renewalWindow, description, requirements, reminderDaysBefore, null);
        }
    }

    /**
     * An N-of-M rule over component credentials and nested rules: satisfied when at least
     * {@code requiredNumber} of its children (component credentials plus nested rules) are satisfied.
     * A component that is always required is a rule whose {@code requiredNumber} equals its child count.
     *
     * @param label what the rule says, e.g. "Requires 2 of 4 items"
     * @param requiredNumber how many children must be satisfied, at least 1
     * @param credentialIds component credential ids
     * @param rules nested rules
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ComponentRule(
            String label, int requiredNumber, List<String> credentialIds, List<ComponentRule> rules) {

        /** Missing lists read as empty. */
        public ComponentRule {
            credentialIds = credentialIds == null ? List.of() : credentialIds;
            rules = rules == null ? List.of() : rules;
        }
    }
}
