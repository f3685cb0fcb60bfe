package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.credstack.runtime.PendingEvent;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** How a credential is written to and read from a MongoDB document, without a database. */
class CredentialMappingTest {

    final MappingMongoConverter converter = converter();
    final CredentialTest.Refs refs = new CredentialTest.Refs();

    @Test
    void writesPendingEventsWithTheFieldNamesTheOutboxRelayReads() {
        Credential c = Credential.draft("c1", null, TestDrafts.micro("Java", "p1"), refs, CredentialTest.T0);
        c.publish(refs, CredentialTest.T1);
        c.stageEvents(raised -> java.util.List.of(new PendingEvent(
                "e-1", "catalog.credentials.v1", "c1", Map.of("ce_id", "e-1"), "{\"credentialId\":\"c1\"}")));

        Document doc = new Document();
        converter.write(c, doc);

        Document pending = doc.getList("pendingEvents", Document.class).getFirst();
        assertThat(pending.getString("eventId")).isEqualTo("e-1");
        assertThat(pending.getString("payload")).contains("c1");
        assertThat(pending.get("headers", Document.class).getString("ce_id")).isEqualTo("e-1");
        assertThat(converter.read(Credential.class, doc).pendingEvents())
                .containsExactly(c.pendingEvents().toArray(PendingEvent[]::new));
    }

    @Test
    void readsBackPublishedContentEqualToWhatWasWritten() {
        Credential c = Credential.draft("c1", "ce-1", TestDrafts.micro("Java", "p1"), refs, CredentialTest.T0);
        c.publish(refs, Instant.parse("2026-04-01T09:00:00.123Z"));

        Document doc = new Document();
        converter.write(c, doc);
        Credential read = converter.read(Credential.class, doc);

        assertThat(read.versions()).isEqualTo(c.versions());
        assertThat(doc.get("content", Document.class).getString("validityPeriod"))
                .isEqualTo("P2Y");
        assertThat(Credential.importDecision(read, TestDrafts.micro("Java", "p1")))
                .isEqualTo(ImportResult.Change.UNCHANGED);
        assertThat(doc.get("search", Document.class).getList("skills", String.class))
                .isEqualTo(List.of("java"));
    }

    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new CatalogPersistence().mongoCustomConversions();
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
