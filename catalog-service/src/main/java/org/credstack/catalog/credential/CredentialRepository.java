package org.credstack.catalog.credential;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface CredentialRepository extends MongoRepository<Credential, String> {

    Optional<Credential> findBySourceKey(String sourceKey);
}
