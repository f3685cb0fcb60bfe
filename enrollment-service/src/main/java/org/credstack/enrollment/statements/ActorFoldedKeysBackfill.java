package org.credstack.enrollment.statements;

import org.credstack.enrollment.learner.IdentifierKeys;
import org.credstack.enrollment.migration.OneTimeMigrations;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Stores {@code actorFoldedKey} on the statements and unmatched-inbox entries stored before it existed, so that a
 * learner's statements in another case, and those waiting for the learner, are found by index
 * (docs/lifecycle/ingestion.md, "Learners stored before"). Runs once per database at start-up ({@link
 * OneTimeMigrations}: {@value #STATEMENTS}, {@value #INBOX}); setting a value derived from the immutable
 * {@code actorKey} is idempotent and races with nothing.
 */
@Component
class ActorFoldedKeysBackfill implements InitializingBean {

    static final String STATEMENTS = "statements.actorFoldedKey";
    static final String INBOX = "unmatchedStatements.actorFoldedKey";

    private final OneTimeMigrations migrations;

    ActorFoldedKeysBackfill(OneTimeMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        migrations.runOnce(STATEMENTS, () -> backfill(StatementLog.COLLECTION));
        migrations.runOnce(INBOX, () -> backfill(UnmatchedInbox.COLLECTION));
    }

    /** @return how many documents of the collection got their folded key */
    int backfill(String collection) {
        return migrations.storeDerived(
                collection,
                "actorFoldedKey",
                document -> IdentifierKeys.folded(document.getString("actorKey")),
                false,
                "actorKey");
    }
}
