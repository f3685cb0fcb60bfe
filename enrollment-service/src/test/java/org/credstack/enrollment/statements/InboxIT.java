package org.credstack.enrollment.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credstack.enrollment.Api;
import org.credstack.enrollment.ServiceIT;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/inbox/unmatched} pages, newest first. */
class InboxIT extends ServiceIT {

    private static final Map<String, String> XAPI = partnerXapi("1.0.3");

    @Test
    void pagesTheUnmatchedStatementsNewestFirst() throws InterruptedException {
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            assertThat(api.post("/xapi/statements", XapiStatementsIT.statement(id, "completed", null), XAPI)
                            .status())
                    .isEqualTo(200);
            posted.add(id.toString());
            Thread.sleep(5);
        }

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get("/api/v1/inbox/unmatched").body().findValuesAsString("statementId"),
                        held -> held.containsAll(posted));
        Api.Response first = api.get("/api/v1/inbox/unmatched?limit=2");
        Api.Response second = api.get("/api/v1/inbox/unmatched?limit=2&page=1");
        Api.Response byDefault = api.get("/api/v1/inbox/unmatched");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().findValuesAsString("statementId")).containsExactly(posted.get(2), posted.get(1));
        assertThat(second.body().get(0).get("statementId").stringValue()).isEqualTo(posted.get(0));
        assertThat(byDefault.body().size()).isBetween(3, 100);
    }

    @Test
    void refusesALimitOrPageOutOfRange() {
        Api.Response tooMany = api.get("/api/v1/inbox/unmatched?limit=1001");
        Api.Response none = api.get("/api/v1/inbox/unmatched?limit=0");
        Api.Response negativePage = api.get("/api/v1/inbox/unmatched?page=-1");

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().at("/errors/0/field").stringValue()).isEqualTo("limit");
        assertThat(none.status()).isEqualTo(400);
        assertThat(negativePage.status()).isEqualTo(400);
        assertThat(negativePage.body().at("/errors/0/field").stringValue()).isEqualTo("page");
    }
}
