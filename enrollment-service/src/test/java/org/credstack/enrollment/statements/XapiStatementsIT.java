package org.credstack.enrollment.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.credstack.enrollment.xapi.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The xAPI Statement Resource (Communication section 2.1) against the fixtures of test resources {@code xapi/}. */
class XapiStatementsIT extends ServiceIT {

    private static final Map<String, String> XAPI = partnerXapi("1.0.3");

    @ParameterizedTest
    @MethodSource("org.credstack.enrollment.xapi.Fixtures#validStatements")
    void acceptsAndStoresEveryValidFixture(String file) {
        Api.Response response = api.post("/xapi/statements", Fixtures.text("xapi/" + file), XAPI);

        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        assertThat(response.header("X-Experience-API-Version")).isEqualTo("1.0.3");
        assertThat(response.body().size()).isEqualTo(1);
        String id = response.body().get(0).stringValue();
        assertThat(mongo.findById(id, StoredStatement.class, "statements")).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("org.credstack.enrollment.xapi.Fixtures#invalidStatements")
    void rejectsEveryInvalidFixtureNamingThePointerAndStoresNothing(String file, String pointer) {
        long before = statementCount();

        Api.Response response = api.post("/xapi/statements", Fixtures.text("xapi/" + file), XAPI);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("X-Experience-API-Version")).isEqualTo("1.0.3");
        assertThat(response.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:invalid-statement");
        assertThat(response.body().get("title").stringValue()).isEqualTo("Invalid statement");
        assertThat(response.body().get("errors").findValuesAsString("pointer")).contains(pointer);
        assertThat(statementCount()).isEqualTo(before);
    }

    @Test
    void refusesARequestWithoutASupportedVersionHeader() {
        String statement = statement(UUID.randomUUID(), "completed", null);

        Api.Response missing = api.post("/xapi/statements", statement, Map.of());
        Api.Response unsupported = api.post("/xapi/statements", statement, partnerXapi("0.95"));
        Api.Response v2 = api.post("/xapi/statements", statement, partnerXapi("2.0.0"));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().at("/errors/0/field").stringValue()).isEqualTo("X-Experience-API-Version");
        assertThat(missing.body().get("type").stringValue())
                .isEqualTo("urn:credstack:problem:unsupported-xapi-version");
        assertThat(missing.body().get("title").stringValue()).isEqualTo("Unsupported xAPI version");
        assertThat(missing.body().get("instance").stringValue()).isEqualTo("/xapi/statements");
        assertThat(missing.header("X-Experience-API-Version")).isEqualTo("2.0.0");
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.header("X-Experience-API-Version")).isEqualTo("2.0.0");
    }

    @Test
    void repeatingAStatementIsANoOpAndDifferentContentUnderItsIdIsAConflict() {
        UUID id = UUID.randomUUID();
        String original = statement(id, "completed", "2026-03-01T10:00:00Z");
        String sameContentOtherForm = statement(id, "completed", "2026-03-01T12:00:00+02:00");
        String different = statement(id, "passed", "2026-03-01T10:00:00Z");

        Api.Response first = api.post("/xapi/statements", original, XAPI);
        Api.Response repeat = api.post("/xapi/statements", sameContentOtherForm, XAPI);
        Api.Response put = api.put("/xapi/statements?statementId=" + id, original, XAPI);
        Api.Response conflict = api.post("/xapi/statements", different, XAPI);
        Api.Response putConflict = api.put("/xapi/statements?statementId=" + id, different, XAPI);

        assertThat(first.status()).isEqualTo(200);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body().get(0).stringValue()).isEqualTo(id.toString());
        assertThat(put.status()).isEqualTo(204);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().at("/errors/0/pointer").stringValue()).isEqualTo("/id");
        assertThat(putConflict.status()).isEqualTo(409);
        assertThat(mongo.findById(id.toString(), StoredStatement.class).verbId())
                .endsWith("/completed");
    }

    @Test
    void putStoresUnderTheStatementIdParameterAndRefusesAnotherId() {
        UUID id = UUID.randomUUID();
        String withoutId = statement(null, "completed", "2026-03-01T10:00:00Z");

        Api.Response stored = api.put("/xapi/statements?statementId=" + id, withoutId, XAPI);
        Api.Response mismatch =
                api.put("/xapi/statements?statementId=" + UUID.randomUUID(), statement(id, "completed", null), XAPI);
        Api.Response notUuid = api.put("/xapi/statements?statementId=nope", withoutId, XAPI);

        assertThat(stored.status()).isEqualTo(204);
        assertThat(stored.header("X-Experience-API-Version")).isEqualTo("1.0.3");
        assertThat(mongo.findById(id.toString(), StoredStatement.class)).isNotNull();
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body().at("/errors/0/pointer").stringValue()).isEqualTo("/id");
        assertThat(notUuid.status()).isEqualTo(400);
        assertThat(notUuid.body().at("/errors/0/field").stringValue()).isEqualTo("statementId");
    }

    @Test
    void aBatchWithOneInvalidStatementStoresNothing() {
        UUID valid = UUID.randomUUID();
        String batch = "[" + statement(valid, "completed", null) + ","
                + statement(UUID.randomUUID(), "completed", "yesterday") + "]";
        long before = statementCount();

        Api.Response response = api.post("/xapi/statements", batch, XAPI);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").findValuesAsString("pointer")).containsExactly("/1/timestamp");
        assertThat(statementCount()).isEqualTo(before);
        assertThat(mongo.findById(valid.toString(), StoredStatement.class)).isNull();
    }

    @Test
    void aBatchWithOneConflictingStatementStoresNothing() {
        UUID stored = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        api.post("/xapi/statements", statement(stored, "completed", null), XAPI);
        String batch = "[" + statement(fresh, "completed", null) + "," + statement(stored, "passed", null) + "]";

        Api.Response response = api.post("/xapi/statements", batch, XAPI);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().at("/errors/0/pointer").stringValue()).isEqualTo("/1/id");
        assertThat(mongo.findById(fresh.toString(), StoredStatement.class)).isNull();
    }

    @Test
    void refusesAStatementDatedInTheFutureOrBeforeTheEpochAndStoresNothing() {
        UUID valid = UUID.randomUUID();
        String future = statement(UUID.randomUUID(), "completed", "2099-01-01T00:00:00Z");
        String ancient = statement(UUID.randomUUID(), "completed", "0001-01-01T00:00:00Z");
        String batch = "[" + statement(valid, "completed", null) + "," + future + "]";
        long before = statementCount();

        Api.Response single = api.post("/xapi/statements", future, XAPI);
        Api.Response old = api.post("/xapi/statements", ancient, XAPI);
        Api.Response inBatch = api.post("/xapi/statements", batch, XAPI);
        Api.Response put = api.put(
                "/xapi/statements?statementId=" + UUID.randomUUID(),
                statement(null, "completed", "2099-01-01T00:00:00Z"),
                XAPI);

        assertThat(single.status()).isEqualTo(400);
        assertThat(single.body().at("/errors/0/pointer").stringValue()).isEqualTo("/timestamp");
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.body().at("/errors/0/pointer").stringValue()).isEqualTo("/timestamp");
        assertThat(inBatch.status()).isEqualTo(400);
        assertThat(inBatch.body().get("errors").findValuesAsString("pointer")).containsExactly("/1/timestamp");
        assertThat(put.status()).isEqualTo(400);
        assertThat(statementCount()).isEqualTo(before);
        assertThat(mongo.findById(valid.toString(), StoredStatement.class)).isNull();
    }

    @Test
    void refusesABodyThatIsNotUtf8AndStoresNothing() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] text = statement(id, "completed", null).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = java.util.Arrays.copyOf(text, text.length + 2);
        int quote = new String(text, java.nio.charset.StandardCharsets.UTF_8).indexOf("nobody-") + 6;
        System.arraycopy(text, quote, body, quote + 2, text.length - quote);
        body[quote] = (byte) 0xC3; // a lead byte followed by a non-continuation byte: malformed
        body[quote + 1] = (byte) 0x28;

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/xapi/statements"))
                                .header("Content-Type", "application/json")
                                .header("X-Experience-API-Version", "1.0.3")
                                .header("Authorization", XAPI.get("Authorization"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UTF-8");
        assertThat(mongo.findById(id.toString(), StoredStatement.class)).isNull();
    }

    @Test
    void storesATimestampWithAnOffsetAsUtc() {
        Api.Response response =
                api.post("/xapi/statements", Fixtures.text("xapi/valid-10-suite-timestamp-non-utc-offset.json"), XAPI);

        StoredStatement stored = mongo.findById(response.body().get(0).stringValue(), StoredStatement.class);
        assertThat(stored.timestamp()).isEqualTo("2023-05-04T17:00:00Z");
    }

    /**
     * xAPI Data section 2.3.2: "Any Statement that voids another cannot itself be voided", and 2.3.2.s2.b3: a statement
     * is voided if and only if it is not itself a voiding statement and a voiding statement refers to it. The ADL LRS
     * conformance suite (XAPI-00016, "A Voiding Statement cannot Target another Voiding Statement") lets an LRS reject
     * such a statement or accept it and ignore it, and checks only that the targeted voiding statement is not voided;
     * 2.3.2.s2.b5 says not to reject a voiding statement whose target is missing, so we cannot always know the target
     * is a voiding statement when the request comes. We accept it (200), store it, and ignore it, in either order.
     */
    @Test
    void aVoidingStatementTargetingAVoidingStatementIsAcceptedStoredAndIgnoredXapiData232Xapi00016() {
        UUID voided = UUID.randomUUID();
        UUID voiding = UUID.randomUUID();
        UUID voidingTheVoiding = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        UUID lateTarget = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        api.post("/xapi/statements", statement(voided, "completed", null), XAPI);
        Api.Response first = api.post("/xapi/statements", voiding(voiding, voided), XAPI);
        Api.Response second = api.post("/xapi/statements", voiding(voidingTheVoiding, voiding), XAPI);
        // the voiding statement of a voiding statement may come before its target (2.3.2.s2.b5: not rejected)
        Api.Response beforeTarget = api.post("/xapi/statements", voiding(early, lateTarget), XAPI);
        api.post("/xapi/statements", statement(other, "completed", null), XAPI);
        Api.Response target = api.post("/xapi/statements", voiding(lateTarget, other), XAPI);

        assertThat(List.of(first, second, beforeTarget, target))
                .extracting(Api.Response::status)
                .containsOnly(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(stored(voidingTheVoiding).voids()).isEqualTo(voiding.toString());
            assertThat(stored(voidingTheVoiding).processed()).isTrue();
            assertThat(stored(voiding).voided())
                    .as("a voiding statement is never voided")
                    .isFalse();
            assertThat(stored(voided).voided())
                    .as("and its own target stays voided")
                    .isTrue();
            assertThat(stored(lateTarget).voided()).isFalse();
            assertThat(stored(lateTarget).processed()).isTrue();
            assertThat(stored(other).voided()).isTrue();
        });
    }

    private StoredStatement stored(UUID id) {
        return mongo.findById(id.toString(), StoredStatement.class);
    }

    private static String voiding(UUID id, UUID target) {
        return """
                {"id": "%s", "actor": {"mbox": "mailto:admin@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "%s"}}""".formatted(id, target);
    }

    private long statementCount() {
        return mongo.getCollection(StatementLog.COLLECTION).countDocuments();
    }

    /** A statement by an unknown learner about an unknown activity. */
    static String statement(UUID id, String verb, String timestamp) {
        return """
                {%s"actor": {"mbox": "mailto:nobody-%s@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/%s"},
                 "object": {"id": "https://lms.example/activities/unknown"}%s}""".formatted(
                        id == null ? "" : "\"id\": \"" + id + "\", ",
                        id,
                        verb,
                        timestamp == null ? "" : ", \"timestamp\": \"" + timestamp + "\"");
    }
}
