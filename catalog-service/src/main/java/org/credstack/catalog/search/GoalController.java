package org.credstack.catalog.search;

import java.util.List;
import org.credstack.catalog.credential.CatalogGoals;
import org.credstack.catalog.credential.CatalogGoals.GoalView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The goals to search the catalog by: {@code GET /api/v1/goals}, public like search. */
@RestController
class GoalController {

    private final CatalogGoals goals;

    GoalController(CatalogGoals goals) {
        this.goals = goals;
    }

    /**
     * Every framework entry (occupation, industry, skill) the published credentials are coded to, by framework and
     * label: {@code {items: [{goal, framework, code, label, credentials}]}}, where {@code goal} is the value of
     * {@code GET /api/v1/credentials?goal=}. At most a minute behind the catalog (see {@link CatalogGoals}).
     */
    @GetMapping("/api/v1/goals")
    Goals goals() {
        return new Goals(goals.goals());
    }

    /** @param items the goals, by framework and then label */
    record Goals(List<GoalView> items) {}
}
