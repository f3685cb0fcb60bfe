package org.credstack.enrollment.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bson.Document;
import org.credstack.enrollment.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Statements and inbox entries stored before {@code actorFoldedKey} existed get it from the start-up backfill. */
class ActorFoldedKeysBackfillIT extends ServiceIT {

    @Autowired
    ActorFoldedKeysBackfill backfill;

    @Test
    void storesTheFoldedKeyOfLegacyMboxStatementsAndInboxEntriesAndNoOther() {
        String mbox = UUID.randomUUID().toString();
        String account = UUID.randomUUID().toString();
        String held = UUID.randomUUID().toString();
        mongo.insert(legacy(mbox, "mbox:Jane.Doe@example.org"), StatementLog.COLLECTION);
        mongo.insert(legacy(account, "account:https://lms.example|JDoe"), StatementLog.COLLECTION);
        mongo.insert(legacy(held, "mbox:JANE.DOE@example.org"), UnmatchedInbox.COLLECTION);

        int statements = backfill.backfill(StatementLog.COLLECTION);
        int inbox = backfill.backfill(UnmatchedInbox.COLLECTION);

        assertThat(statements).isGreaterThanOrEqualTo(1);
        assertThat(inbox).isGreaterThanOrEqualTo(1);
        assertThat(folded(StatementLog.COLLECTION, mbox)).isEqualTo("mbox:jane.doe@example.org");
        assertThat(folded(StatementLog.COLLECTION, account)).isNull();
        assertThat(folded(UnmatchedInbox.COLLECTION, held)).isEqualTo("mbox:jane.doe@example.org");
        assertThat(backfill.backfill(StatementLog.COLLECTION)).as("idempotent").isZero();
        // these partial documents are not for other tests to meet
        mongo.remove(Query.query(Criteria.where("_id").in(mbox, account)), StatementLog.COLLECTION);
        mongo.remove(Query.query(Criteria.where("_id").is(held)), UnmatchedInbox.COLLECTION);
    }

    private static Document legacy(String id, String actorKey) {
        return new Document("_id", id).append("actorKey", actorKey).append("activityId", "https://lms.example/a");
    }

    private String folded(String collection, String id) {
        return mongo.findById(id, Document.class, collection).getString("actorFoldedKey");
    }
}
