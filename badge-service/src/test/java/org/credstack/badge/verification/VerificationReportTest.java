package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.credstack.badge.schema.SchemaViolation;
import org.credstack.badge.verification.VerificationReport.Checks;
import org.credstack.badge.verification.VerificationReport.IssuerCheck;
import org.credstack.badge.verification.VerificationReport.ProofCheck;
import org.credstack.badge.verification.VerificationReport.SchemaCheck;
import org.credstack.badge.verification.VerificationReport.StatusCheck;
import org.credstack.badge.verification.VerificationReport.ValidityCheck;
import org.junit.jupiter.api.Test;

class VerificationReportTest {

    static final ProofCheck GOOD_PROOF = new ProofCheck("valid", "https://x.example/issuers/p#z6Mk", null, null);
    static final ProofCheck BAD_PROOF =
            new ProofCheck("invalid", "https://x.example/issuers/p#z6Mk", null, "signature");
    static final SchemaCheck GOOD_SCHEMA = new SchemaCheck("valid", List.of());
    static final SchemaCheck BAD_SCHEMA =
            new SchemaCheck("invalid", List.of(new SchemaViolation("/issuer", "required", "issuer is missing")));

    static ValidityCheck validity(String status) {
        return new ValidityCheck(status, null, null, null);
    }

    @Test
    void isVerifiedWhenEveryCheckPasses() {
        assertThat(VerificationReport.overall(new Checks(GOOD_PROOF, validity("valid"), GOOD_SCHEMA)))
                .isEqualTo("verified");
    }

    @Test
    void isExpiredNotInvalidWhenAGenuineCredentialIsPastValidUntil() {
        assertThat(VerificationReport.overall(new Checks(GOOD_PROOF, validity("expired"), GOOD_SCHEMA)))
                .isEqualTo("expired");
    }

    @Test
    void isInvalidWhenTheProofFailsEvenIfAlsoExpired() {
        assertThat(VerificationReport.overall(new Checks(BAD_PROOF, validity("expired"), GOOD_SCHEMA)))
                .isEqualTo("invalid");
        assertThat(VerificationReport.overall(new Checks(BAD_PROOF, validity("valid"), GOOD_SCHEMA)))
                .isEqualTo("invalid");
    }

    @Test
    void isInvalidWhenTheSchemaFails() {
        assertThat(VerificationReport.overall(new Checks(GOOD_PROOF, validity("valid"), BAD_SCHEMA)))
                .isEqualTo("invalid");
    }

    @Test
    void isVerifiedWhenOnlyTheSchemaCouldNotBeAppliedAndSaysSoInItsCheck() {
        SchemaCheck noSchema = new SchemaCheck(
                "unverifiable", List.of(), Unverifiable.SCHEMA_NOT_AVAILABLE, "no schema for a VC 1.1 credential");
        Checks checks = new Checks(GOOD_PROOF, validity("valid"), noSchema);

        assertThat(VerificationReport.overall(checks)).isEqualTo("verified");
        assertThat(checks.schema().status()).isEqualTo("unverifiable");
        assertThat(VerificationReport.overall(new Checks(GOOD_PROOF, validity("expired"), noSchema)))
                .isEqualTo("expired");
    }

    @Test
    void isNotYetValidBeforeValidFromAndInvalidWithUnreadableDates() {
        assertThat(VerificationReport.overall(new Checks(GOOD_PROOF, validity("not yet valid"), GOOD_SCHEMA)))
                .isEqualTo("not yet valid");
        assertThat(VerificationReport.overall(new Checks(GOOD_PROOF, validity("invalid"), GOOD_SCHEMA)))
                .isEqualTo("invalid");
    }

    static StatusCheck status(String status) {
        return new StatusCheck(status, "revocation", "https://x.example/status-lists/p/0", 17, null, null, null, null);
    }

    @Test
    void isRevokedWhenAGenuineCredentialIsRevokedWhateverItsValidityPeriod() {
        assertThat(VerificationReport.overall(
                        new Checks(GOOD_PROOF, validity("valid"), GOOD_SCHEMA, status("revoked"), null)))
                .isEqualTo("revoked");
        assertThat(VerificationReport.overall(
                        new Checks(GOOD_PROOF, validity("expired"), GOOD_SCHEMA, status("revoked"), null)))
                .isEqualTo("revoked");
        assertThat(VerificationReport.overall(
                        new Checks(BAD_PROOF, validity("valid"), GOOD_SCHEMA, status("revoked"), null)))
                .as("a forged copy is invalid, not revoked")
                .isEqualTo("invalid");
    }

    @Test
    void isNeverVerifiedWhenTheStatusCannotBeRead() {
        assertThat(VerificationReport.overall(
                        new Checks(GOOD_PROOF, validity("valid"), GOOD_SCHEMA, status("unverifiable"), null)))
                .isEqualTo("unverifiable");
        assertThat(VerificationReport.overall(
                        new Checks(GOOD_PROOF, validity("valid"), GOOD_SCHEMA, status("valid"), null)))
                .isEqualTo("verified");
    }

    static final ProofCheck UNRESOLVED_PROOF =
            new ProofCheck("unverifiable", "https://x.example/issuers/p#z6Mk", Unverifiable.KEY_NOT_RESOLVABLE, "key");

    @Test
    void isUnverifiableNotInvalidWhenTheProofCannotBeChecked() {
        assertThat(VerificationReport.overall(new Checks(UNRESOLVED_PROOF, validity("valid"), GOOD_SCHEMA)))
                .isEqualTo("unverifiable");
        assertThat(VerificationReport.overall(new Checks(UNRESOLVED_PROOF, validity("expired"), GOOD_SCHEMA)))
                .as("an expiry the key cannot vouch for")
                .isEqualTo("unverifiable");
        assertThat(VerificationReport.overall(new Checks(UNRESOLVED_PROOF, validity("valid"), BAD_SCHEMA)))
                .as("what can be checked and fails still makes it invalid")
                .isEqualTo("invalid");
    }

    @Test
    void isRevokedOrSuspendedWhenTheListSaysSoEvenIfTheProofCannotBeChecked() {
        assertThat(VerificationReport.overall(
                        new Checks(UNRESOLVED_PROOF, validity("valid"), GOOD_SCHEMA, status("revoked"), null)))
                .isEqualTo("revoked");
        assertThat(VerificationReport.overall(
                        new Checks(GOOD_PROOF, validity("valid"), GOOD_SCHEMA, status("suspended"), null)))
                .isEqualTo("suspended");
    }

    @Test
    void isInvalidWhenTheVerificationMethodIsNotTheIssuers() {
        IssuerCheck other = new IssuerCheck("invalid", "https://y.example/issuers/q", "not controlled by the issuer");
        assertThat(VerificationReport.overall(
                        new Checks(GOOD_PROOF, validity("valid"), GOOD_SCHEMA, status("valid"), other)))
                .isEqualTo("invalid");
    }
}
