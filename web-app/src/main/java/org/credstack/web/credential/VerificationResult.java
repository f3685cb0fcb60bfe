package org.credstack.web.credential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * badge-service's {@code VerificationReport} (docs/verification.md, "The answer") in plain words, for the {@code
 * /verify} page: the overall status with what it means and why, each check with its outcome, and what the credential
 * says of itself when the page can read it.
 *
 * @param status the report's overall {@code status}: {@code verified}, {@code expired}, {@code not yet valid}, {@code
 *     revoked}, {@code suspended}, {@code invalid} or {@code unverifiable}
 * @param headline the status as a heading, e.g. {@code Unverifiable}
 * @param meaning what the status means, for someone who is not a specialist
 * @param reason why the status is not {@code verified}: the first check that decided it, with its detail; {@code
 *     null} for a verified credential and when the report names none
 * @param checks each check of the report, in the order the page lists them
 * @param credentialId the credential's {@code id}, or {@code null}
 * @param issuerId the issuer the credential names ({@code checks.issuer.issuer}), or {@code null}
 * @param validFrom {@code checks.validity.validFrom}, ISO-8601, or {@code null}
 * @param validUntil {@code checks.validity.validUntil}, ISO-8601, or {@code null} (never expires)
 * @param checkedAt when badge-service checked it, ISO-8601
 * @param claims what the credential says of itself, or {@code null} when the page cannot read it (a baked image, text
 *     that is not a credential's JSON nor a VC-JWT's)
 * @param bakedImage whether it came as a baked PNG or SVG, whose claims the page does not read (docs/web-app.md)
 */
