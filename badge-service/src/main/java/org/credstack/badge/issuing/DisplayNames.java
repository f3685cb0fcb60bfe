package org.credstack.badge.issuing;

import java.time.Clock;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The names recipients chose to show on their credentials' public pages (docs/web-app-learner.md, "The recipient's
 * name"). Read and written by {@code _id} only. A holder's own setting, consumed by nobody else: no event.
 */
@Component
class DisplayNames {

    static final String COLLECTION = "displayNames";

    /** The longest name shown, in characters. */
    static final int MAX_LENGTH = 100;

    private final MongoTemplate mongo;
    private final IssuedCredentials credentials;
    private final Clock clock;

    DisplayNames(MongoTemplate mongo, IssuedCredentials credentials, Clock clock) {
        this.mongo = mongo;
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * Shows {@code name} on the public page of the learner's badge {@code id}, or nothing when {@code name} is
     * {@code null}; setting the same again changes nothing but {@code chosenAt}.
     *
     * @throws CredentialNotFoundException when the learner holds no badge {@code id} (someone else's badge included,
     *     so an id reveals no holder)
     */
    Optional<DisplayName> choose(String learnerId, String id, String name) {
        credentials
                .held(id)
                .filter(badge -> badge.learnerId().equals(learnerId))
                .orElseThrow(() -> new CredentialNotFoundException(id));
        if (name == null) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), DisplayName.class);
            return Optional.empty();
        }
        return Optional.of(mongo.save(new DisplayName(id, learnerId, name, clock.instant())));
    }

    /** The name shown on badge {@code id}'s public page, if its holder chose one. */
    Optional<String> of(String id) {
        return Optional.ofNullable(mongo.findById(id, DisplayName.class)).map(DisplayName::name);
    }
}
