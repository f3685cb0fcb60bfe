package org.credstack.enrollment.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.junit.jupiter.api.Test;

/** Registering learners and adding identifiers: every client mistake is a 400 naming the request's field. */
class LearnersIT extends ServiceIT {

    @Test
    void refusesThousandsOfEmailsQuicklyAndStoresNothing() {
        String prefix = unique("bulk");
        String emails = IntStream.range(0, 20_000)
                .mapToObj(i -> "\"" + prefix + i + "@example.org\"")
                .collect(Collectors.joining(","));
        long before = learners();

        Api.Response response =
                api.post("/api/v1/learners", "{\"displayName\": \"Bulk\", \"emails\": [" + emails + "]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/errors/0/field").stringValue()).isEqualTo("emails");
        assertThat(learners()).isEqualTo(before);
    }

    @Test
    void refusesAnEmailWithAScheme() {
        Api.Response response = api.post("/api/v1/learners", """
                {"displayName": "Zz", "emails": ["mailto:%s@example.org"]}""".formatted(unique("zz")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/errors/0/field").stringValue()).isEqualTo("emails[0]");
        assertThat(response.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:invalid-identifier");
    }

    @Test
    void refusesANonStringNamingTheFieldInTheRequestsTerms() {
        Api.Response number = api.post("/api/v1/learners", """
                {"displayName": 42, "emails": ["%s@example.org"]}""".formatted(unique("n")));
        Api.Response emailNumber = api.post("/api/v1/learners", """
                {"displayName": "Ada", "emails": ["%s@example.org", 7]}""".formatted(unique("n")));
        Api.Response notAList = api.post("/api/v1/learners", """
                {"displayName": "Ada", "emails": {"a": 1}}""");

        assertThat(number.status()).isEqualTo(400);
        assertThat(number.body().at("/errors/0/field").stringValue()).isEqualTo("displayName");
        assertThat(number.body().get("type").stringValue()).isEqualTo("urn:credstack:problem:invalid-request");
        assertThat(emailNumber.status()).isEqualTo(400);
        assertThat(emailNumber.body().at("/errors/0/field").stringValue()).isEqualTo("emails[1]");
        assertThat(notAList.status()).isEqualTo(400);
        assertThat(notAList.body().at("/errors/0/field").stringValue()).isEqualTo("emails");
    }

    @Test
    void namesATakenEmailByItsIndexInTheRequest() {
        String taken = unique("taken") + "@example.org";
        learner(taken);
        String id = learner(unique("ada") + "@example.org");

        Api.Response response =
                api.put("/api/v1/learners/" + id + "/identifiers", "{\"emails\": [\"" + taken + "\"]}", Map.of());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().at("/errors/0/field").stringValue()).isEqualTo("emails[0]");
    }

    @Test
    void refusesTooManyIdentifiersInAPut() {
        String id = learner(unique("ada") + "@example.org");
        String emails = IntStream.range(0, 11)
                .mapToObj(i -> "\"" + unique("e") + "@example.org\"")
                .collect(Collectors.joining(","));

        Api.Response response =
                api.put("/api/v1/learners/" + id + "/identifiers", "{\"emails\": [" + emails + "]}", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/errors/0/field").stringValue()).isEqualTo("emails");
        assertThat(api.get("/api/v1/learners/" + id).body().get("emails").size())
                .isEqualTo(1);
    }

    private long learners() {
        return mongo.getCollection(Learners.COLLECTION).countDocuments();
    }
}
