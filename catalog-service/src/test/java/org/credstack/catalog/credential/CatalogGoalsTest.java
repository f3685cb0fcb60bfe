package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.credstack.catalog.credential.CatalogGoals.GoalView;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Query;

/** The goal list is computed once per change (or minute), not per request, and counts each credential once. */
class CatalogGoalsTest {

    final MongoTemplate mongo = mock(MongoTemplate.class);
    final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
    final CatalogGoals goals = new CatalogGoals(mongo, clock);

    @BeforeEach
    void catalog() {
        when(mongo.stream(any(Query.class), eq(Document.class), eq(Credential.COLLECTION)))
                .thenAnswer(call -> Stream.of(
                        credential(
                                alignment("O*NET-SOC", "15-1252.00", "Software Developers"),
                                alignment("o*net-soc", "15-1252.00 ", "Software developers (again)"),
                                alignment("NAICS", "5415", "Computer Systems Design")),
                        credential(
                                alignment("O*NET-SOC", "15-1252.00", "Developers"),
                                alignment("Job board", null, "A label alone")),
                        credential(alignment("ESCO", "http://data.europa.eu/esco/occupation/x", "developer"))));
    }

    @Test
    void listsEachCodedAlignmentOnceByFrameworkAndLabelWithHowManyCredentialsNameIt() {
        assertThat(goals.goals())
                .containsExactly(
                        new GoalView(
                                "ESCO:http://data.europa.eu/esco/occupation/x",
                                "ESCO",
                                "http://data.europa.eu/esco/occupation/x",
                                "developer",
                                1),
                        new GoalView("NAICS:5415", "NAICS", "5415", "Computer Systems Design", 1),
                        new GoalView("O*NET-SOC:15-1252.00", "O*NET-SOC", "15-1252.00", "Software Developers", 2));
    }

    @Test
    void readsTheCatalogOnceForManyRequests() {
        for (int i = 0; i < 5; i++) {
            goals.goals();
            clock.advance(Duration.ofSeconds(10));
        }

        verify(mongo, times(1)).stream(any(Query.class), eq(Document.class), eq(Credential.COLLECTION));
    }

    @Test
    void readsTheCatalogAgainAfterACredentialWasSaved() {
        goals.goals();
        goals.onAfterSave(new AfterSaveEvent<>(new Credential(), new Document(), Credential.COLLECTION));
        goals.goals();
        goals.goals();

        verify(mongo, times(2)).stream(any(Query.class), eq(Document.class), eq(Credential.COLLECTION));
    }

    @Test
    void readsTheCatalogAgainAfterAMinuteForWhatOtherInstancesSaved() {
        goals.goals();
        clock.advance(CatalogGoals.MAX_AGE.minusSeconds(1));
        goals.goals();
        clock.advance(Duration.ofSeconds(1));
        goals.goals();

        verify(mongo, times(2)).stream(any(Query.class), eq(Document.class), eq(Credential.COLLECTION));
    }

    private static Document credential(Document... alignments) {
        return new Document("_id", "c").append("content", new Document("alignments", List.of(alignments)));
    }

    private static Document alignment(String framework, String code, String label) {
        Document a = new Document("framework", framework).append("label", label);
        if (code != null) {
            a.append("code", code);
        }
        return a;
    }
}
