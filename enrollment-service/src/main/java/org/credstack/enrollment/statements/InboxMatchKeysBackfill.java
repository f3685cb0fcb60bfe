package org.credstack.enrollment.statements;

import org.credstack.enrollment.learner.IdentifierKeys;
import org.credstack.enrollment.migration.OneTimeMigrations;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Stores {@code matchKeys} on the unmatched-inbox entries held before it existed, so that the inbox's retries, which
 * read that index alone, find them. Runs once per database at start-up ({@link OneTimeMigrations}: {@value #NAME});
 * the keys derive from the immutable {@code actorKey} ({@link IdentifierKeys#folded} gives the folded one, whether or
 * not the entry has its {@code actorFoldedKey} yet), so it is idempotent and races with nothing.
 */
@Component
class InboxMatchKeysBackfill implements InitializingBean {

    static final String NAME = "unmatchedStatements.matchKeys";

    private final OneTimeMigrations migrations;

    InboxMatchKeysBackfill(OneTimeMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        migrations.runOnce(NAME, this::backfill);
    }

    /** @return how many inbox entries got their match keys */
    int backfill() {
        return migrations.storeDerived(
                UnmatchedInbox.COLLECTION,
                UnmatchedInbox.MATCH_KEYS,
                entry -> {
                    String actorKey = entry.getString("actorKey");
                    return UnmatchedStatement.matchKeysOf(actorKey, IdentifierKeys.folded(actorKey));
                },
                false,
                "actorKey");
    }
}
