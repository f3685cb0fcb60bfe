package org.credstack.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.credstack.catalog.common.UnknownCatalogEntry;
import org.credstack.catalog.credential.CredentialView;
import org.credstack.catalog.credential.Status;
import org.credstack.catalog.credential.StoredCredentials;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Runs a {@link CredentialQuery} in MongoDB over the credentials' denormalised {@code search} fields. The filters
 * that compare a field with one value ({@code status}, category, skill, provider, delivery mode, free, expires,
 * goal, componentOf, and stackableInto's {@code _id $in}) stand at the top level of the query document, where the
 * embedded store looks for an index to read by (MongoDB's planner finds them anywhere); the others (cost, hours,
 * words) follow in one {@code $and}.
 */
@Component
class CredentialSearch {

    private final StoredCredentials credentials;

    CredentialSearch(StoredCredentials credentials) {
        this.credentials = credentials;
    }

    /** @throws UnknownCatalogEntry if {@code stackableInto} or {@code componentOf} names no credential */
    Page<CredentialView> search(CredentialQuery q) {
        int page = q.page() == null ? 0 : q.page();
        int size = q.size() == null ? CredentialQuery.DEFAULT_SIZE : q.size();
        return credentials.find(criteria(q), PageRequest.of(page, size, sort(q.sort())));
    }

    /**
     * The criteria for a normalised query, as stored fields name them.
     *
     * @throws UnknownCatalogEntry if {@code stackableInto} or {@code componentOf} names no credential
     */
    Criteria criteria(CredentialQuery q) {
        Criteria top = Criteria.where("status").is(Objects.requireNonNullElse(q.status(), Status.PUBLISHED));
        if (q.category() != null) {
            top.and("search.category").is(q.category().name());
        }
        if (q.skill() != null) {
            top.and("search.skills").is(StoredCredentials.lower(q.skill()));
        }
        if (q.providerId() != null) {
            top.and("search.providerId").is(q.providerId());
        }
        if (q.deliveryMode() != null) {
            top.and("search.deliveryModes").is(q.deliveryMode().name());
        }
        if (q.free() != null) {
            top.and("search.free").is(q.free());
        }
        if (q.expires() != null) {
            top.and("search.expires").is(q.expires());
        }
        if (q.goal() != null) {
            top.and(StoredCredentials.GOALS).is(q.parsedGoal().key());
        }
        if (q.componentOf() != null) {
            credentials.requireKnown(q.componentOf());
            top.and(StoredCredentials.COMPONENT_IDS).is(q.componentOf());
        }
        if (q.stackableInto() != null) {
            top.and("_id").in(credentials.componentIds(q.stackableInto()));
        }
        List<Criteria> rest = new ArrayList<>();
        if (q.maxCost() != null) {
            rest.add(new Criteria()
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
            rest.add(Criteria.where("search.estimatedHours").lte(q.maxHours()));
        }
        if (q.q() != null && !q.q().isBlank()) {
            rest.add(Criteria.where("search.text").regex(Pattern.quote(StoredCredentials.lower(q.q().strip()))));
        }
        return rest.isEmpty() ? top : top.andOperator(rest);
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
