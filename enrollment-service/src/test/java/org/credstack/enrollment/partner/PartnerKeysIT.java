package org.credstack.enrollment.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.bson.Document;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Provider staff create, list, rotate and revoke partner keys; secrets are stored only as hashes. */
class PartnerKeysIT extends ServiceIT {

    private static final String STATEMENT = """
            {"actor": {"mbox": "mailto:nobody@example.org"},
             "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
             "object": {"id": "https://lms.example/activities/unknown-to-the-catalog"}}""";

    @Test
    void createsAKeyWhoseSecretIsShownOnceAndStoredOnlyAsAHash() {
        String provider = unique("provider");
        Api staff = api.as(TestTokens.staff(provider));

        Api.Response created = staff.post(keys(provider), "{\"label\": \"Moodle production\"}");

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.body().get("id").stringValue();
        String secret = created.body().get("secret").stringValue();
        assertThat(id).matches("pk-[0-9a-f]{32}");
        assertThat(secret).hasSize(43);
        assertThat(created.header("Location")).isEqualTo(keys(provider) + "/" + id);
        Document stored = mongo.findById(id, Document.class, PartnerKeys.COLLECTION);
        assertThat(stored.getString("providerId")).isEqualTo(provider);
        assertThat(stored.getString("secretHash")).startsWith("{bcrypt}$2").doesNotContain(secret);
        assertThat(stored.toJson()).doesNotContain(secret);
        assertThat(post(id, secret).status()).isEqualTo(200);
    }

    @Test
    void listsTheProvidersKeysWithoutSecrets() {
        String provider = unique("provider");
        Api staff = api.as(TestTokens.staff(provider));
        JsonNode first = staff.post(keys(provider), "{\"label\": \"first\"}").body();
        JsonNode second = staff.post(keys(provider), "{}").body();
        api.as(TestTokens.staff("someone-else")).post(keys("someone-else"), "{}");
        post(first.get("id").stringValue(), first.get("secret").stringValue());

        Api.Response listed = staff.get(keys(provider));

        assertThat(listed.status()).isEqualTo(200);
        assertThat(java.util.stream.StreamSupport.stream(listed.body().spliterator(), false)
                        .map(key -> key.get("id").stringValue()))
                .containsExactly(first.get("id").stringValue(), second.get("id").stringValue());
        assertThat(listed.body().get(0).get("label").stringValue()).isEqualTo("first");
        assertThat(listed.body().get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(listed.body().get(1).get("lastUsedAt").isNull()).isTrue();
        assertThat(listed.body().get(0).get("revoked").booleanValue()).isFalse();
        assertThat(listed.raw().body())
                .doesNotContain("secret")
                .doesNotContain(first.get("secret").stringValue())
                .doesNotContain("bcrypt");
    }

    @Test
    void rotatingGivesANewSecretAndKeepsThePreviousOneDuringTheOverlap() {
        String provider = unique("provider");
        Api staff = api.as(TestTokens.staff(provider));
        JsonNode created = staff.post(keys(provider), "{}").body();
        String id = created.get("id").stringValue();
        String before = created.get("secret").stringValue();

        Api.Response rotated = staff.post(keys(provider) + "/" + id + "/rotate", "");

        assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(200);
        String after = rotated.body().get("secret").stringValue();
        assertThat(after).isNotEqualTo(before);
        assertThat(rotated.body().get("previousSecretValidUntil").isNull()).isFalse();
        assertThat(post(id, after).status()).isEqualTo(200);
        assertThat(post(id, before).status()).as("within the overlap").isEqualTo(200);
        Document stored = mongo.findById(id, Document.class, PartnerKeys.COLLECTION);
        assertThat(stored.toJson()).doesNotContain(after).doesNotContain(before);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceEvenRightAfterItWasAccepted() {
        String provider = unique("provider");
        Api staff = api.as(TestTokens.staff(provider));
        JsonNode created = staff.post(keys(provider), "{}").body();
        String id = created.get("id").stringValue();
        String secret = created.get("secret").stringValue();
        assertThat(post(id, secret).status()).isEqualTo(200);
        long statements = mongo.getCollection("statements").countDocuments();

        Api.Response revoked = staff.post(keys(provider) + "/" + id + "/revoke", "");
        Api.Response refused = post(id, secret);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("revoked").booleanValue()).isTrue();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:unauthorized");
        assertThat(refused.raw().headers().allValues("WWW-Authenticate"))
                .contains("Basic realm=\"xAPI\", charset=\"UTF-8\"");
        assertThat(mongo.getCollection("statements").countDocuments()).isEqualTo(statements);
        assertThat(staff.post(keys(provider) + "/" + id + "/rotate", "").status())
                .isEqualTo(409);
        assertThat(staff.post(keys(provider) + "/" + id + "/revoke", "").status())
                .as("again")
                .isEqualTo(200);
    }

    @Test
    void onlyStaffOfTheProviderAndOperatorsManageItsKeys() {
        String provider = unique("provider");
        long before = mongo.getCollection(PartnerKeys.COLLECTION).countDocuments();

        Api.Response otherStaff = api.as(TestTokens.staff("other-provider")).post(keys(provider), "{}");
        Api.Response partner = api.as(TestTokens.partner(provider)).post(keys(provider), "{}");
        Api.Response learner = api.as(TestTokens.learner("ada")).get(keys(provider));
        Api.Response anonymous = api.anonymous().post(keys(provider), "{}");

        assertThat(otherStaff.status()).isEqualTo(403);
        assertThat(otherStaff.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:forbidden");
        assertThat(partner.status()).isEqualTo(403);
        assertThat(learner.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(mongo.getCollection(PartnerKeys.COLLECTION).countDocuments()).isEqualTo(before);

        JsonNode byOperator = api.post(keys(provider), "{}").body();
        Api.Response foreignKey = api.as(TestTokens.staff("other-provider"))
                .post(keys("other-provider") + "/" + byOperator.get("id").stringValue() + "/revoke", "");
        assertThat(foreignKey.status())
                .as("another provider's key is not found")
                .isEqualTo(404);
        assertThat(post(
                                byOperator.get("id").stringValue(),
                                byOperator.get("secret").stringValue())
                        .status())
                .isEqualTo(200);
    }

    private Api.Response post(String keyId, String secret) {
        return api.post(
                "/xapi/statements",
                STATEMENT,
                Map.of("X-Experience-API-Version", "1.0.3", "Authorization", basic(keyId, secret)));
    }

    static String basic(String keyId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((keyId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String keys(String provider) {
        return "/api/v1/providers/" + provider + "/partner-keys";
    }
}
