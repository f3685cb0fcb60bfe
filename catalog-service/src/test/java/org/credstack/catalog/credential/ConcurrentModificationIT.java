package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credstack.catalog.credential.TestDrafts.micro;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.credstack.runtime.RuntimeProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class ConcurrentModificationIT extends CredentialIntegrationTest {

    @Autowired
    CredentialCatalog catalog;

    @Autowired
    RuntimeProperties runtime;

    @Test
    void retriesOnAFreshCopyWhenAnotherWriterSavedFirst() {
        String provider = newProvider("Busy Academy");
        String id = newDraft(micro("Before", provider));
        AtomicInteger attempts = new AtomicInteger();

        catalog.update(id, anyProvider -> {}, c -> {
            if (attempts.incrementAndGet() == 1) {
                bumpLockVersion(id);
            }
            c.edit(micro("After", provider), catalog.references(), catalog.now());
        });

        assertThat(attempts).hasValue(2);
        assertThat(get("/api/v1/credentials/" + id)
                        .body()
                        .get("content")
                        .get("title")
                        .asString())
                .isEqualTo("After");
    }

    @Test
    void givesUpAfterBoundedRetriesAndKeepsTheStoredState() {
        String provider = newProvider("Contended Academy");
        String id = newDraft(micro("Before", provider));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> catalog.update(id, anyProvider -> {}, c -> {
                    attempts.incrementAndGet();
                    bumpLockVersion(id);
                    c.edit(micro("After", provider), catalog.references(), catalog.now());
                }))
                .isInstanceOf(OptimisticLockingFailureException.class);

        assertThat(attempts).hasValue(runtime.conflictRetry().maxAttempts());
        assertThat(get("/api/v1/credentials/" + id)
                        .body()
                        .get("content")
                        .get("title")
                        .asString())
                .isEqualTo("Before");
    }

    @Test
    void concurrentRevisionsAllLandAsDistinctVersions() throws Exception {
        String provider = newProvider("Parallel Academy");
        String id = published(micro("v1", provider));
        List<Callable<Integer>> revisions = IntStream.rangeClosed(1, 4)
                .mapToObj(n -> (Callable<Integer>)
                        () -> post("/api/v1/credentials/" + id + "/revisions", micro("revision " + n, provider))
                                .status())
                .toList();

        List<Integer> statuses;
        try (var pool = Executors.newFixedThreadPool(4)) {
            statuses = pool.invokeAll(revisions).stream()
                    .map(ConcurrentModificationIT::join)
                    .toList();
        }

        assertThat(statuses).containsOnly(201);
        List<String> titles = new java.util.ArrayList<>();
        get("/api/v1/credentials/" + id + "/versions")
                .body()
                .forEach(v -> titles.add(v.get("content").get("title").asString()));
        assertThat(titles).hasSize(5).doesNotHaveDuplicates();
    }

    private void bumpLockVersion(String id) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)), new Update().inc("version", 1), Credential.COLLECTION);
    }

    private static Integer join(Future<Integer> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
