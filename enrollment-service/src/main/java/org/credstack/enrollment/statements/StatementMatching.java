package org.credstack.enrollment.statements;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Matches stored statements after their request was answered: a partner's {@code POST /xapi/statements} is
 * acknowledged once its statements are stored (as an LRS does), and the completions they cause follow within
 * milliseconds on one of {@code credstack.enrollment.xapi.matching-threads} threads. A batch is matched on one
 * thread, in order, so its voiding statements still go first.
 *
 * <p>Nothing acknowledged is lost: a stored statement stays {@code processed: false} until its match has run, and a
 * sweep ({@code matching-sweep-interval}, and soon after start) matches every such statement again. Matching is
 * idempotent, so a statement matched twice (the sweep meeting one still queued) changes nothing more.
 */
@Service
class StatementMatching implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StatementMatching.class);

    private final CompletionMatcher matcher;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration sweepInterval;
    private final ExecutorService workers;

    StatementMatching(CompletionMatcher matcher, MongoTemplate mongo, Clock clock, XapiProperties properties) {
        this.matcher = matcher;
        this.mongo = mongo;
        this.clock = clock;
        this.sweepInterval = properties.matchingSweepInterval();
        this.workers = Executors.newFixedThreadPool(
                properties.matchingThreads(),
                Thread.ofPlatform().name("statement-matching-", 0).factory());
    }

    /**
     * Queues a stored batch for matching and returns at once.
     *
     * @param batch statements in request order, stored with {@code processed: false}
     * @param inserted the ids among them that the request inserted (no match has run for them)
     */
    void submit(List<StoredStatement> batch, Set<String> inserted) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            workers.execute(() -> match(batch, inserted));
        } catch (RejectedExecutionException shuttingDown) {
            log.info("{} statements stored during shutdown; the sweep matches them after the restart", batch.size());
        }
    }

    /**
     * Matches every stored statement not matched yet that was stored more than a sweep interval ago (younger ones
     * are still queued).
     *
     * @return how many statements it matched
     */
    @Scheduled(
            initialDelayString = "PT5S",
            fixedDelayString = "${credstack.enrollment.xapi.matching-sweep-interval:PT30S}")
    int sweep() {
        return matchStoredBefore(clock.instant().minus(sweepInterval));
    }

    /**
     * Matches every stored statement not matched yet that was stored before the cutoff.
     *
     * @return how many statements it matched
     */
    int matchStoredBefore(java.time.Instant cutoff) {
        Query unmatched = Query.query(
                Criteria.where("processed").is(false).and("storedAt").lt(cutoff));
        List<StoredStatement> found = mongo.find(unmatched, StoredStatement.class);
        if (!found.isEmpty()) {
            log.info("matching {} statements stored but not matched", found.size());
            match(found, Set.of());
        }
        return found.size();
    }

    private void match(List<StoredStatement> batch, Set<String> inserted) {
        try {
            matcher.process(batch, inserted);
        } catch (RuntimeException e) {
            log.warn("matching {} statements failed; the sweep retries them: {}", batch.size(), e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("statements still being matched at shutdown; the sweep matches them after the restart");
            workers.shutdownNow();
        }
    }
}
