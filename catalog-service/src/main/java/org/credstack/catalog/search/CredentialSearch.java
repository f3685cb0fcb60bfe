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

/** Runs a {@link CredentialQuery} in MongoDB over the credentials' denormalised {@code search} fields. */
@Component
class CredentialSearch {

    private final StoredCredentials credentials;

    CredentialSearch(StoredCredentials credentials) {
        this.credentials = credentials;
    }

    /** @throws UnknownCatalogEntry if {@code stackableInto} names no credential */
    Page<CredentialView> search(CredentialQuery q) {
        int page = q.page() == null ? 0 : q.page();
        int size = q.size() == null ? CredentialQuery.DEFAULT_SIZE : q.size();
        return credentials.find(criteria(q), PageRequest.of(page, size, sort(q.sort())));
    }

    private Criteria criteria(CredentialQuery q) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("status").is(Objects.requireNonNullElse(q.status(), Status.PUBLISHED)));
        if (q.category() != null) {
            all.add(Criteria.where("search.category").is(q.category().name()));
        }
        if (q.skill() != null) {
            all.add(Criteria.where("search.skills").is(StoredCredentials.lower(q.skill())));
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
            all.add(Criteria.where("_id").in(credentials.componentIds(q.stackableInto())));
        }
        if (q.q() != null && !q.q().isBlank()) {
            all.add(Criteria.where("search.text").regex(Pattern.quote(StoredCredentials.lower(q.q().strip()))));
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
