package org.credstack.catalog.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The goals a learner can choose from: every coded alignment of the published catalog, with its label and how many
 * published credentials name it. Held in memory and computed again from the published credentials (their
 * alignments only) when first asked after a credential was saved in this process, or after {@link #MAX_AGE} for
 * what other instances saved; so a page request reads the catalog at most once per change, never every time
 * (docs/web-app-catalog-search.md).
 */
@Component
public class CatalogGoals extends AbstractMongoEventListener<Credential> {

    /** How long a computed list is answered when this process saw no change: the bound on other instances' news. */
    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private volatile Computed computed;

    private record Computed(long afterChanges, Instant at, List<GoalView> goals) {}

    CatalogGoals(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * One framework entry that published credentials are aligned to.
     *
     * @param goal the value of search's {@code goal} parameter, {@code framework:code}
     * @param framework the framework's name, e.g. {@code O*NET-SOC}, {@code NAICS}, {@code ESCO}, {@code SFIA}
     * @param code the entry's code in the framework
     * @param label the entry's name, as the first credential naming it gives it
     * @param credentials how many published credentials are aligned to it
     */
    public record GoalView(String goal, String framework, String code, String label, int credentials) {}

    /** The published catalog's goals, by framework and then label (case-insensitive), each goal once. */
    public List<GoalView> goals() {
        Computed current = computed;
        long seen = changes.get();
        Instant now = clock.instant();
        if (current == null
                || current.afterChanges() != seen
                || !now.isBefore(current.at().plus(MAX_AGE))) {
            current = new Computed(seen, now, compute());
            computed = current;
        }
        return current.goals();
    }

    /** A credential was saved here: the next {@link #goals()} computes the list again. */
    @Override
    public void onAfterSave(AfterSaveEvent<Credential> event) {
        changes.incrementAndGet();
    }

    private List<GoalView> compute() {
        Query published = Query.query(Criteria.where("status").is(Status.PUBLISHED.name()));
        published.fields().include("content.alignments");
        Map<String, GoalView> byKey = new LinkedHashMap<>();
        try (var credentials = mongo.stream(published, Document.class, Credential.COLLECTION)) {
            credentials.forEach(credential -> count(credential, byKey));
        }
        return byKey.values().stream()
                .sorted(Comparator.comparing((GoalView g) -> SearchFields.lower(g.framework()))
                        .thenComparing(g -> SearchFields.lower(g.label()))
                        .thenComparing(GoalView::code))
                .toList();
    }

    /** Counts each goal of one credential once, however often its alignments repeat it. */
    private static void count(Document credential, Map<String, GoalView> byKey) {
        Object content = credential.get("content");
        if (!(content instanceof Document c)) {
            return;
        }
        Map<String, GoalView> mine = new LinkedHashMap<>();
        for (Document a : c.getList("alignments", Document.class, List.of())) {
            String framework = a.getString("framework");
            String code = a.getString("code");
            if (framework == null || code == null || code.isBlank()) {
                continue;
            }
            Goal goal = new Goal(framework.strip(), code.strip());
            String label = Objects.requireNonNullElse(a.getString("label"), goal.code());
            mine.putIfAbsent(goal.key(), new GoalView(goal.toString(), goal.framework(), goal.code(), label, 1));
        }
        mine.forEach((key, view) -> byKey.merge(
                key,
                view,
                (known, more) -> new GoalView(
                        known.goal(), known.framework(), known.code(), known.label(), known.credentials() + 1)));
    }
}
