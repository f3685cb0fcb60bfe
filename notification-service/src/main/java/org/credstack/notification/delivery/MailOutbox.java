package org.credstack.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credstack.runtime.tracing.TraceContextHeaders;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Stores e-mails for the {@link DeliveryDispatcher} to send. Idempotent by business key: the delivery's id is
 * a name-based UUID of the key, so a redelivered event or a retried reminder stores nothing new.
 *
 * <p>Every e-mail gets the learner's unsubscribe link: in its body (the {@code footer} template, appended here) and
 * as the {@code List-Unsubscribe} header the dispatcher sets (RFC 8058).
 */
@Service
public class MailOutbox {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final MailLinks links;
    private final MailTemplates templates;
    private final TraceContextHeaders traceContext;

    MailOutbox(
            MongoTemplate mongo,
            Clock clock,
            MailLinks links,
            MailTemplates templates,
            TraceContextHeaders traceContext) {
        this.traceContext = traceContext;
        this.mongo = mongo;
        this.clock = clock;
        this.links = links;
        this.templates = templates;
    }

    /**
     * Stores an e-mail unless one with the same key is stored already.
     *
     * @param key business key, e.g. {@code badge-issued|<badgeId>}
     * @param learnerId the learner
     * @param recipient the {@code To} address
     * @param mail the rendered text, without the unsubscribe footer
     * @return whether it was stored now (false: it was already)
     */
    public boolean enqueue(String key, String learnerId, String recipient, RenderedMail mail) {
        String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        // one insert, refused on the _id when the e-mail is stored already (a redelivered event): no read first
        String unsubscribe = links.unsubscribe(learnerId);
        String footer = templates.text("footer", Map.of("unsubscribeUrl", unsubscribe));
        RenderedMail withFooter = new RenderedMail(mail.subject(), mail.body() + footer);
        try {
            mongo.insert(EmailDelivery.pending(
                    id,
                    key,
                    learnerId,
                    recipient,
                    withFooter,
                    unsubscribe,
                    clock.instant(),
                    traceContext.current().get("traceparent")));
            return true;
        } catch (DuplicateKeyException alreadyStored) {
            return false;
        }
    }

    /** The learner's most recent deliveries, newest first, at most {@code limit} of them. */
    List<EmailDelivery> deliveriesOf(String learnerId, int limit) {
        Query query = Query.query(Criteria.where("learnerId").is(learnerId))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(limit);
        return mongo.find(query, EmailDelivery.class);
    }
}
