package org.credstack.enrollment.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.credstack.enrollment.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Inbox entries held before {@code matchKeys} existed get them from the start-up backfill, and retries find them. */
class InboxMatchKeysBackfillIT extends ServiceIT {

    @Autowired
    InboxMatchKeysBackfill backfill;

    @Autowired
    UnmatchedInbox inbox;

    @Test
    void aLegacyEntryIsFoundByTheLearnersExactOrFoldedKeyOnceItHasItsMatchKeys() {
        String local = "jane." + UUID.randomUUID().toString().substring(0, 8);
        String mboxHeld = UUID.randomUUID().toString();
        String accountHeld = UUID.randomUUID().toString();
        String account = "account:https://lms.example|" + local;
        mongo.insert(legacy(mboxHeld, "mbox:" + local.toUpperCase() + "@example.org"), UnmatchedInbox.COLLECTION);
        mongo.insert(legacy(accountHeld, account), UnmatchedInbox.COLLECTION);
        List<String> exact = List.of("mbox:" + local + "@example.org", account);
        List<String> folded = List.of("mbox:" + local + "@example.org");
        assertThat(inbox.heldFor(exact, folded)).as("before the backfill").isEmpty();

        assertThat(backfill.backfill()).isGreaterThanOrEqualTo(2);

        assertThat(matchKeys(mboxHeld))
                .containsExactly("mbox:" + local.toUpperCase() + "@example.org", "mbox:" + local + "@example.org");
        assertThat(matchKeys(accountHeld)).containsExactly(account);
        assertThat(inbox.heldFor(exact, folded)).containsExactlyInAnyOrder(mboxHeld, accountHeld);
        assertThat(inbox.heldFor(List.of(account), List.of()))
                .as("by the exact key alone")
                .containsExactly(accountHeld);
        assertThat(backfill.backfill()).as("idempotent").isZero();
        // these partial documents are not for other tests to meet
        mongo.remove(Query.query(Criteria.where("_id").in(mboxHeld, accountHeld)), UnmatchedInbox.COLLECTION);
    }

    private static Document legacy(String id, String actorKey) {
        return new Document("_id", id)
                .append("reason", "NO_LEARNER")
                .append("actorKey", actorKey)
                .append("activityId", "https://lms.example/a");
    }

    private List<String> matchKeys(String id) {
        return mongo.findById(id, Document.class, UnmatchedInbox.COLLECTION)
                .getList(UnmatchedInbox.MATCH_KEYS, String.class);
    }
}
