package org.credstack.catalog.credential;

import java.time.Period;
import java.util.List;
import org.credstack.runtime.OutboxCollection;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;
import org.springframework.data.mongodb.core.index.Index;

/**
 * How the catalog is stored: ISO 8601 periods and exact decimal strings (so content compares equal after
 * a round trip, which import idempotency relies on), and the indexes. The unique sparse index on
 * {@code sourceKey} (providers have their own) is enforced by both MongoDB and the embedded server. The secondary
 * indexes serve search: MongoDB uses them as it plans, the embedded store when a query has an equality (or an
 * {@code $in} on a one-field index) on every field of one. {@code search.goals} and {@code search.componentIds}
 * hold arrays, so they are multikey: one entry per goal, per component.
 */
@Configuration(proxyBeanMethods = false)
class CatalogPersistence {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(adapter -> adapter.bigDecimal(BigDecimalRepresentation.STRING)
                .registerConverters(List.of(new PeriodToString(), new StringToPeriod())));
    }

    /** Credentials carry their events to the outbox relay. */
    @Bean
    OutboxCollection credentialOutbox() {
        return new OutboxCollection(Credential.COLLECTION);
    }

    @Bean
    InitializingBean catalogIndexes(MongoTemplate mongo) {
        return () -> {
            var credentials = mongo.indexOps(Credential.COLLECTION);
            credentials.createIndex(new Index("sourceKey", Sort.Direction.ASC)
                    .named("sourceKey_unique")
                    .unique()
                    .sparse());
            credentials.createIndex(new Index("status", Sort.Direction.ASC).on("search.category", Sort.Direction.ASC));
            credentials.createIndex(new Index("search.skills", Sort.Direction.ASC));
            credentials.createIndex(new Index("search.providerId", Sort.Direction.ASC));
            credentials.createIndex(new Index("search.publishedAt", Sort.Direction.DESC));
            credentials.createIndex(new Index(StoredCredentials.GOALS, Sort.Direction.ASC));
            credentials.createIndex(new Index(StoredCredentials.COMPONENT_IDS, Sort.Direction.ASC));
        };
    }

    @WritingConverter
    static class PeriodToString implements Converter<Period, String> {
        @Override
        public String convert(Period source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static class StringToPeriod implements Converter<String, Period> {
        @Override
        public Period convert(String source) {
            return Period.parse(source);
        }
    }
}
