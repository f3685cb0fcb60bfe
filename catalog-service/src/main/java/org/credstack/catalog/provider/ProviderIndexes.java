package org.credstack.catalog.provider;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The unique sparse index on the providers' {@code sourceKey}, which both MongoDB and the embedded server
 * enforce: an import that races another cannot create the same provider twice.
 */
@Configuration(proxyBeanMethods = false)
class ProviderIndexes {

    @Bean
    InitializingBean providerSourceKeyIndex(MongoTemplate mongo) {
        return () -> mongo.indexOps(Provider.COLLECTION)
                .createIndex(new Index("sourceKey", Sort.Direction.ASC)
                        .named("sourceKey_unique")
                        .unique()
                        .sparse());
    }
}
