package org.credstack.catalog.archsample;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Deliberately bad: a controller that queries the store itself. */
@RestController
public class QueryingController {

    private final MongoTemplate mongo;

    QueryingController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/count")
    long count() {
        return mongo.getCollection("credentials").countDocuments();
    }
}
