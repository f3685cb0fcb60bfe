package org.credstack.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credstack.notification.Badges.learner;

import org.credstack.notification.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** An e-mail is stored once per business key, however often the event behind it is delivered. */
class MailOutboxIT extends RunningService {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MailOutbox outbox;

    @Test
    void storesAnEmailOncePerKeyAndSaysWhetherItWasStoredNow() {
        String learner = learner();
        String key = "badge-issued|" + learner;

        boolean first = outbox.enqueue(key, learner, learner + "@learners.example", new RenderedMail("Hi", "One"));
        boolean again = outbox.enqueue(key, learner, learner + "@learners.example", new RenderedMail("Hi", "Two"));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(mongo.find(Query.query(Criteria.where("learnerId").is(learner)), EmailDelivery.class))
                .singleElement()
                .satisfies(d -> assertThat(d.body()).startsWith("One"));
        // not a real e-mail: nobody waits for it, and no later test should meet it in the outbox
        mongo.remove(Query.query(Criteria.where("learnerId").is(learner)), EmailDelivery.class);
    }
}
