package org.credstack.catalog.provider;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ProviderRepository extends MongoRepository<Provider, String> {

    Optional<Provider> findBySourceKey(String sourceKey);
}
