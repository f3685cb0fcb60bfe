package org.credstack.enrollment.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Who registers which learner (docs/authz-enrollment.md): a learner registers themselves under their token's
 * {@code sub}, again and again without harm; an operator registers anyone; nobody else registers anybody.
 */
class LearnerRegistrationIT extends ServiceIT {

    @Test
    void registersALearnerUnderTheSubjectOfTheirToken() {
        String sub = UUID.randomUUID().toString();

        Api.Response created = api.as(TestTokens.learner(sub)).post("/api/v1/learners", registration(null));

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.body().get("id").stringValue()).isEqualTo(sub);
        assertThat(created.header("Location")).isEqualTo("/api/v1/learners/" + sub);
        assertThat(mongo.findById(sub, Learner.class)).isNotNull();
    }

    @Test
    void answersTheRegisteredLearnerUnchangedWhenTheyRegisterAgain() {
        String sub = UUID.randomUUID().toString();
        String email = unique("ada") + "@example.org";
        Api asLearner = api.as(TestTokens.learner(sub));
        asLearner.post("/api/v1/learners", """
                {"displayName": "Ada Lovelace", "emails": ["%s"]}""".formatted(email));
        long before = learners();

        Api.Response again = asLearner.post("/api/v1/learners", """
                {"id": "%s", "displayName": "Someone Else", "emails": ["%s"]}""".formatted(sub, unique("other") + "@example.org"));

        assertThat(again.status()).as(again.raw().body()).isEqualTo(200);
        assertThat(again.body().get("displayName").stringValue()).isEqualTo("Ada Lovelace");
        assertThat(again.body().get("emails").get(0).stringValue()).isEqualTo(email);
        assertThat(learners()).isEqualTo(before);
    }

    @Test
    void refusesALearnerRegisteringAnotherIdAndStoresNothing() {
        String sub = UUID.randomUUID().toString();
        String victim = UUID.randomUUID().toString();
        long before = learners();

        Api.Response refused = api.as(TestTokens.learner(sub)).post("/api/v1/learners", registration(victim));

        assertForbidden(refused);
        assertThat(mongo.findById(victim, Learner.class)).isNull();
        assertThat(mongo.findById(sub, Learner.class)).isNull();
        assertThat(learners()).isEqualTo(before);
    }

    @Test
    void refusesStaffAndPartnersRegisteringLearnersAndStoresNothing() {
        String id = UUID.randomUUID().toString();
        long before = learners();

        Api.Response staff = api.as(TestTokens.staff("provider-1")).post("/api/v1/learners", registration(id));
        Api.Response staffNoId = api.as(TestTokens.staff("provider-1")).post("/api/v1/learners", registration(null));
        Api.Response partner = api.as(TestTokens.partner("provider-1")).post("/api/v1/learners", registration(null));

        assertForbidden(staff);
        assertForbidden(staffNoId);
        assertForbidden(partner);
        assertThat(learners()).isEqualTo(before);
    }

    @Test
    void refusesAnAnonymousRegistrationWith401AndStoresNothing() {
        long before = learners();

        Api.Response refused = api.anonymous().post("/api/v1/learners", registration(null));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:unauthorized");
        assertThat(learners()).isEqualTo(before);
    }

    @Test
    void anOperatorRegistersALearnerUnderTheIdItNamesOrANewOne() {
        String migrated = UUID.randomUUID().toString();
        Api asOperator = api.as(TestTokens.operator());

        Api.Response named = asOperator.post("/api/v1/learners", registration(migrated));
        Api.Response unnamed = asOperator.post("/api/v1/learners", registration(null));

        assertThat(named.status()).as(named.raw().body()).isEqualTo(201);
        assertThat(named.body().get("id").stringValue()).isEqualTo(migrated);
        assertThat(unnamed.status()).as(unnamed.raw().body()).isEqualTo(201);
        assertThat(unnamed.body().get("id").stringValue())
                .isNotEqualTo(migrated)
                .isNotEqualTo("operator");
        assertThat(UUID.fromString(unnamed.body().get("id").stringValue())).isNotNull();
    }

    @Test
    void refusesAnIdThatIsNotOnePathSegmentNamingIt() {
        Api.Response refused = api.as(TestTokens.operator()).post("/api/v1/learners", registration("a/b"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().at("/errors/0/field").stringValue()).isEqualTo("id");
        assertThat(mongo.findById("a/b", Learner.class)).isNull();
    }

    private static String registration(String id) {
        String email = unique("ada") + "@example.org";
        return id == null ? """
                {"displayName": "Ada Lovelace", "emails": ["%s"]}""".formatted(email) : """
                {"id": "%s", "displayName": "Ada Lovelace", "emails": ["%s"]}""".formatted(id, email);
    }

    private static void assertForbidden(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:forbidden");
    }

    private long learners() {
        return mongo.getCollection(Learners.COLLECTION).countDocuments();
    }
}