record VerificationResult(
        String status,
        String headline,
        String meaning,
        String reason,
        List<Check> checks,
        String credentialId,
        String issuerId,
        String validFrom,
        String validUntil,
        String checkedAt,
        Claims claims,
        boolean bakedImage) {

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final Map<String, String> HEADLINES = Map.of(
            "verified", "Verified",
            "expired", "Expired",
            "not yet valid", "Not yet valid",
            "revoked", "Revoked",
            "suspended", "Suspended",
            "invalid", "Invalid",
            "unverifiable", "Unverifiable");

    private static final Map<String, String> MEANINGS = Map.of(
            "verified",
            "The credential is genuine and valid: the issuer's signature checks out, nothing in it was changed, it is"
                    + " well-formed, within its validity period and not revoked.",
            "expired",
            "The credential is genuine, but its validity period has ended: it is no longer valid.",
            "not yet valid",
            "The credential is genuine, but its validity period has not begun yet: it is not valid today.",
            "revoked",
            "The issuer has revoked this credential: it was issued, but it is no longer valid.",
            "suspended",
            "The issuer has suspended this credential: it is not valid while it is suspended.",
            "invalid",
            "The credential failed a check: it was changed after it was signed, was not signed by the issuer it"
                    + " names, or is malformed. Do not rely on it.",
            "unverifiable",
            "Something could not be checked — this does not mean it is fake. The credential may well be genuine, but"
                    + " this check cannot confirm it; ask the issuer, or try again later.");

    /** The checks in the order the page lists them: {@code [key, label, what it checks]}. */
    private static final List<List<String>> CHECKS = List.of(
            List.of(
                    "proof",
                    "Signature",
                    "Checks that the issuer's digital signature covers the credential, so nothing in it was changed."),
            List.of(
                    "issuer",
                    "Issuer",
                    "Checks that the key that signed it belongs to the issuer the credential names."),
            List.of("schema", "Format", "Checks that it is a well-formed Open Badges 3.0 credential."),
            List.of("validity", "Validity period", "Checks that today is within the dates it is valid between."),
            List.of("credentialStatus", "Revocation", "Checks that the issuer has not revoked or suspended it."));

    private static final Map<String, String> OUTCOMES = Map.of(
            "valid", "Passed",
            "invalid", "Failed",
            "unverifiable", "Could not be checked",
            "expired", "Expired",
            "not yet valid", "Not yet valid",
            "revoked", "Revoked",
            "suspended", "Suspended");

    /**
     * One check of the report.
     *
     * @param key the report's name for it ({@code proof}, {@code issuer}, {@code schema}, {@code validity}, {@code
     *     credentialStatus})
     * @param label its name on the page
     * @param what what it checks, in words
     * @param status the check's {@code status}, {@code not applicable} when the report has no such check
     * @param outcome the status in words ({@code Passed}, {@code Failed}, {@code Could not be checked}, ...)
     * @param reason why it did not pass: its {@code cause} and {@code detail}, schema violations, or a revocation's
     *     {@code reason}; {@code null} when it passed
     */
    record Check(String key, String label, String what, String status, String outcome, String reason) {

        /** Whether the check passed (or there was nothing to check). */
        public boolean passed() {
            return "valid".equals(status) || "not applicable".equals(status);
        }
    }

    /**
     * What the credential says of itself (OB 3.0 §B.1.1), unchecked: shown beside the verification, which says
     * whether it can be relied on.
     *
     * @param achievementName {@code credentialSubject.achievement.name}, else the credential's {@code name}
     * @param issuerName the issuer Profile's {@code name}
     * @param recipient the recipient's name, when the credential shows one (see {@code CredentialPage})
     */
    record Claims(String achievementName, String issuerName, String recipient) {}

    /**
     * Reads the report of a credential.
     *
     * @param report badge-service's {@code VerificationReport}
     * @param sent what was sent, to read the credential's own claims from (JSON or a VC-JWT's payload)
     */
    static VerificationResult of(JsonNode report, SentCredential sent) {
        String status = text(report.path("status"));
        JsonNode checks = report.path("checks");
        List<Check> listed = new ArrayList<>();
        for (List<String> check : CHECKS) {
            JsonNode node = checks.path(check.get(0));
            if (node.isObject()) {
                String checkStatus = text(node.path("status"));
                listed.add(new Check(
                        check.get(0),
                        check.get(1),
                        check.get(2),
                        checkStatus,
                        OUTCOMES.getOrDefault(checkStatus, checkStatus),
                        "valid".equals(checkStatus) ? null : reason(node)));
            } else if (check.get(0).equals("credentialStatus")) {
                listed.add(new Check(
                        check.get(0),
                        check.get(1),
                        check.get(2),
                        "not applicable",
                        "Nothing to check",
                        "The issuer gave this credential no revocation list."));
            }
        }
        return new VerificationResult(
                status,
                HEADLINES.getOrDefault(status, status),
                MEANINGS.getOrDefault(status, "badge-service answered with a status this page does not know."),
                overallReason(status, listed),
                List.copyOf(listed),
                text(report.path("credentialId")),
                text(checks.path("issuer").path("issuer")),
                text(checks.path("validity").path("validFrom")),
                text(checks.path("validity").path("validUntil")),
                text(report.path("checkedAt")),
                claims(sent),
                sent.form() == SentCredential.Form.PNG || sent.form() == SentCredential.Form.SVG);
    }

    /** Whether the credential can be relied on as it stands. */
    public boolean verified() {
        return "verified".equals(status);
    }

    /** Whether the outcome is open rather than a rejection: something could not be checked. */
    public boolean unsure() {
        return "unverifiable".equals(status);
    }

    /** The check that decided a status other than {@code verified} (its status is the overall one), as {@code Label: reason}. */
    private static String overallReason(String status, List<Check> checks) {
        if (status == null || "verified".equals(status)) {
            return null;
        }
        return checks.stream()
                .filter(check -> status.equals(check.status()) && check.reason() != null)
                .findFirst()
                .map(check -> check.label() + ": " + check.reason())
                .orElse(null);
    }

    /** A check's cause and detail, schema violations, or a revocation's reason, in words. */
    private static String reason(JsonNode check) {
        List<String> parts = new ArrayList<>();
        String cause = text(check.path("cause"));
        if (cause != null) {
            parts.add(cause);
        }
        String detail = text(check.path("detail"));
        if (detail != null) {
            parts.add(detail);
        }
        String violations = check.path("violations")
                .valueStream()
                .map(violation -> text(violation.path("message")))
                .filter(message -> message != null)
                .collect(Collectors.joining("; "));
        if (!violations.isEmpty()) {
            parts.add(violations);
        }
        String revocation = text(check.path("reason"));
        if (revocation != null) {
            parts.add("the issuer's reason: " + revocation);
        }
        return parts.isEmpty() ? null : String.join(": ", parts);
    }

    /** The credential's claims from JSON, a JSON string or enveloped VC-JWT, or a VC-JWT; {@code null} otherwise. */
    private static Claims claims(SentCredential sent) {
        JsonNode credential = switch (sent.form()) {
            case JSON -> fromJson(sent.text());
            case VC_JWT -> fromJwt(sent.text());
            case PNG, SVG -> null;
        };
        if (credential == null || !credential.isObject()) {
            return null;
        }
        JsonNode subject = credential.path("credentialSubject");
        String achievement = text(subject.path("achievement").path("name"));
        return new Claims(
                achievement != null ? achievement : text(credential.path("name")),
                text(credential.path("issuer").path("name")),
                CredentialPage.recipient(subject));
    }

    private static JsonNode fromJson(String text) {
        JsonNode json = read(text);
        if (json == null) {
            return null;
        }
        if (json.isString()) {
            return fromJwt(json.asString());
        }
        String id = json.path("id").asString("");
        String envelope = "data:application/vc+jwt,";
        return id.startsWith(envelope) ? fromJwt(id.substring(envelope.length())) : json;
    }

    /** A VC-JWT's payload (not checked here: badge-service did that): its {@code vc} claim, else the payload. */
    private static JsonNode fromJwt(String compact) {
        String[] parts = compact.strip().split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode payload = read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return payload != null && payload.path("vc").isObject() ? payload.path("vc") : payload;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode value) {
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
