package org.credstack.catalog.credential;

import java.util.List;
import org.credstack.catalog.common.UnknownCatalogEntry;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Read access to the {@code credentials} collection for the search feature. Criteria name the stored
 * fields: {@code status}, {@code _id}, and the denormalised {@code search.*} fields of {@link SearchFields}.
 */
@Component
public class StoredCredentials {

    /** A credential's goal keys ({@link Goal#key()}), indexed (multikey). */
    public static final String GOALS = "search.goals";

    /** A stack's component credential ids, at any depth of its rule; indexed (multikey). */
    public static final String COMPONENT_IDS = "search.componentIds";

    private final MongoTemplate mongo;
    private final CredentialCatalog catalog;

    StoredCredentials(MongoTemplate mongo, CredentialCatalog catalog) {
        this.mongo = mongo;
        this.catalog = catalog;
    }

    /** One page of the credentials matching {@code criteria}, in the page's sort order, as the API shows them. */
    public Page<CredentialView> find(Criteria criteria, Pageable page) {
        long total = mongo.count(new Query(criteria), Credential.class);
        List<CredentialView> views = mongo.find(new Query(criteria).with(page), Credential.class).stream()
                .map(CredentialView::of)
                .toList();
        return new PageImpl<>(views, page, total);
    }

    /**
     * Every credential the stack's current content names as a component, at any depth of its rule.
     *
     * @throws UnknownCatalogEntry if no credential has this id
     */
    public List<String> componentIds(String stackId) {
        return catalog.get(stackId).asComponent().componentIds();
    }

    /**
     * Nothing, when a credential has this id.
     *
     * @throws UnknownCatalogEntry if none has
     */
    public void requireKnown(String credentialId) {
        catalog.get(credentialId);
    }

    /** The lower-case form the {@code search.*} text fields are stored in. */
    public static String lower(String text) {
        return SearchFields.lower(text);
    }
}
