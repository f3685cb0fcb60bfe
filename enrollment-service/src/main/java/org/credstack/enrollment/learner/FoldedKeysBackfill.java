package org.credstack.enrollment.learner;

import java.util.List;
import org.credstack.enrollment.migration.OneTimeMigrations;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Stores the folded keys of learners registered before they existed, so that the index on
 * {@value Learners#FOLDED_KEYS} finds them (docs/lifecycle/ingestion.md, "Learners stored before"). Runs once per
 * database ({@link OneTimeMigrations}, {@value #NAME}) at start-up, before requests and events are taken. Each learner
 * is updated only if its {@code version} is still the one read: a learner saved meanwhile already has its folded keys.
 */
@Component
class FoldedKeysBackfill implements InitializingBean {

    static final String NAME = "learners.foldedKeys";

    private final OneTimeMigrations migrations;

    FoldedKeysBackfill(OneTimeMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        migrations.runOnce(NAME, this::backfill);
    }

    /** @return how many learners got their folded keys */
    int backfill() {
        return migrations.storeDerived(
                Learners.COLLECTION,
                Learners.FOLDED_KEYS,
                learner -> Learner.foldedKeys(learner.getList("emails", String.class, List.of())),
                true,
                "emails");
    }
}
