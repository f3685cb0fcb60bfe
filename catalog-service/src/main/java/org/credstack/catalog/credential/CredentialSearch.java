package org.credstack.catalog.credential;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Runs a {@link CredentialQuery} in MongoDB over the denormalised {@link SearchFields}. */
@Component
class CredentialSearch {

    private final MongoTemplate mongo;
    private final CredentialCatalog catalog;

    CredentialSearch(MongoTemplate mongo, CredentialCatalog catalog) {
        this.mongo = mongo;
        this.catalog = catalog;
    }

    /** @throws UnknownCatalogEntry if {@code stackableInto} names no credential */
    Page<Credential> search(CredentialQuery q) {
        int page = q.page() == null ? 0 : q.page();
        int size = q.size() == null ? CredentialQuery.DEFAULT_SIZE : q.size();
        Criteria criteria = criteria(q);
        long total = mongo.count(new Query(criteria), Credential.class);
        Query query = new Query(criteria).with(PageRequest.of(page, size, sort(q.sort())));
        return new PageImpl<>(mongo.find(query, Credential.class), PageRequest.of(page, size), total);
    }

    private Criteria criteria(CredentialQuery q) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("status").is(Objects.requireNonNullElse(q.status(), Status.PUBLISHED)));
        if (q.category() != null) {
            all.add(Criteria.where("search.category").is(q.category().name()));
        }
        if (q.skill() != null) {
            all.add(Criteria.where("search.skills").is(SearchFields.lower(q.skill())));
        }
        if (q.providerId() != null) {
            all.add(Criteria.where("search.providerId").is(q.providerId()));
        }
        if (q.deliveryMode() != null) {
            all.add(Criteria.where("search.deliveryModes").is(q.deliveryMode().name()));
        }
        if (q.free() != null) {
            all.add(Criteria.where("search.free").is(q.free()));
        }
        if (q.maxCost() != null) {
            all.add(new Criteria()
                    .orOperator(
                            Criteria.where("search.free").is(true),
                            new Criteria()
                                    .andOperator(
                                            Criteria.where("search.costCurrency")
                                                    .is(q.currency()),
                                            Criteria.where("search.costAmount")
                                                    .lte(q.maxCost().doubleValue()))));
        }
        if (q.maxHours() != null) {
            all.add(Criteria.where("search.estimatedHours").lte(q.maxHours()));
        }
        if (q.expires() != null) {
            all.add(Criteria.where("search.expires").is(q.expires()));
        }
        if (q.stackableInto() != null) {
            Credential stack = catalog.get(q.stackableInto());
            all.add(Criteria.where("_id").in(stack.asComponent().componentIds()));
        }
        if (q.q() != null && !q.q().isBlank()) {
            all.add(Criteria.where("search.text").regex(Pattern.quote(SearchFields.lower(q.q().strip()))));
        }
        return new Criteria().andOperator(all);
    }

    private static Sort sort(String sort) {
        String[] parts = (sort == null ? "title" : sort).split(",");
        Sort.Direction direction =
                parts.length > 1 && parts[1].equals("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
        String field = switch (parts[0]) {
            case "cost" -> "search.costAmount";
            case "duration" -> "search.estimatedHours";
            case "publishedAt" -> "search.publishedAt";
            default -> "search.title";
        };
        return Sort.by(direction, field).and(Sort.by("_id"));
    }
}
