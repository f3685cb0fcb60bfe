package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.credstack.badge.verification.VerificationReport.SchemaCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema check of a CLR 2.0 {@code ClrCredential}: the CLR 2.0 schema for the CLR itself (CLR 2.0 §B.1
 * ClrCredential, §B.2 ClrSubject, Association, Achievement) and the OB 3.0 schema for each credential it holds. Starts
 * from the 1EdTech validator's {@code clr20/simple.json} and breaks one thing at a time.
 */
class ClrCredentialSchemaTest {

    static final String CLR = VerificationFixturesTest.ONE_EDTECH + "clr20/simple.json";
    static final String CLR_VECTOR =
            VerificationFixturesTest.SPEC + "impl-test-vectors/linked-data-proof-clr.signed-credential.extracted.json";

    final CredentialVerifier verifier = new VerificationFixturesTest().verifier;

    SchemaCheck schema(ObjectNode credential) {
        return verifier.verify(credential).checks().schema();
    }

    @Test
    void theValidatorsClrMeetsTheClrSchemaAndItsCredentialTheObSchema() {
        assertThat(schema(VerificationFixturesTest.read(CLR)).status()).isEqualTo("valid");
    }

    @Test
    void theSpecificationsClrVectorBreaksOnlyTheObSchemaOfTheCredentialItHolds() {
        SchemaCheck check = schema(VerificationFixturesTest.read(CLR_VECTOR));

        assertThat(check.status()).isEqualTo("invalid");
        assertThat(check.violations())
                .isNotEmpty()
                .allSatisfy(violation -> assertThat(violation.instanceLocation())
                        .startsWith("/credentialSubject/verifiableCredential/0"));
    }

    @ParameterizedTest(name = "without {1} at ''{0}''")
    @CsvSource({
        "'', name",
        "'', validFrom",
        "'', issuer",
        "'', credentialSubject",
        "/credentialSubject, verifiableCredential",
        "/credentialSubject, type",
        "/issuer, id",
        "/credentialSubject/achievement/0, criteria",
        "/credentialSubject/association/0, associationType",
        "/credentialSubject/association/0, targetId"
    })
    void aClrWithoutAPropertyClr20RequiresIsSchemaInvalidNamingIt(String parent, String property) {
        ObjectNode clr = VerificationFixturesTest.read(CLR);
        ((ObjectNode) clr.at(parent)).remove(property);

        SchemaCheck check = schema(clr);

        assertThat(check.status()).isEqualTo("invalid");
        assertThat(check.violations()).anySatisfy(violation -> {
            assertThat(violation.instanceLocation()).isEqualTo(parent);
            assertThat(violation.keyword()).isEqualTo("required");
            assertThat(violation.message()).contains(property);
        });
    }

    @Test
    void aClrHoldingNoCredentialIsSchemaInvalid() {
        ObjectNode clr = VerificationFixturesTest.read(CLR);
        ((ObjectNode) clr.get("credentialSubject")).putArray("verifiableCredential");

        SchemaCheck check = schema(clr);

        assertThat(check.status()).isEqualTo("invalid");
        assertThat(check.violations())
                .anySatisfy(violation ->
                        assertThat(violation.instanceLocation()).isEqualTo("/credentialSubject/verifiableCredential"));
    }

    @Test
    void anAssociationOfATypeClr20DoesNotDefineIsSchemaInvalid() {
        ObjectNode clr = VerificationFixturesTest.read(CLR);
        ((ObjectNode) clr.at("/credentialSubject/association/0")).put("associationType", "isCousinOf");

        SchemaCheck check = schema(clr);

        assertThat(check.status()).isEqualTo("invalid");
        assertThat(check.violations()).anySatisfy(violation -> {
            assertThat(violation.instanceLocation()).isEqualTo("/credentialSubject/association/0/associationType");
            assertThat(violation.keyword()).isEqualTo("enum");
        });
    }

    @Test
    void aClrWhoseValidFromHasNoTimeZoneIsSchemaInvalid() {
        ObjectNode clr = VerificationFixturesTest.read(CLR);
        clr.put("validFrom", "2010-01-01T00:00:00");

        SchemaCheck check = schema(clr);

        assertThat(check.violations())
                .anySatisfy(
                        violation -> assertThat(violation.instanceLocation()).isEqualTo("/validFrom"));
    }
}
