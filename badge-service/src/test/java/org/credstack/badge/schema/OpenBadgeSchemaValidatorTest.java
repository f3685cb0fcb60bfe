package org.credstack.badge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenBadgeSchemaValidatorTest {

    private static final String SIGNED_VECTOR =
            "/openbadges/1EdTech-openbadges-specification/impl-test-vectors/linked-data-proof-ob.signed-credential.extracted.json";

    private final OpenBadgeSchemaValidator validator = OpenBadgeSchemaValidator.achievementCredential();

    @Test
    void acceptsTheSignedVectorCredential() {
        assertThat(validator.validate(json(SIGNED_VECTOR))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/openbadges/educredentials-obv3-examples/ref/full_ex.json",
                "/openbadges/educredentials-obv3-examples/ref/minimal_valid_obv3.json",
                "/openbadges/educredentials-obv3-examples/_data/credentials/theed_microcredential_full_ho.json"
            })
    void acceptsRealIssuersCredentials(String resource) {
        assertThat(validator.validate(json(resource))).isEmpty();
    }

    @Test
    void rejectsCredentialWithoutCredentialSubjectNamingTheField() {
        ObjectNode credential = json(SIGNED_VECTOR);
        credential.remove("credentialSubject");

        assertThat(validator.validate(credential)).singleElement().satisfies(violation -> {
            assertThat(violation.keyword()).isEqualTo("required");
            assertThat(violation.message()).contains("credentialSubject");
        });
    }

    @Test
    void rejectsCredentialWhoseIssuerHasNoId() {
        ObjectNode credential = json(SIGNED_VECTOR);
        ((ObjectNode) credential.get("issuer")).remove("id");

        assertThat(validator.validate(credential))
                .anySatisfy(
                        violation -> assertThat(violation.instanceLocation()).contains("issuer"));
    }

    private static ObjectNode json(String resource) {
        try (InputStream in = OpenBadgeSchemaValidatorTest.class.getResourceAsStream(resource)) {
            return (ObjectNode) JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
