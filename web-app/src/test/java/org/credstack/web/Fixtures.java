package org.credstack.web;

/** Answers of catalog-service and badge-service, shaped as theirs are. */
public final class Fixtures {

    public static final String CREDENTIAL_ID = "242a21f2-0000-4000-8000-000000000001";
    public static final String PROVIDER_ID = "9a0f6c1e-0000-4000-8000-0000000000aa";

    private Fixtures() {}

    /** A signed OpenBadgeCredential as badge-service serves it (proof left out: the page does not check it). */
    public static String credential(String validUntil) {
        return """
                {"@context": ["https://www.w3.org/ns/credentials/v2",
                              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "id": "http://badges.test/credentials/%1$s",
                 "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "issuer": {"id": "http://badges.test/issuers/%2$s", "type": ["Profile"],
                            "name": "Acme & Co", "url": "https://acme.example"},
                 "validFrom": "2026-11-27T14:40:00Z",
                 %3$s
                 "name": "Occupational Therapy Assistant",
                 "credentialSubject": {
                   "type": ["AchievementSubject"], "name": "Ada Lovelace",
                   "achievement": {"id": "http://badges.test/achievements/1", "type": ["Achievement"],
                     "name": "Occupational Therapy Assistant",
                     "description": "Assists occupational therapists.",
                     "criteria": {"narrative": "Completed all 2 assignments: Exam; Practicum."},
                     "image": {"id": "https://acme.example/badge.png", "type": "Image"}}}}
                """.formatted(
                CREDENTIAL_ID, PROVIDER_ID, validUntil == null ? "" : "\"validUntil\": \"" + validUntil + "\",");
    }

    /** badge-service's VerificationReport with this overall status. */
    public static String verification(String status) {
        String credentialStatus = status.equals("revoked") ? """
                  "credentialStatus": {"status": "revoked", "revokedAt": "2027-03-01T17:00:00Z",
                                       "reason": "awarded in error"},""" : "";
        return """
                {"credentialId": "http://badges.test/credentials/%s", "status": "%s",
                 "checkedAt": "2027-01-10T09:00:00Z",
                 "checks": {%s "proof": {"status": "valid"}, "schema": {"status": "valid", "violations": []},
                            "validity": {"status": "valid"}}}
                """.formatted(CREDENTIAL_ID, status, credentialStatus);
    }

    /** catalog-service's ProviderView. */
    public static String provider(String timeZone) {
        return """
                {"id": "%s", "name": "Acme & Co", "url": "https://acme.example", "timeZone": "%s"}
                """.formatted(PROVIDER_ID, timeZone);
    }
}
